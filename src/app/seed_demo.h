#pragma once
// The demo province loaded by `tdkt seed demo` and `make run`.
#include <string>

#include "app/app.h"
#include "core/error.h"

namespace tdkt::app {

inline constexpr const char* kDemoPassword = "Demo@2026tdkt";

struct SeedReport {
    bool already_seeded = false;
    int units = 0;
    int users = 0;
    int people = 0;
};

struct SeedOptions {
    int people = 2000;  // people with seven years of ratings and awards; when > 0, at least the six fixed ones
};

// Thái Bình and Hưng Yên from 2019, merged on 1/7/2025 (the two-tier structure), their people and
// history, and one demo user per role. Idempotent: adds only what is missing. Command line only
// (ctx.system).
Result<SeedReport> SeedDemo(App& app, const RequestContext& ctx, const SeedOptions& options = {});

}  // namespace tdkt::app

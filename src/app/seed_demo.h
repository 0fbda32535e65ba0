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
};

// Idempotent: adds only the demo units and users that are missing. Command line only (ctx.system).
Result<SeedReport> SeedDemo(App& app, const RequestContext& ctx);

}  // namespace tdkt::app

#pragma once
// National-scale generated data for benchmarks (`tdkt seed synthetic`): 34 provinces with their
// commune-level units, and N people with Y years of ratings and the CSTĐCS their HTXS years earned.
// Deterministic: the same options give the same data. Written through app::BulkSink (no per-row
// audit entries; one entry records the run).
#include <cstdint>
#include <functional>

#include "app/app.h"
#include "core/error.h"

namespace tdkt::app {

struct SyntheticOptions {
    std::int64_t people = 100'000;
    int years = 10;
    std::uint64_t seed = 1;
    int communes_per_province = 98;  // 34 × 98 ≈ the 3,321 commune-level units of 2025
};

struct SyntheticReport {
    std::int64_t units = 0, people = 0, ratings = 0, awards = 0;
};

Result<SyntheticReport> SeedSynthetic(App& app, const RequestContext& ctx, const SyntheticOptions& options,
                                      const std::function<void(std::int64_t done, std::int64_t total)>& progress = {});

}  // namespace tdkt::app

#pragma once
// Reading units. (Creating, moving and merging units over time arrives with the organisation module.)
#include <vector>

#include "app/app.h"
#include "core/error.h"

namespace tdkt::app {

Result<UnitRecord> GetUnit(App& app, const RequestContext& ctx, UnitId id);
// Units the actor may see, in Vietnamese order of name.
Result<std::vector<UnitRecord>> ListVisibleUnits(App& app, const RequestContext& ctx);

struct DashboardSummary {
    std::int64_t visible_units = 0;
    std::optional<std::int64_t> users;        // administrators only
    std::optional<std::int64_t> audit_today;  // administrators only: entries since 00:00 in Vietnam
};

Result<DashboardSummary> Summarise(App& app, const RequestContext& ctx);

}  // namespace tdkt::app

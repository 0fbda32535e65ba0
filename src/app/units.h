#pragma once
// Reading one unit, and the dashboard's counts. (The organisation over time: app/organisation.h.)
#include <vector>

#include "app/app.h"
#include "core/error.h"

namespace tdkt::app {

Result<UnitRecord> GetUnit(App& app, const RequestContext& ctx, UnitId id);

struct DashboardSummary {
    std::int64_t visible_units = 0;
    std::optional<std::int64_t> users;        // administrators only
    std::optional<std::int64_t> audit_today;  // administrators only: entries since 00:00 in Vietnam
};

Result<DashboardSummary> Summarise(App& app, const RequestContext& ctx);

}  // namespace tdkt::app

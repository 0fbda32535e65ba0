#include "app/units.h"

#include <algorithm>
#include <unordered_set>

#include "app/policy.h"
#include "core/text.h"
#include "domain/permission.h"

namespace tdkt::app {

Result<UnitRecord> GetUnit(App& app, const RequestContext& ctx, UnitId id) {
    Result<UnitRecord> out = Fail(ErrorCode::kNotFound, "unit_not_found", "Không tìm thấy đơn vị.");
    app.store.Read([&](Repositories& repos) { out = AuthorizeUnit(repos.units, ctx, domain::Action::kViewUnit, id); });
    return out;
}

Result<DashboardSummary> Summarise(App& app, const RequestContext& ctx) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    DashboardSummary s;
    bool admin = AuthorizeSystemWide(ctx, domain::Action::kManageUsers).has_value();
    std::string today = FormatIsoUtc(StartOfVietnamDay(VietnamDate(app.clock.Now())));
    app.store.Read([&](Repositories& repos) {
        // Units existing today (merged and dissolved ones stay visible in history, not in this count).
        auto visible = VisibleUnits(repos.units, ctx);
        std::unordered_set<UnitId> ids(visible.begin(), visible.end());
        for (const auto& u : repos.units.ListAsOf(VietnamDate(app.clock.Now())))
            s.visible_units += ids.count(u.id) ? 1 : 0;
        if (!admin) return;
        s.users = repos.users.Count();
        s.audit_today = repos.audit.CountSince(today);
    });
    return s;
}

}  // namespace tdkt::app

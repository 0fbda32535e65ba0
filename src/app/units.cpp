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

Result<std::vector<UnitRecord>> ListVisibleUnits(App& app, const RequestContext& ctx) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    std::vector<UnitRecord> out;
    app.store.Read([&](Repositories& repos) {
        auto visible = VisibleUnits(repos.units, ctx);
        std::unordered_set<UnitId> ids(visible.begin(), visible.end());
        for (auto& u : repos.units.List())
            if (ids.count(u.id)) out.push_back(std::move(u));
    });
    std::vector<std::pair<std::string, UnitRecord>> keyed;
    for (auto& u : out) keyed.emplace_back(text::CollationKey(u.name), std::move(u));
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    out.clear();
    for (auto& [key, u] : keyed) out.push_back(std::move(u));
    return out;
}

Result<DashboardSummary> Summarise(App& app, const RequestContext& ctx) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    DashboardSummary s;
    bool admin = AuthorizeSystemWide(ctx, domain::Action::kManageUsers).has_value();
    std::string today = FormatIsoUtc(StartOfVietnamDay(VietnamDate(app.clock.Now())));
    app.store.Read([&](Repositories& repos) {
        s.visible_units = static_cast<std::int64_t>(VisibleUnits(repos.units, ctx).size());
        if (!admin) return;
        s.users = repos.users.Count();
        s.audit_today = repos.audit.CountSince(today);
    });
    return s;
}

}  // namespace tdkt::app

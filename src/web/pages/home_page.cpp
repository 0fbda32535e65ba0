// GET / — the dashboard of the signed-in user.
#include "app/units.h"
#include "core/text.h"
#include "domain/role.h"
#include "web/page_util.h"
#include "web/routes.h"

namespace tdkt::web::pages {

void RegisterHome(Router& router, app::App& app) {
    router.Get("/", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto summary = app::Summarise(app, req.Context());
        if (!summary) return PageError(req, summary.error());
        nlohmann::json counters = nlohmann::json::array();
        counters.push_back({{"label", "Đơn vị trong phạm vi"},
                            {"value", text::FormatNumberVi(summary->visible_units)},
                            {"href", "/don-vi"},
                            {"icon", "bi-diagram-3"}});
        if (summary->users)
            counters.push_back({{"label", "Người dùng"},
                                {"value", text::FormatNumberVi(*summary->users)},
                                {"href", "/nguoi-dung"},
                                {"icon", "bi-people"}});
        if (summary->audit_today)
            counters.push_back({{"label", "Thao tác hôm nay"},
                                {"value", text::FormatNumberVi(*summary->audit_today)},
                                {"href", "/nhat-ky"},
                                {"icon", "bi-journal-text"}});
        nlohmann::json roles = nlohmann::json::array();
        for (const auto& g : req.session->actor.grants)
            roles.push_back({{"role", std::string(domain::RoleLabel(g.role))}, {"unit", g.unit_name}});
        return RenderPage(req, 200, {"Tổng quan", "/", nlohmann::json::array({{{"label", "Tổng quan"}}})}, "home",
                          {{"display_name", req.session->actor.display_name},
                           {"today", FormatDateVi(VietnamDate(app.clock.Now()))},
                           {"counters", counters},
                           {"roles", roles},
                           {"has_roles", !roles.empty()}});
    });
}

}  // namespace tdkt::web::pages

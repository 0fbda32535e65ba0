// GET / — the dashboard of the signed-in user.
#include "app/catalog.h"
#include "app/council.h"
#include "app/dossiers.h"
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
        // The dossier work: what waits for me, what is overdue, how many in each state.
        nlohmann::json waiting = nlohmann::json::array(), overdue = nlohmann::json::array(),
                       states = nlohmann::json::array();
        Date today = VietnamDate(app.clock.Now());
        const auto& workflow = app::CatalogOf(app).workflow;
        auto row = [&](const app::DossierRecord& d) {
            const auto* state = workflow.State(d.state);
            return nlohmann::json{{"id", d.id.value},
                                  {"code", d.code},
                                  {"title", d.title},
                                  {"unit", d.unit_name},
                                  {"state_name", state ? state->name : d.state},
                                  {"due", d.due_date ? FormatDateVi(*d.due_date) : ""},
                                  {"overdue", d.due_date && *d.due_date < today}};
        };
        if (auto work = app::MyDossierWork(app, req.Context())) {
            for (std::size_t i = 0; i < work->waiting.size() && i < 15; ++i) waiting.push_back(row(work->waiting[i]));
            for (std::size_t i = 0; i < work->overdue.size() && i < 15; ++i) overdue.push_back(row(work->overdue[i]));
            for (const auto& [code, count] : work->by_state)
                if (count > 0)
                    states.push_back({{"code", code},
                                      {"label", workflow.State(code) ? workflow.State(code)->name : code},
                                      {"count", text::FormatNumberVi(count)}});
            if (!work->waiting.empty())
                counters.push_back({{"label", "Hồ sơ chờ bạn xử lý"},
                                    {"value", text::FormatNumberVi(static_cast<std::int64_t>(work->waiting.size()))},
                                    {"href", "#dossier-work"},
                                    {"icon", "bi-inbox"}});
            if (!work->overdue.empty())
                counters.push_back({{"label", "Hồ sơ quá hạn"},
                                    {"value", text::FormatNumberVi(static_cast<std::int64_t>(work->overdue.size()))},
                                    {"href", "/ho-so?qua_han=1"},
                                    {"icon", "bi-alarm"}});
        }
        // This week's council meetings (and any ballot open now).
        nlohmann::json meetings = nlohmann::json::array();
        if (auto week = app::MeetingsThisWeek(app, req.Context(), today))
            for (const auto& u : *week)
                meetings.push_back({{"id", u.meeting.id},
                                    {"title", u.meeting.title},
                                    {"council", u.council_name},
                                    {"held_on", FormatDateVi(u.meeting.held_on)},
                                    {"place", u.meeting.place},
                                    {"state", u.meeting.state == "planned"  ? "Chuẩn bị"
                                              : u.meeting.state == "voting" ? "Đang bỏ phiếu"
                                                                            : "Đã kết thúc"},
                                    {"ballot", u.i_sit && u.meeting.state == "voting"}});
        return RenderPage(req, 200, {"Tổng quan", "/", nlohmann::json::array({{{"label", "Tổng quan"}}})}, "home",
                          {{"meetings", meetings},
                           {"has_meetings", !meetings.empty()},
                           {"waiting", waiting},
                           {"overdue", overdue},
                           {"has_overdue", !overdue.empty()},
                           {"dossier_states", states},
                           {"has_dossier_states", !states.empty()},
                           {"display_name", req.session->actor.display_name},
                           {"today", FormatDateVi(VietnamDate(app.clock.Now()))},
                           {"counters", counters},
                           {"roles", roles},
                           {"has_roles", !roles.empty()}});
    });
}

}  // namespace tdkt::web::pages

// GET/POST /nguoi-dung — administrators list and add users; POST /nguoi-dung/{login}/khoa|mo-khoa.
#include "app/manage_users.h"
#include "app/organisation.h"
#include "app/units.h"
#include "core/text.h"
#include "domain/role.h"
#include "web/error_mapper.h"
#include "web/page_util.h"
#include "web/routes.h"

namespace tdkt::web::pages {
namespace {

const PageMeta kMeta{"Người dùng", "/nguoi-dung",
                     nlohmann::json::array({{{"label", "Tổng quan"}, {"href", "/"}}, {{"label", "Người dùng"}}})};

// The list with the add-user form; `form` holds what was typed when a submission failed.
Response UsersPage(app::App& app, const Request& req, int status, const nlohmann::json& form, const std::string& error,
                   const std::string& notice) {
    auto users = app::ListUsers(app, req.Context());
    if (!users) return PageError(req, users.error());
    nlohmann::json rows = nlohmann::json::array();
    std::string notice_text = notice;
    for (const auto& v : *users) {
        // After a successful add the list says so, only for a user that really exists.
        if (notice_text.empty() && !req.Param("da-them").empty() && req.Param("da-them") == v.user.login)
            notice_text = "Đã thêm người dùng «" + v.user.login + "».";
        nlohmann::json roles = nlohmann::json::array();
        for (const auto& g : v.grants)
            roles.push_back({{"role", std::string(domain::RoleLabel(g.role))}, {"unit", g.unit_name}});
        rows.push_back({{"login", v.user.login},
                        {"display_name", v.user.display_name},
                        {"disabled", v.user.disabled},
                        {"roles", roles},
                        {"created", FormatDateVi(VietnamDate(v.user.created_at))},
                        {"is_self", v.user.login == req.session->actor.login}});
    }
    nlohmann::json role_options = nlohmann::json::array();
    for (auto r : domain::AllRoles())
        role_options.push_back({{"code", std::string(domain::RoleCode(r))},
                                {"label", std::string(domain::RoleLabel(r))},
                                {"selected", form.value("role", "") == domain::RoleCode(r)}});
    nlohmann::json unit_options = nlohmann::json::array();
    if (auto units = app::ListUnitsAsOf(app, req.Context(), std::nullopt))
        for (const auto& u : *units)
            unit_options.push_back(
                {{"code", u.code}, {"name", u.name}, {"selected", form.value("unit_code", "") == u.code}});
    return RenderPage(req, status, kMeta, "users",
                      {{"rows", rows},
                       {"count", std::to_string(rows.size())},
                       {"form", form},
                       {"error", error},
                       {"notice", notice_text},
                       {"roles", role_options},
                       {"units", unit_options},
                       {"open_form", !error.empty()}});
}

}  // namespace

void RegisterUsers(Router& router, app::App& app) {
    router.Get("/nguoi-dung", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return UsersPage(app, req, 200, nlohmann::json::object(), "", "");
    });
    router.Post("/nguoi-dung", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        nlohmann::json form{{"login", req.Param("login")},
                            {"display_name", req.Param("display_name")},
                            {"role", req.Param("role")},
                            {"unit_code", req.Param("unit_code")}};
        app::NewUser input{req.Param("login"), req.Param("display_name"), req.Param("password"), {}};
        if (!req.Param("role").empty()) input.grants.push_back({req.Param("role"), req.Param("unit_code")});
        auto added = app::AddUser(app, req.Context(), input);
        if (!added) {
            if (added.error().code == ErrorCode::kForbidden) return PageError(req, added.error());
            return UsersPage(app, req, HttpStatus(added.error().code), form, added.error().message, "");
        }
        return Response::Redirect("/nguoi-dung?da-them=" + added->user.login);
    });
    router.Post(R"(/nguoi-dung/([a-z0-9._-]{1,64})/(khoa|mo-khoa))", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        bool disable = req.captures[1] == "khoa";
        auto done = app::SetUserDisabled(app, req.Context(), req.captures[0], disable);
        if (!done) {
            if (done.error().code == ErrorCode::kForbidden) return PageError(req, done.error());
            return UsersPage(app, req, HttpStatus(done.error().code), nlohmann::json::object(), done.error().message,
                             "");
        }
        return Response::Redirect("/nguoi-dung");
    });
}

}  // namespace tdkt::web::pages

// GET/POST /tai-khoan — the signed-in user's own account: who they are, their roles, a new password,
// the e-mail address notifications go to.
#include "app/mail.h"
#include "app/manage_users.h"
#include "domain/role.h"
#include "web/error_mapper.h"
#include "web/page_util.h"
#include "web/routes.h"

namespace tdkt::web::pages {
namespace {

Response AccountPage(app::App& app, const Request& req, int status, const std::string& error, const std::string& notice,
                     const std::string& email_error = "") {
    nlohmann::json roles = nlohmann::json::array();
    for (const auto& g : req.session->actor.grants)
        roles.push_back({{"role", std::string(domain::RoleLabel(g.role))}, {"unit", g.unit_name}});
    return RenderPage(
        req, status,
        {"Tài khoản của tôi", "",
         nlohmann::json::array({{{"label", "Tổng quan"}, {"href", "/"}}, {{"label", "Tài khoản của tôi"}}})},
        "account",
        {{"login", req.session->actor.login},
         {"display_name", req.session->actor.display_name},
         {"roles", roles},
         {"error", error},
         {"email_error", email_error},
         {"email", email_error.empty() ? app::OwnEmail(app, req.Context()).value_or("") : req.Param("email")},
         {"mail_on", app.mail_notifications},
         {"notice", notice}});
}

}  // namespace

void RegisterAccount(Router& router, app::App& app) {
    router.Get("/tai-khoan", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        std::string notice = req.HasParam("da-doi") ? "Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc."
                             : req.HasParam("da-luu") ? "Đã lưu địa chỉ thư điện tử nhận thông báo."
                                                      : "";
        return AccountPage(app, req, 200, "", notice);
    });
    router.Post("/tai-khoan/mat-khau", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        if (req.Param("password") != req.Param("password_confirm"))
            return AccountPage(app, req, 422, "Mật khẩu nhập lại không khớp với mật khẩu mới.", "");
        auto changed = app::ChangeOwnPassword(app, req.Context(), req.Param("current_password"), req.Param("password"));
        if (!changed) return AccountPage(app, req, HttpStatus(changed.error().code), changed.error().message, "");
        return Response::Redirect("/tai-khoan?da-doi=1");
    });
    router.Post("/tai-khoan/thu-dien-tu", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto set = app::SetOwnEmail(app, req.Context(), req.Param("email"));
        if (!set) return AccountPage(app, req, HttpStatus(set.error().code), "", "", set.error().message);
        return Response::Redirect("/tai-khoan?da-luu=1");
    });
}

}  // namespace tdkt::web::pages

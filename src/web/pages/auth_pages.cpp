// GET/POST /dang-nhap (sign in), POST /dang-xuat (sign out)
#include <chrono>

#include "app/sign_in.h"
#include "core/crypto.h"
#include "web/error_mapper.h"
#include "web/middleware.h"
#include "web/page_util.h"
#include "web/routes.h"

namespace tdkt::web::pages {
namespace {

// Before there is a session, the sign-in form is protected by a double-submit token: a cookie
// that only this site can set, repeated in a hidden field.
constexpr const char* kLoginCsrfCookie = "tdkt_login_csrf";

Response LoginForm(const Request& req, const ServerOptions& options, int status, const std::string& login,
                   const std::string& error) {
    std::string token = crypto::RandomToken(24);
    Response res = RenderPage(req, status, {"Đăng nhập", "", nlohmann::json::array()}, "login",
                              {{"login_csrf", token}, {"login", login}, {"error", error}, {"next", req.Param("next")}});
    bool secure = options.secure_cookies || req.Header("X-Forwarded-Proto") == "https";
    res.headers.emplace_back("Set-Cookie", std::string(kLoginCsrfCookie) + "=" + token +
                                               "; Path=/dang-nhap; Max-Age=3600; HttpOnly; SameSite=Strict" +
                                               (secure ? "; Secure" : ""));
    return res;
}

}  // namespace

void RegisterAuth(Router& router, app::App& app, const ServerOptions& options) {
    router.Get("/dang-nhap", Kind::kPage, [&options](Request& req) {
        if (req.session) return Response::Redirect(SafeNext(req.Param("next")));
        return LoginForm(req, options, 200, "", "");
    });
    router.Post("/dang-nhap", Kind::kPage, [&app, &options](Request& req) {
        std::string login = req.Param("login");
        std::string cookie = req.Cookie(kLoginCsrfCookie);
        if (cookie.empty() || !crypto::SecretEquals(cookie, req.Param(kCsrfField)))
            return LoginForm(req, options, 403, login, "Biểu mẫu đã hết hạn. Vui lòng nhập lại và đăng nhập.");
        auto signed_in = app::SignIn(app, req.Context(), {login, req.Param("password")});
        if (!signed_in)
            return LoginForm(req, options, HttpStatus(signed_in.error().code), login, signed_in.error().message);
        auto max_age = std::chrono::duration_cast<std::chrono::seconds>(app.auth.absolute_timeout).count();
        Response res = Response::Redirect(SafeNext(req.Param("next")));
        res.headers.emplace_back("Set-Cookie",
                                 SessionCookie(req, options, signed_in->token, static_cast<int>(max_age)));
        return res;
    });
    router.Post("/dang-xuat", Kind::kPage, [&app, &options](Request& req) {
        if (req.session) app::SignOut(app, req.Context(), req.token);
        Response res = Response::Redirect("/dang-nhap");
        res.headers.emplace_back("Set-Cookie", SessionCookie(req, options, "", 0));
        return res;
    });
}

}  // namespace tdkt::web::pages

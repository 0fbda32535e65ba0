// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/me, POST /api/v1/me/password,
// PUT /api/v1/me/email (the address notifications are e-mailed to; "" for none)
#include <chrono>

#include "app/mail.h"
#include "app/manage_users.h"
#include "app/sign_in.h"
#include "web/json_io.h"
#include "web/middleware.h"
#include "web/routes.h"

namespace tdkt::web::api {

void RegisterAuth(Router& router, app::App& app, const ServerOptions& options) {
    router.Post("/api/v1/auth/login", Kind::kApi, [&app, &options](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto login = StringField(*body, "login");
        auto password = StringField(*body, "password");
        if (!login) return ErrorResponse(login.error());
        if (!password) return ErrorResponse(password.error());
        auto signed_in = app::SignIn(app, req.Context(), {*login, *password});
        if (!signed_in) return ErrorResponse(signed_in.error());
        auto max_age = std::chrono::duration_cast<std::chrono::seconds>(app.auth.absolute_timeout).count();
        Response res = JsonOk({{"user", ActorJson(signed_in->actor)},
                               {"token", signed_in->token},
                               {"csrf_token", signed_in->csrf_token},
                               {"expires_at", FormatIsoUtc(signed_in->expires_at)}});
        res.headers.emplace_back("Set-Cookie",
                                 SessionCookie(req, options, signed_in->token, static_cast<int>(max_age)));
        return res;
    });
    router.Post("/api/v1/auth/logout", Kind::kApi, [&app, &options](Request& req) {
        if (auto refused = RequireSession(req)) return *refused;
        app::SignOut(app, req.Context(), req.token);
        Response res = Response::NoContent();
        res.headers.emplace_back("Set-Cookie", SessionCookie(req, options, "", 0));
        return res;
    });
    router.Post("/api/v1/me/password", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto current = StringField(*body, "current_password");
        auto password = StringField(*body, "password");
        if (!current) return ErrorResponse(current.error());
        if (!password) return ErrorResponse(password.error());
        auto changed = app::ChangeOwnPassword(app, req.Context(), *current, *password);
        return changed ? Response::NoContent() : ErrorResponse(changed.error());
    });
    router.Put("/api/v1/me/email", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto email = StringField(*body, "email");
        if (!email) return ErrorResponse(email.error());
        auto set = app::SetOwnEmail(app, req.Context(), *email);
        return set ? Response::NoContent() : ErrorResponse(set.error());
    });
    router.Get("/api/v1/me", Kind::kApi, [&app](Request& req) {
        if (auto refused = RequireSession(req)) return *refused;
        auto user = ActorJson(req.session->actor);
        user["email"] = app::OwnEmail(app, req.Context()).value_or("");
        return JsonOk({{"user", user},
                       {"csrf_token", req.session->csrf_token},
                       {"expires_at", FormatIsoUtc(req.session->expires_at)}});
    });
}

}  // namespace tdkt::web::api

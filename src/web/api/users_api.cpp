// Administrators' account API: /api/v1/users …
#include "app/manage_users.h"
#include "web/json_io.h"
#include "web/routes.h"

namespace tdkt::web::api {
namespace {

nlohmann::json UserViewJson(const app::UserView& v) {
    return {{"id", v.user.id.value},
            {"login", v.user.login},
            {"display_name", v.user.display_name},
            {"disabled", v.user.disabled},
            {"created_at", FormatIsoUtc(v.user.created_at)},
            {"roles", GrantsJson(v.grants)}};
}

Result<app::GrantInput> GrantFrom(const nlohmann::json& obj) {
    auto role = StringField(obj, "role");
    if (!role) return tl::unexpected(role.error());
    auto unit = StringField(obj, "unit_code");
    if (!unit) return tl::unexpected(unit.error());
    return app::GrantInput{*role, *unit};
}

Result<app::NewUser> NewUserFrom(const nlohmann::json& body) {
    app::NewUser in;
    for (auto [field, target] :
         {std::pair{"login", &in.login}, {"display_name", &in.display_name}, {"password", &in.password}}) {
        auto value = StringField(body, field);
        if (!value) return tl::unexpected(value.error());
        *target = *value;
    }
    auto roles = body.find("roles");
    if (roles != body.end() && !roles->is_array())
        return Fail(ErrorCode::kValidation, "invalid_field", "Trường «roles» phải là một danh sách.");
    if (roles != body.end())
        for (const auto& r : *roles) {
            if (!r.is_object())
                return Fail(ErrorCode::kValidation, "invalid_field", "Mỗi vai trò phải là một đối tượng.");
            auto grant = GrantFrom(r);
            if (!grant) return tl::unexpected(grant.error());
            in.grants.push_back(*grant);
        }
    return in;
}

Response StatusResponse(const Status& s) { return s ? Response::NoContent() : ErrorResponse(s.error()); }

}  // namespace

void RegisterUsers(Router& router, app::App& app) {
    router.Get("/api/v1/users", Kind::kApi, [&app](Request& req) {
        auto users = app::ListUsers(app, req.Context());
        if (!users) return ErrorResponse(users.error());
        nlohmann::json items = nlohmann::json::array();
        for (const auto& u : *users) items.push_back(UserViewJson(u));
        return JsonOk({{"items", items}, {"total", users->size()}});
    });
    router.Post("/api/v1/users", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto input = NewUserFrom(*body);
        if (!input) return ErrorResponse(input.error());
        auto user = app::AddUser(app, req.Context(), *input);
        if (!user) return ErrorResponse(user.error());
        return JsonOk(UserViewJson(*user), 201);
    });
    router.Get(R"(/api/v1/users/([a-z0-9._-]{1,64}))", Kind::kApi, [&app](Request& req) {
        auto user = app::GetUserByLogin(app, req.Context(), req.captures[0]);
        if (!user) return ErrorResponse(user.error());
        return JsonOk(UserViewJson(*user));
    });
    router.Post(R"(/api/v1/users/([a-z0-9._-]{1,64})/disable)", Kind::kApi, [&app](Request& req) {
        return StatusResponse(app::SetUserDisabled(app, req.Context(), req.captures[0], true));
    });
    router.Post(R"(/api/v1/users/([a-z0-9._-]{1,64})/enable)", Kind::kApi, [&app](Request& req) {
        return StatusResponse(app::SetUserDisabled(app, req.Context(), req.captures[0], false));
    });
    router.Post(R"(/api/v1/users/([a-z0-9._-]{1,64})/password)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto password = StringField(*body, "password");
        if (!password) return ErrorResponse(password.error());
        return StatusResponse(app::SetPassword(app, req.Context(), req.captures[0], *password));
    });
    router.Post(R"(/api/v1/users/([a-z0-9._-]{1,64})/roles)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto grant = GrantFrom(*body);
        if (!grant) return ErrorResponse(grant.error());
        return StatusResponse(app::GrantRole(app, req.Context(), req.captures[0], *grant));
    });
    router.Delete(R"(/api/v1/users/([a-z0-9._-]{1,64})/roles)", Kind::kApi, [&app](Request& req) {
        return StatusResponse(
            app::RevokeRole(app, req.Context(), req.captures[0], {req.Param("role"), req.Param("unit_code")}));
    });
}

}  // namespace tdkt::web::api

#pragma once
// Small helpers shared by the JSON API handlers.
#include <nlohmann/json.hpp>

#include "app/context.h"
#include "app/ports.h"
#include "core/error.h"
#include "web/error_mapper.h"
#include "web/http.h"

namespace tdkt::web {

// The body as a JSON object, or a 400 with a Vietnamese message.
Result<nlohmann::json> ParseJsonObject(const Request& req);
// A string member, "" when absent; a non-string member is a 422 naming the field.
Result<std::string> StringField(const nlohmann::json& obj, const char* field);

nlohmann::json ActorJson(const app::Actor& actor);
nlohmann::json UnitJson(const app::UnitRecord& unit);
nlohmann::json GrantsJson(const std::vector<app::RoleGrant>& grants);

inline Response JsonOk(const nlohmann::json& body, int status = 200) { return Response::Json(status, body.dump()); }

// 401 when the request carries no valid session.
std::optional<Response> RequireSession(const Request& req);

}  // namespace tdkt::web

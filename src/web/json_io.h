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

// A scalar member as text: strings as they are, numbers and booleans printed ("" when absent or null).
// Objects and arrays are a 422 naming the field.
Result<std::string> TextField(const nlohmann::json& obj, const char* field);
// Reads the named text members of `body` (TextField) into the targets; the first bad member is returned.
std::optional<Error> ReadText(const nlohmann::json& body,
                              std::initializer_list<std::pair<const char*, std::string*>> fields);
// An id member (number or digit string); nullopt when absent or null.
Result<std::optional<std::int64_t>> IdField(const nlohmann::json& obj, const char* field);

nlohmann::json ActorJson(const app::Actor& actor);
nlohmann::json UnitJson(const app::UnitRecord& unit);
nlohmann::json UnitVersionJson(const app::UnitVersion& v);
nlohmann::json UnitEventJson(const app::UnitEvent& e);
nlohmann::json RatingJson(const app::YearRating& r);
nlohmann::json PersonJson(const app::PersonRecord& p);
nlohmann::json MembershipJson(const app::Membership& m);
nlohmann::json LeaveJson(const app::Leave& l);
nlohmann::json DisciplineJson(const app::Discipline& d);
nlohmann::json InitiativeJson(const app::Initiative& i);
nlohmann::json AwardJson(const app::AwardRecord& a);
// A nullable ISO date.
nlohmann::json DateJson(const std::optional<Date>& d);
nlohmann::json GrantsJson(const std::vector<app::RoleGrant>& grants);

inline Response JsonOk(const nlohmann::json& body, int status = 200) { return Response::Json(status, body.dump()); }

// 401 when the request carries no valid session.
std::optional<Response> RequireSession(const Request& req);

}  // namespace tdkt::web

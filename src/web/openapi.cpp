#include "web/openapi.h"

namespace tdkt::web {
namespace {

using nlohmann::json;

json Ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }

json JsonContent(const json& schema) { return {{"application/json", {{"schema", schema}}}}; }

json ErrorResponses(std::initializer_list<int> codes) {
    json out = json::object();
    for (int c : codes) out[std::to_string(c)] = {{"$ref", "#/components/responses/E" + std::to_string(c)}};
    return out;
}

json Op(const std::string& summary, const std::string& tag, json responses, json extra = json::object()) {
    json op{{"summary", summary}, {"tags", {tag}}, {"responses", std::move(responses)}};
    for (auto& [k, v] : extra.items()) op[k] = v;
    return op;
}

json Ok(int code, const std::string& description, const json& schema = nullptr) {
    json r{{"description", description}};
    if (!schema.is_null()) r["content"] = JsonContent(schema);
    return {{std::to_string(code), r}};
}

json Merge(json a, const json& b) {
    a.update(b);
    return a;
}

json PathParam(const std::string& name, const std::string& description) {
    return {{"name", name},
            {"in", "path"},
            {"required", true},
            {"description", description},
            {"schema", {{"type", "string"}}}};
}

json QueryParam(const std::string& name, const std::string& type, const std::string& description) {
    return {{"name", name},
            {"in", "query"},
            {"required", false},
            {"description", description},
            {"schema", {{"type", type}}}};
}

json Body(const json& schema) { return {{"required", true}, {"content", JsonContent(schema)}}; }

json Schemas() {
    json grant{{"type", "object"},
               {"properties",
                {{"role", {{"type", "string"}}},
                 {"role_label", {{"type", "string"}}},
                 {"unit_id", {{"type", "integer"}}},
                 {"unit_name", {{"type", "string"}}}}}};
    return {
        {"Error",
         {{"type", "object"},
          {"required", {"error"}},
          {"properties",
           {{"error",
             {{"type", "object"},
              {"required", {"code", "message"}},
              {"properties",
               {{"code", {{"type", "string"}}},
                {"message", {{"type", "string"}, {"description", "Vietnamese, safe to show"}}}}}}}}}}},
        {"Grant", grant},
        {"GrantInput",
         {{"type", "object"},
          {"required", {"role", "unit_code"}},
          {"properties",
           {{"role",
             {{"type", "string"},
              {"enum",
               {"administrator", "board_leader", "board_specialist", "council_secretary", "council_member",
                "unit_leader", "unit_officer", "viewer"}}}},
            {"unit_code", {{"type", "string"}}}}}}},
        {"Me",
         {{"type", "object"},
          {"properties",
           {{"id", {{"type", "integer"}}},
            {"login", {{"type", "string"}}},
            {"display_name", {{"type", "string"}}},
            {"roles", {{"type", "array"}, {"items", Ref("Grant")}}}}}}},
        {"User",
         {{"type", "object"},
          {"properties",
           {{"id", {{"type", "integer"}}},
            {"login", {{"type", "string"}}},
            {"display_name", {{"type", "string"}}},
            {"disabled", {{"type", "boolean"}}},
            {"created_at", {{"type", "string"}, {"format", "date-time"}}},
            {"roles", {{"type", "array"}, {"items", Ref("Grant")}}}}}}},
        {"Unit",
         {{"type", "object"},
          {"properties",
           {{"id", {{"type", "integer"}}},
            {"code", {{"type", "string"}}},
            {"name", {{"type", "string"}}},
            {"parent_id", {{"type", {"integer", "null"}}}}}}}},
        {"AuditEntry",
         {{"type", "object"},
          {"properties",
           {{"id", {{"type", "integer"}}},
            {"at", {{"type", "string"}, {"format", "date-time"}}},
            {"user_id", {{"type", {"integer", "null"}}}},
            {"user_login", {{"type", "string"}}},
            {"action", {{"type", "string"}}},
            {"entity_type", {{"type", "string"}}},
            {"entity_id", {{"type", "string"}}},
            {"before", {{"description", "the entity before the change, null when it did not exist"}}},
            {"after", {{"description", "the entity after the change, null when it was removed"}}},
            {"request_id", {{"type", "string"}}},
            {"hash", {{"type", "string"}}}}}}},
    };
}

json Paths() {
    json list_units{
        {"type", "object"},
        {"properties", {{"items", {{"type", "array"}, {"items", Ref("Unit")}}}, {"total", {{"type", "integer"}}}}}};
    json list_users{
        {"type", "object"},
        {"properties", {{"items", {{"type", "array"}, {"items", Ref("User")}}}, {"total", {{"type", "integer"}}}}}};
    json login_body{{"type", "object"},
                    {"required", {"login", "password"}},
                    {"properties", {{"login", {{"type", "string"}}}, {"password", {{"type", "string"}}}}}};
    json login_ok{{"type", "object"},
                  {"properties",
                   {{"user", Ref("Me")},
                    {"token", {{"type", "string"}, {"description", "bearer token for API clients"}}},
                    {"csrf_token", {{"type", "string"}, {"description", "send as X-CSRF-Token with the cookie"}}},
                    {"expires_at", {{"type", "string"}, {"format", "date-time"}}}}}};
    json new_user{{"type", "object"},
                  {"required", {"login", "display_name", "password"}},
                  {"properties",
                   {{"login", {{"type", "string"}}},
                    {"display_name", {{"type", "string"}}},
                    {"password", {{"type", "string"}, {"minLength", 10}}},
                    {"roles", {{"type", "array"}, {"items", Ref("GrantInput")}}}}}};
    json audit_page{{"type", "object"},
                    {"properties",
                     {{"items", {{"type", "array"}, {"items", Ref("AuditEntry")}}},
                      {"total", {{"type", "integer"}}},
                      {"limit", {{"type", "integer"}}},
                      {"offset", {{"type", "integer"}}}}}};
    json login_param = json::array({PathParam("login", "login name of the user")});
    json health{{"type", "object"},
                {"properties",
                 {{"status", {{"type", "string"}, {"enum", {"ok", "unavailable"}}}},
                  {"db", {{"type", "string"}, {"enum", {"sqlite", "postgresql"}}}},
                  {"version", {{"type", "string"}}}}}};
    return {
        {"/healthz",
         {{"get", Op("Liveness and database check", "system",
                     Merge(Ok(200, "healthy", health), Ok(503, "database unreachable", health)),
                     {{"security", json::array()}})}}},
        {"/api/v1/openapi.json",
         {{"get", Op("This document", "system", Ok(200, "OpenAPI document"), {{"security", json::array()}})}}},
        {"/api/v1/auth/login",
         {{"post", Op("Sign in; returns a bearer token and sets the session cookie", "auth",
                      Merge(Ok(200, "signed in", login_ok), ErrorResponses({400, 401, 403, 422})),
                      {{"requestBody", Body(login_body)}, {"security", json::array()}})}}},
        {"/api/v1/auth/logout",
         {{"post",
           Op("Sign out (ends the session)", "auth", Merge(Ok(204, "signed out"), ErrorResponses({401, 403})))}}},
        {"/api/v1/me/password",
         {{"post", Op("Change your own password (the current one is required); your other sessions end", "auth",
                      Merge(Ok(204, "changed"), ErrorResponses({400, 401, 403, 422})),
                      {{"requestBody", Body({{"type", "object"},
                                             {"required", {"current_password", "password"}},
                                             {"properties",
                                              {{"current_password", {{"type", "string"}}},
                                               {"password", {{"type", "string"}, {"minLength", 10}}}}}})}})}}},
        {"/api/v1/me",
         {{"get", Op("The signed-in user and their roles", "auth",
                     Merge(Ok(200, "the user",
                              {{"type", "object"},
                               {"properties",
                                {{"user", Ref("Me")},
                                 {"csrf_token", {{"type", "string"}}},
                                 {"expires_at", {{"type", "string"}}}}}}),
                           ErrorResponses({401})))}}},
        {"/api/v1/units",
         {{"get", Op("Units the user may see, in Vietnamese order", "units",
                     Merge(Ok(200, "units", list_units), ErrorResponses({401})))}}},
        {"/api/v1/units/{id}",
         {{"get", Op("One unit", "units", Merge(Ok(200, "the unit", Ref("Unit")), ErrorResponses({401, 403, 404})),
                     {{"parameters", json::array({PathParam("id", "unit id")})}})}}},
        {"/api/v1/users",
         {{"get",
           Op("All users (administrators)", "users", Merge(Ok(200, "users", list_users), ErrorResponses({401, 403})))},
          {"post", Op("Create a user with roles (administrators)", "users",
                      Merge(Ok(201, "created", Ref("User")), ErrorResponses({400, 401, 403, 409, 422})),
                      {{"requestBody", Body(new_user)}})}}},
        {"/api/v1/users/{login}",
         {{"get", Op("One user (administrators)", "users",
                     Merge(Ok(200, "the user", Ref("User")), ErrorResponses({401, 403, 404})),
                     {{"parameters", login_param}})}}},
        {"/api/v1/users/{login}/disable",
         {{"post",
           Op("Disable a user and end their sessions", "users",
              Merge(Ok(204, "disabled"), ErrorResponses({401, 403, 404, 409})), {{"parameters", login_param}})}}},
        {"/api/v1/users/{login}/enable",
         {{"post", Op("Enable a user", "users", Merge(Ok(204, "enabled"), ErrorResponses({401, 403, 404})),
                      {{"parameters", login_param}})}}},
        {"/api/v1/users/{login}/password",
         {{"post",
           Op("Set a user's password (administrators); ends the user's sessions", "users",
              Merge(Ok(204, "changed"), ErrorResponses({400, 401, 403, 404, 422})),
              {{"parameters", login_param},
               {"requestBody", Body({{"type", "object"},
                                     {"required", {"password"}},
                                     {"properties", {{"password", {{"type", "string"}, {"minLength", 10}}}}}})}})}}},
        {"/api/v1/users/{login}/roles",
         {{"post", Op("Grant a role on a unit and its subtree", "users",
                      Merge(Ok(204, "granted"), ErrorResponses({400, 401, 403, 404, 409, 422})),
                      {{"parameters", login_param}, {"requestBody", Body(Ref("GrantInput"))}})},
          {"delete", Op("Revoke a role", "users", Merge(Ok(204, "revoked"), ErrorResponses({401, 403, 404, 422})),
                        {{"parameters", json::array({PathParam("login", "login name of the user"),
                                                     QueryParam("role", "string", "role code"),
                                                     QueryParam("unit_code", "string", "unit code")})}})}}},
        {"/api/v1/audit",
         {{"get", Op("The audit log, newest first (administrators)", "audit",
                     Merge(Ok(200, "entries", audit_page), ErrorResponses({401, 403, 422})),
                     {{"parameters", json::array({QueryParam("entity_type", "string", "e.g. user"),
                                                  QueryParam("entity_id", "string", "id of the entity"),
                                                  QueryParam("user", "string", "login of the actor"),
                                                  QueryParam("from", "string", "first day, YYYY-MM-DD (Vietnam time)"),
                                                  QueryParam("to", "string", "last day, YYYY-MM-DD (inclusive)"),
                                                  QueryParam("limit", "integer", "1–500, default 50"),
                                                  QueryParam("offset", "integer", "default 0")})}})}}},
    };
}

json ErrorComponents() {
    json out = json::object();
    const std::pair<int, const char*> kinds[] = {{400, "Malformed request"},
                                                 {401, "Not signed in or session expired"},
                                                 {403, "Not allowed (the message says why)"},
                                                 {404, "Not found"},
                                                 {409, "Conflicts with the current state"},
                                                 {413, "Body too large"},
                                                 {422, "Breaks a validation rule (the message says what to fix)"},
                                                 {500, "Server error"}};
    for (const auto& [code, description] : kinds)
        out["E" + std::to_string(code)] = {{"description", description}, {"content", JsonContent(Ref("Error"))}};
    return out;
}

}  // namespace

nlohmann::json OpenApiDocument(const std::string& version) {
    return {{"openapi", "3.1.0"},
            {"info",
             {{"title", "tdkt API"},
              {"version", version},
              {"description",
               "Quản lý thi đua, khen thưởng — JSON API. Errors: {\"error\":{\"code\",\"message\"}} with a Vietnamese "
               "message."}}},
            {"servers", json::array({{{"url", "/"}}})},
            {"security", json::array({{{"bearer", json::array()}}, {{"cookie", json::array()}}})},
            {"paths", Paths()},
            {"components",
             {{"schemas", Schemas()},
              {"responses", ErrorComponents()},
              {"securitySchemes",
               {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}},
                {"cookie",
                 {{"type", "apiKey"},
                  {"in", "cookie"},
                  {"name", "tdkt_session"},
                  {"description", "state-changing requests also need the X-CSRF-Token header"}}}}}}}};
}

std::string OpenApiPath(const std::string& pattern) {
    const std::pair<std::string, std::string> kCaptures[] = {{R"((\d{1,18}))", "{id}"},
                                                             {"([a-z0-9._-]{1,64})", "{login}"}};
    std::string out = pattern;
    for (const auto& [capture, name] : kCaptures)
        for (auto pos = out.find(capture); pos != std::string::npos; pos = out.find(capture))
            out.replace(pos, capture.size(), name);
    return out;
}

}  // namespace tdkt::web

#pragma once
// The OpenAPI 3.1 description of the JSON API. A test checks that every API route is in it.
#include <string>

#include <nlohmann/json.hpp>

#include "web/http.h"

namespace tdkt::web {

nlohmann::json OpenApiDocument(const std::string& version);
// "/api/v1/users/([a-z0-9._-]{1,64})/roles" → "/api/v1/users/{login}/roles"
std::string OpenApiPath(const std::string& route_pattern);

}  // namespace tdkt::web

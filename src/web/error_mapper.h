#pragma once
// The one place where an app Error becomes an HTTP status and the JSON error shape
// {"error":{"code":"…","message":"…"}}.
#include "core/error.h"
#include "web/http.h"

namespace tdkt::web {

int HttpStatus(ErrorCode code);
std::string ErrorJson(std::string_view code, std::string_view message);
Response ErrorResponse(const Error& e);
// Status and Vietnamese message for errors that come from the HTTP layer itself.
Response HttpError(int status);

}  // namespace tdkt::web

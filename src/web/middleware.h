#pragma once
// What runs around every handler: request id, session resolution (bearer token or cookie), CSRF
// check for cookie-authenticated state changes, exception barrier, access log.
#include <string>
#include <utility>
#include <vector>

#include "app/app.h"
#include "web/http.h"
#include "web/server.h"

namespace tdkt::web {

inline constexpr const char* kSessionCookie = "tdkt_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";
inline constexpr const char* kCsrfField = "_csrf";

Response RunPipeline(app::App& app, const ServerOptions& options, const Route& route, Request& req);
// The response for an HTTP-level error (unknown path, body too large …): JSON under /api, a page elsewhere.
Response ErrorPage(const Request& req, int status);
// Content-Security-Policy (no inline scripts), nosniff, frame-ancestors 'none', Referrer-Policy …
std::vector<std::pair<std::string, std::string>> SecurityHeaders(std::string_view path);
void LogAccess(std::string_view method, std::string_view path, std::string_view remote, int status,
               std::string_view request_id, std::string_view login, double ms);
// Set-Cookie value for the session cookie; an empty token expires it.
std::string SessionCookie(const Request& req, const ServerOptions& options, const std::string& token, int max_age_s);

}  // namespace tdkt::web

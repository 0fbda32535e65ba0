#pragma once
// Helpers for HTML page handlers.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "web/http.h"
#include "web/render.h"

namespace tdkt::web {

// Anonymous visitors of a page are sent to the sign-in page, coming back here afterwards.
std::optional<Response> RequirePageSession(const Request& req);
// An app error shown as a page: 401 → sign-in, others → the error page with its message.
Response PageError(const Request& req, const Error& e);
// Vietnamese label of an audit action code ("user.create" → "Tạo người dùng").
std::string AuditActionLabel(const std::string& action);
// Vietnamese name of an audited entity type ("user" → "Người dùng").
std::string EntityTypeLabel(const std::string& entity_type);
// A local path safe to redirect to after sign-in ("/" when not).
std::string SafeNext(const std::string& next);

}  // namespace tdkt::web

#pragma once
// Expected failures as values (STYLE habit 2). An Error carries a stable machine code, a message
// safe to show a user (Vietnamese) and an internal detail for logs. The web layer maps ErrorCode to
// an HTTP status in exactly one place (web/error_mapper.cpp).
#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace tdkt {

enum class ErrorCode {
    kInvalidInput,     // malformed request: 400
    kUnauthenticated,  // no valid session: 401
    kForbidden,        // signed in but not allowed: 403
    kNotFound,         // 404
    kConflict,         // state does not allow it: 409
    kPayloadTooLarge,  // 413
    kValidation,       // well-formed but breaks a rule: 422
    kInternal,         // 500
};

struct Error {
    ErrorCode code = ErrorCode::kInternal;
    std::string reason;   // stable machine-readable reason, e.g. "account_locked"
    std::string message;  // user-safe, Vietnamese
    std::string detail;   // internal, never shown to users
    // Validation errors: every problem found, as (field, Vietnamese message), the first one in `message`.
    std::vector<std::pair<std::string, std::string>> fields;
};

template <class T>
using Result = tl::expected<T, Error>;
using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> Fail(ErrorCode code, std::string reason, std::string message, std::string detail = {}) {
    return tl::unexpected<Error>(Error{code, std::move(reason), std::move(message), std::move(detail), {}});
}

// Stable reason for each code when a more specific one is not given.
const char* DefaultReason(ErrorCode code);

}  // namespace tdkt

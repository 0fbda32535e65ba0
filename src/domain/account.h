#pragma once
// Rules for user accounts: what a login name and a password must look like, and when repeated
// failed sign-ins lock an account.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace tdkt::domain {

// Each returns a Vietnamese message saying what to fix, or nullopt when the value is acceptable.
std::optional<std::string> CheckLoginName(std::string_view login);
std::optional<std::string> CheckPassword(std::string_view password);
std::optional<std::string> CheckDisplayName(std::string_view name);

struct LockoutPolicy {
    int max_failures = 5;                    // consecutive failures before the lock
    std::chrono::minutes lock_duration{15};  // how long the account stays locked
};

struct SignInState {
    int failed_count = 0;
    Timestamp locked_until{0};
};

bool IsLocked(const SignInState& s, Timestamp now);
// The state after one more failed attempt: the count grows; at the limit the account locks and
// the count restarts.
SignInState AfterFailedSignIn(const SignInState& s, Timestamp now, const LockoutPolicy& policy);

}  // namespace tdkt::domain

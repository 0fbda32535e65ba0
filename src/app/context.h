#pragma once
// Who is acting and on which request: passed to every use case.
#include <optional>
#include <string>
#include <vector>

#include "app/ports.h"
#include "core/time.h"
#include "domain/account.h"

namespace tdkt::app {

struct Actor {
    UserId id;
    std::string login;
    std::string display_name;
    std::vector<RoleGrant> grants;
};

struct RequestContext {
    std::optional<Actor> actor;  // empty for anonymous requests
    std::string request_id;
    std::string client_ip;
    // Set only by the command line run by the machine's administrator: passes every policy check.
    // The audit log still records the operating-system user in `system_user`.
    bool system = false;
    std::string system_user;
    // SHA-256 of the token of the session making the request ("" for bearer-less contexts).
    std::string session_token_hash;
};

struct AuthConfig {
    std::chrono::minutes idle_timeout{120};   // a session unused this long ends
    std::chrono::hours absolute_timeout{12};  // a session ends this long after sign-in, used or not
    std::chrono::seconds touch_interval{60};  // last-seen is written at most this often
    domain::LockoutPolicy lockout;
};

}  // namespace tdkt::app

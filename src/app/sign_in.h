#pragma once
// Session lifecycle: sign in with a password, resolve a bearer token or cookie to an actor, sign out.
#include <string>

#include "app/app.h"
#include "core/error.h"

namespace tdkt::app {

struct SignInInput {
    std::string login;
    std::string password;
};

struct SignedIn {
    Actor actor;
    std::string token;  // give to the client once; only its hash is stored
    std::string csrf_token;
    Timestamp expires_at{0};
};

Result<SignedIn> SignIn(App& app, const RequestContext& ctx, const SignInInput& input);

struct ResolvedSession {
    Actor actor;
    std::string csrf_token;
    Timestamp expires_at{0};
};

// The session behind a token, refreshing its last-seen time; 401 when unknown, idle or expired.
Result<ResolvedSession> ResolveSession(App& app, std::string_view token);

Status SignOut(App& app, const RequestContext& ctx, std::string_view token);

}  // namespace tdkt::app

namespace tdkt::app {
// Removes sessions past their absolute or idle expiry; returns how many. Run periodically by `serve`.
std::int64_t PurgeExpiredSessions(App& app);
}  // namespace tdkt::app

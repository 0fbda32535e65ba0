#include "app/sign_in.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "app/audit_log.h"
#include "core/crypto.h"
#include "core/text.h"
#include "domain/account.h"

namespace tdkt::app {
namespace {

constexpr const char* kWrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";

tl::unexpected<Error> LockedError(Timestamp until) {
    return Fail(ErrorCode::kForbidden, "account_locked",
                fmt::format("Tài khoản tạm thời bị khoá do đăng nhập sai nhiều lần. Vui lòng thử lại sau {}.",
                            FormatDateTimeVi(until)));
}

// The password was wrong: count the failure (locking at the limit) and audit it, in one transaction.
tl::unexpected<Error> RecordFailure(App& app, const RequestContext& ctx, UserId id) {
    Timestamp now = app.clock.Now();
    domain::SignInState after;
    app.store.Write([&](Repositories& repos) {
        auto user = repos.users.FindById(id);
        if (!user) return false;
        after = domain::AfterFailedSignIn({user->failed_count, user->locked_until}, now, app.auth.lockout);
        repos.users.UpdateSignInState(id, after.failed_count, after.locked_until);
        bool locked = domain::IsLocked(after, now);
        RecordChange(repos, app.clock, ctx,
                     {locked ? "auth.account_locked" : "auth.login_failed", "user", std::to_string(id.value),
                      nlohmann::json{{"failed_count", user->failed_count}},
                      nlohmann::json{{"login", user->login},
                                     {"failed_count", after.failed_count},
                                     {"locked_until", locked ? FormatIsoUtc(after.locked_until) : ""}}});
        return true;
    });
    if (domain::IsLocked(after, now)) return LockedError(after.locked_until);
    int left = app.auth.lockout.max_failures - after.failed_count;
    return Fail(ErrorCode::kUnauthenticated, "wrong_credentials",
                fmt::format("{} Còn {} lần thử trước khi tài khoản bị tạm khoá.", kWrongCredentials, left));
}

}  // namespace

Result<SignedIn> SignIn(App& app, const RequestContext& ctx, const SignInInput& input) {
    std::string login = text::CleanLine(input.login);
    std::transform(login.begin(), login.end(), login.begin(), [](unsigned char c) { return std::tolower(c); });
    if (login.empty() || input.password.empty())
        return Fail(ErrorCode::kValidation, "missing_credentials", "Vui lòng nhập tên đăng nhập và mật khẩu.");
    std::optional<UserRecord> user;
    app.store.Read([&](Repositories& repos) { user = repos.users.FindByLogin(login); });
    Timestamp now = app.clock.Now();
    if (!user) {
        // Spend the same time as a real check so that response time does not reveal which logins exist.
        static const std::string kDummy = app.hasher.Hash("tdkt-timing-equaliser");
        app.hasher.Verify(kDummy, input.password);
        return Fail(ErrorCode::kUnauthenticated, "wrong_credentials", kWrongCredentials);
    }
    // The password is checked first, so that every existing account answers after the same work.
    bool password_ok = app.hasher.Verify(user->password_hash, input.password);
    if (domain::IsLocked({user->failed_count, user->locked_until}, now)) return LockedError(user->locked_until);
    if (!password_ok) return RecordFailure(app, ctx, user->id);
    if (user->disabled)
        return Fail(ErrorCode::kForbidden, "account_disabled",
                    "Tài khoản đã bị vô hiệu hoá. Vui lòng liên hệ quản trị hệ thống.");

    SignedIn out;
    out.token = crypto::RandomToken(32);
    out.csrf_token = crypto::RandomToken(24);
    out.expires_at = now + app.auth.absolute_timeout;
    app.store.Write([&](Repositories& repos) {
        repos.users.UpdateSignInState(user->id, 0, Timestamp{0});
        repos.sessions.Insert({crypto::Sha256Hex(out.token), user->id, out.csrf_token, now, now, out.expires_at});
        out.actor = Actor{user->id, user->login, user->display_name, repos.users.Grants(user->id)};
        RequestContext as_user = ctx;
        as_user.actor = out.actor;
        RecordChange(repos, app.clock, as_user,
                     {"auth.login", "session", std::to_string(user->id.value), nullptr,
                      nlohmann::json{{"client_ip", ctx.client_ip}, {"expires_at", FormatIsoUtc(out.expires_at)}}});
        return true;
    });
    return out;
}

Result<ResolvedSession> ResolveSession(App& app, std::string_view token) {
    auto expired = [] {
        return Fail(ErrorCode::kUnauthenticated, "session_expired",
                    "Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.");
    };
    if (token.empty() || token.size() > 128) return expired();
    std::string hash = crypto::Sha256Hex(token);
    Timestamp now = app.clock.Now();
    std::optional<SessionRecord> session;
    std::optional<UserRecord> user;
    std::vector<RoleGrant> grants;
    app.store.Read([&](Repositories& repos) {
        session = repos.sessions.FindByTokenHash(hash);
        if (!session) return;
        user = repos.users.FindById(session->user);
        if (user) grants = repos.users.Grants(user->id);
    });
    if (!session || !user || user->disabled) return expired();
    if (now >= session->expires_at || now >= session->last_seen_at + app.auth.idle_timeout) return expired();
    if (now >= session->last_seen_at + app.auth.touch_interval && app.touches.Claim(hash, now, app.auth.touch_interval))
        app.store.Write([&](Repositories& repos) {
            repos.sessions.Touch(hash, now);
            return true;
        });
    return ResolvedSession{Actor{user->id, user->login, user->display_name, std::move(grants)}, session->csrf_token,
                           session->expires_at};
}

Status SignOut(App& app, const RequestContext& ctx, std::string_view token) {
    std::string hash = crypto::Sha256Hex(token);
    app.store.Write([&](Repositories& repos) {
        auto session = repos.sessions.FindByTokenHash(hash);
        if (!session) return false;
        repos.sessions.Delete(hash);
        RecordChange(repos, app.clock, ctx,
                     {"auth.logout", "session", std::to_string(session->user.value),
                      nlohmann::json{{"signed_in", true}}, nullptr});
        return true;
    });
    return {};
}

}  // namespace tdkt::app

namespace tdkt::app {

std::int64_t PurgeExpiredSessions(App& app) {
    Timestamp now = app.clock.Now();
    std::int64_t removed = 0;
    app.store.Write([&](Repositories& repos) {
        removed = repos.sessions.DeleteExpired(now, now - app.auth.idle_timeout);
        return true;
    });
    return removed;
}

}  // namespace tdkt::app

#include "app/manage_users.h"

#include <fmt/format.h>

#include "app/audit_log.h"
#include "app/policy.h"
#include "core/text.h"
#include "domain/account.h"
#include "domain/permission.h"

namespace tdkt::app {
namespace {

tl::unexpected<Error> Invalid(std::string field, std::string message) {
    return Fail(ErrorCode::kValidation, "invalid_" + field, std::move(message));
}

tl::unexpected<Error> UserNotFound(std::string_view login) {
    return Fail(ErrorCode::kNotFound, "user_not_found", fmt::format("Không tìm thấy người dùng «{}».", login));
}

struct ResolvedGrant {
    domain::Role role;
    UnitRecord unit;
};

Result<ResolvedGrant> ResolveGrant(Repositories& repos, const GrantInput& g) {
    auto role = domain::RoleFromCode(g.role);
    if (!role) return Invalid("role", fmt::format("Vai trò «{}» không tồn tại.", g.role));
    auto unit = repos.units.FindByCode(g.unit_code);
    if (!unit) return Invalid("unit", fmt::format("Không tìm thấy đơn vị có mã «{}».", g.unit_code));
    if (unit->valid_to)
        return Invalid("unit", fmt::format("«{}» đã chấm dứt hoạt động từ {}: hãy giao vai trò trên đơn vị kế thừa.",
                                           unit->name, FormatDateVi(*unit->valid_to)));
    return ResolvedGrant{*role, *unit};
}

nlohmann::json GrantSnapshot(std::string_view login, const ResolvedGrant& g) {
    return {{"login", login}, {"role", domain::RoleCode(g.role)}, {"unit_code", g.unit.code}};
}

Status ChangeGrant(App& app, const RequestContext& ctx, std::string_view login, const GrantInput& input, bool grant) {
    if (auto allowed = AuthorizeSystemWide(ctx, domain::Action::kManageUsers); !allowed) return allowed;
    Status result;
    app.store.Write([&](Repositories& repos) {
        auto user = repos.users.FindByLogin(login);
        if (!user) return (result = UserNotFound(login)), false;
        auto g = ResolveGrant(repos, input);
        if (!g) return (result = tl::unexpected(g.error())), false;
        auto snapshot = GrantSnapshot(login, *g);
        std::string id = fmt::format("{}:{}:{}", user->id.value, static_cast<int>(g->role), g->unit.id.value);
        if (grant) {
            for (const auto& existing : repos.users.Grants(user->id))
                if (existing.role == g->role && existing.unit == g->unit.id)
                    return (result = Fail(ErrorCode::kConflict, "grant_exists", "Người dùng đã có vai trò này.")),
                           false;
            repos.users.AddGrant(user->id, g->role, g->unit.id);
            RecordChange(repos, app.clock, ctx, {"role.grant", "role_grant", id, nullptr, snapshot});
        } else {
            if (!repos.users.RemoveGrant(user->id, g->role, g->unit.id))
                return (result = Fail(ErrorCode::kNotFound, "grant_not_found", "Người dùng không có vai trò này.")),
                       false;
            RecordChange(repos, app.clock, ctx, {"role.revoke", "role_grant", id, snapshot, nullptr});
        }
        return true;
    });
    return result;
}

}  // namespace

nlohmann::json UserSnapshot(const UserRecord& u) {
    return {{"id", u.id.value}, {"login", u.login}, {"display_name", u.display_name}, {"disabled", u.disabled}};
}

Result<UserView> AddUser(App& app, const RequestContext& ctx, const NewUser& in) {
    if (auto allowed = AuthorizeSystemWide(ctx, domain::Action::kManageUsers); !allowed)
        return tl::unexpected(allowed.error());
    UserRecord user;
    user.login = text::CleanLine(in.login);
    user.display_name = text::CleanLine(in.display_name);
    if (auto e = domain::CheckLoginName(user.login)) return Invalid("login", *e);
    if (auto e = domain::CheckDisplayName(user.display_name)) return Invalid("display_name", *e);
    if (auto e = domain::CheckPassword(in.password)) return Invalid("password", *e);
    user.password_hash = app.hasher.Hash(in.password);
    user.created_at = app.clock.Now();
    Result<UserView> result = UserNotFound(user.login);
    app.store.Write([&](Repositories& repos) {
        if (repos.users.FindByLogin(user.login))
            return (result = Fail(ErrorCode::kConflict, "login_taken",
                                  fmt::format("Tên đăng nhập «{}» đã được dùng.", user.login))),
                   false;
        std::vector<ResolvedGrant> grants;
        for (const auto& g : in.grants) {
            auto resolved = ResolveGrant(repos, g);
            if (!resolved) return (result = tl::unexpected(resolved.error())), false;
            grants.push_back(*resolved);
        }
        user.id = repos.users.Insert(user);
        auto after = UserSnapshot(user);
        after["grants"] = nlohmann::json::array();
        for (const auto& g : grants) {
            repos.users.AddGrant(user.id, g.role, g.unit.id);
            after["grants"].push_back(GrantSnapshot(user.login, g));
        }
        RecordChange(repos, app.clock, ctx, {"user.create", "user", std::to_string(user.id.value), nullptr, after});
        result = UserView{user, repos.users.Grants(user.id)};
        return true;
    });
    return result;
}

Result<std::vector<UserView>> ListUsers(App& app, const RequestContext& ctx) {
    if (auto allowed = AuthorizeSystemWide(ctx, domain::Action::kManageUsers); !allowed)
        return tl::unexpected(allowed.error());
    std::vector<UserView> out;
    app.store.Read([&](Repositories& repos) {
        for (auto& u : repos.users.List()) out.push_back({u, repos.users.Grants(u.id)});
    });
    return out;
}

Result<UserView> GetUserByLogin(App& app, const RequestContext& ctx, std::string_view login) {
    if (auto allowed = AuthorizeSystemWide(ctx, domain::Action::kManageUsers); !allowed)
        return tl::unexpected(allowed.error());
    Result<UserView> out = UserNotFound(login);
    app.store.Read([&](Repositories& repos) {
        if (auto u = repos.users.FindByLogin(login)) out = UserView{*u, repos.users.Grants(u->id)};
    });
    return out;
}

namespace {

// Replaces the hash, clears the lockout, ends every session of the user (except `keep`) and audits.
Status StorePassword(App& app, const RequestContext& ctx, std::string_view login, std::string_view new_password,
                     std::string_view keep_token_hash) {
    if (auto e = domain::CheckPassword(new_password)) return Invalid("password", *e);
    std::string hash = app.hasher.Hash(new_password);
    Status result;
    app.store.Write([&](Repositories& repos) {
        auto user = repos.users.FindByLogin(login);
        if (!user) return (result = UserNotFound(login)), false;
        repos.users.UpdatePassword(user->id, hash);
        repos.users.UpdateSignInState(user->id, 0, Timestamp{0});
        std::optional<SessionRecord> kept;
        if (!keep_token_hash.empty()) kept = repos.sessions.FindByTokenHash(keep_token_hash);
        repos.sessions.DeleteForUser(user->id);
        if (kept) repos.sessions.Insert(*kept);
        RecordChange(repos, app.clock, ctx,
                     {"user.password_change", "user", std::to_string(user->id.value), nullptr,
                      nlohmann::json{{"password", "changed"}, {"other_sessions", "ended"}}});
        return true;
    });
    return result;
}

}  // namespace

Status SetPassword(App& app, const RequestContext& ctx, std::string_view login, std::string_view new_password) {
    if (auto allowed = AuthorizeSystemWide(ctx, domain::Action::kManageUsers); !allowed) return allowed;
    return StorePassword(app, ctx, login, new_password, "");
}

Status ChangeOwnPassword(App& app, const RequestContext& ctx, std::string_view current_password,
                         std::string_view new_password) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in || !ctx.actor)
        return Fail(ErrorCode::kUnauthenticated, "unauthenticated", "Bạn cần đăng nhập để tiếp tục.");
    std::optional<UserRecord> user;
    app.store.Read([&](Repositories& repos) { user = repos.users.FindById(ctx.actor->id); });
    if (!user || !app.hasher.Verify(user->password_hash, current_password))
        return Fail(ErrorCode::kValidation, "wrong_current_password", "Mật khẩu hiện tại không đúng.");
    if (current_password == new_password) return Invalid("password", "Mật khẩu mới phải khác mật khẩu hiện tại.");
    return StorePassword(app, ctx, user->login, new_password, ctx.session_token_hash);
}

Status SetUserDisabled(App& app, const RequestContext& ctx, std::string_view login, bool disabled) {
    if (auto allowed = AuthorizeSystemWide(ctx, domain::Action::kManageUsers); !allowed) return allowed;
    if (disabled && ctx.actor && ctx.actor->login == login)
        return Fail(ErrorCode::kConflict, "cannot_disable_self", "Bạn không thể tự vô hiệu hoá tài khoản của mình.");
    Status result;
    app.store.Write([&](Repositories& repos) {
        auto user = repos.users.FindByLogin(login);
        if (!user) return (result = UserNotFound(login)), false;
        auto before = UserSnapshot(*user);
        repos.users.SetDisabled(user->id, disabled);
        if (disabled) repos.sessions.DeleteForUser(user->id);
        user->disabled = disabled;
        RecordChange(repos, app.clock, ctx,
                     {disabled ? "user.disable" : "user.enable", "user", std::to_string(user->id.value), before,
                      UserSnapshot(*user)});
        return true;
    });
    return result;
}

Status GrantRole(App& app, const RequestContext& ctx, std::string_view login, const GrantInput& grant) {
    return ChangeGrant(app, ctx, login, grant, true);
}

Status RevokeRole(App& app, const RequestContext& ctx, std::string_view login, const GrantInput& grant) {
    return ChangeGrant(app, ctx, login, grant, false);
}

}  // namespace tdkt::app

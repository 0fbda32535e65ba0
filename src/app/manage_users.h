#pragma once
// Administrators' use cases on accounts and role grants. Each: validate → load → policy → one
// transaction that changes state and writes the audit entry.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "core/error.h"

namespace tdkt::app {

struct GrantInput {
    std::string role;       // role code, e.g. "unit_officer"
    std::string unit_code;  // unit code, e.g. "HY"
};

struct NewUser {
    std::string login;
    std::string display_name;
    std::string password;
    std::vector<GrantInput> grants;
};

struct UserView {
    UserRecord user;
    std::vector<RoleGrant> grants;
};

Result<UserView> AddUser(App& app, const RequestContext& ctx, const NewUser& input);
Result<std::vector<UserView>> ListUsers(App& app, const RequestContext& ctx);
Result<UserView> GetUserByLogin(App& app, const RequestContext& ctx, std::string_view login);
// An administrator sets another user's password; the user is signed out everywhere.
Status SetPassword(App& app, const RequestContext& ctx, std::string_view login, std::string_view new_password);
// The signed-in user changes their own password, proving the current one; other sessions end.
Status ChangeOwnPassword(App& app, const RequestContext& ctx, std::string_view current_password,
                         std::string_view new_password);
// Disabling also signs the user out everywhere.
Status SetUserDisabled(App& app, const RequestContext& ctx, std::string_view login, bool disabled);
Status GrantRole(App& app, const RequestContext& ctx, std::string_view login, const GrantInput& grant);
Status RevokeRole(App& app, const RequestContext& ctx, std::string_view login, const GrantInput& grant);

nlohmann::json UserSnapshot(const UserRecord& user);

}  // namespace tdkt::app

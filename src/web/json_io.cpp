#include "web/json_io.h"

#include <fmt/format.h>

#include "domain/role.h"

namespace tdkt::web {

Result<nlohmann::json> ParseJsonObject(const Request& req) {
    auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return Fail(ErrorCode::kInvalidInput, "invalid_json", "Dữ liệu gửi lên phải là một đối tượng JSON hợp lệ.");
    return body;
}

Result<std::string> StringField(const nlohmann::json& obj, const char* field) {
    auto it = obj.find(field);
    if (it == obj.end() || it->is_null()) return std::string();
    if (!it->is_string())
        return Fail(ErrorCode::kValidation, "invalid_field", fmt::format("Trường «{}» phải là chuỗi ký tự.", field));
    return it->get<std::string>();
}

nlohmann::json GrantsJson(const std::vector<app::RoleGrant>& grants) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& g : grants)
        out.push_back({{"role", domain::RoleCode(g.role)},
                       {"role_label", domain::RoleLabel(g.role)},
                       {"unit_id", g.unit.value},
                       {"unit_name", g.unit_name}});
    return out;
}

nlohmann::json ActorJson(const app::Actor& actor) {
    return {{"id", actor.id.value},
            {"login", actor.login},
            {"display_name", actor.display_name},
            {"roles", GrantsJson(actor.grants)}};
}

nlohmann::json UnitJson(const app::UnitRecord& u) {
    return {{"id", u.id.value},
            {"code", u.code},
            {"name", u.name},
            {"parent_id", u.parent ? nlohmann::json(u.parent->value) : nlohmann::json(nullptr)}};
}

std::optional<Response> RequireSession(const Request& req) {
    if (req.session) return std::nullopt;
    return ErrorResponse(Error{ErrorCode::kUnauthenticated, "unauthenticated", "Bạn cần đăng nhập để tiếp tục.", ""});
}

}  // namespace tdkt::web

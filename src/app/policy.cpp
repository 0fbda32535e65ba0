#include "app/policy.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace tdkt::app {
namespace {

std::vector<UnitId> AncestorsAndSelf(UnitRepository& units, const UnitRecord& unit) {
    std::vector<UnitId> chain{unit.id};
    std::optional<UnitId> current = unit.parent;
    while (current && chain.size() < 64) {  // 64 bounds a corrupt cycle; real trees are < 10 deep
        chain.push_back(*current);
        auto record = units.Find(*current);
        current = record ? record->parent : std::nullopt;
    }
    return chain;
}

}  // namespace

Status RequireSignedIn(const RequestContext& ctx) {
    if (ctx.system || ctx.actor) return {};
    return Fail(ErrorCode::kUnauthenticated, "unauthenticated", "Bạn cần đăng nhập để tiếp tục.");
}

Result<UnitRecord> AuthorizeUnit(UnitRepository& units, const RequestContext& ctx, domain::Action action, UnitId unit) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    auto target = units.Find(unit);
    if (!target) return Fail(ErrorCode::kNotFound, "unit_not_found", "Không tìm thấy đơn vị.");
    if (ctx.system) return *target;
    auto chain = AncestorsAndSelf(units, *target);
    bool has_any_role = false;
    for (const auto& grant : ctx.actor->grants) {
        if (std::find(chain.begin(), chain.end(), grant.unit) == chain.end()) continue;
        has_any_role = true;
        if (domain::RoleAllows(grant.role, action)) return *target;
    }
    if (!has_any_role)
        return Fail(ErrorCode::kForbidden, "no_role_on_unit",
                    fmt::format("Bạn không có quyền {} tại «{}»: tài khoản chưa được giao vai trò nào trên đơn vị "
                                "này hoặc đơn vị cấp trên.",
                                domain::ActionLabel(action), target->name));
    return Fail(ErrorCode::kForbidden, "role_not_allowed",
                fmt::format("Vai trò của bạn tại «{}» không cho phép {}.", target->name, domain::ActionLabel(action)));
}

Status Authorize(UnitRepository& units, const RequestContext& ctx, domain::Action action, UnitId unit) {
    auto target = AuthorizeUnit(units, ctx, action, unit);
    if (!target) return tl::unexpected(target.error());
    return {};
}

Status AuthorizeSystemWide(const RequestContext& ctx, domain::Action action) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return signed_in;
    if (ctx.system) return {};
    for (const auto& grant : ctx.actor->grants)
        if (grant.unit_is_root && domain::RoleAllows(grant.role, action)) return {};
    return Fail(ErrorCode::kForbidden, "role_not_allowed",
                fmt::format("Chỉ quản trị hệ thống cấp tỉnh mới được {}.", domain::ActionLabel(action)));
}

std::vector<UnitId> VisibleUnits(UnitRepository& units, const RequestContext& ctx) {
    auto all = units.List();
    std::unordered_set<UnitId> roots;
    if (ctx.actor)
        for (const auto& grant : ctx.actor->grants)
            if (domain::RoleAllows(grant.role, domain::Action::kViewUnit)) roots.insert(grant.unit);
    std::unordered_map<UnitId, std::optional<UnitId>> parent;
    for (const auto& u : all) parent[u.id] = u.parent;
    std::vector<UnitId> out;
    for (const auto& u : all) {
        std::optional<UnitId> current = u.id;
        for (int depth = 0; current && depth < 64; ++depth) {
            if (ctx.system || roots.count(*current)) {
                out.push_back(u.id);
                break;
            }
            current = parent[*current];
        }
    }
    return out;
}

}  // namespace tdkt::app

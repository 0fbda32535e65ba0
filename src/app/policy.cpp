#include "app/policy.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace tdkt::app {
namespace {

void AddAncestorsAndSelf(UnitRepository& units, const UnitRecord& unit, std::vector<UnitId>& chain) {
    chain.push_back(unit.id);
    std::optional<UnitId> current = unit.parent;
    for (int depth = 0; current && depth < 64; ++depth) {  // 64 bounds a corrupt cycle; real trees are < 10 deep
        chain.push_back(*current);
        auto record = units.Find(*current);
        current = record ? record->parent : std::nullopt;
    }
}

// The units whose grants reach `unit`: its ancestors, and for a unit that has ended (merged, split,
// dissolved), also its successors' ancestors, so a merged commune's officers keep its predecessors'
// records.
std::vector<UnitId> Authorities(UnitRepository& units, const UnitRecord& unit) {
    std::vector<UnitId> chain;
    AddAncestorsAndSelf(units, unit, chain);
    if (!unit.valid_to) return chain;
    auto lineage = units.Lineage();
    std::vector<UnitId> frontier{unit.id};
    std::unordered_set<UnitId> seen{unit.id};
    while (!frontier.empty()) {
        UnitId current = frontier.back();
        frontier.pop_back();
        for (const auto& link : lineage) {
            if (link.predecessor != current || !seen.insert(link.successor).second) continue;
            if (auto successor = units.Find(link.successor)) {
                AddAncestorsAndSelf(units, *successor, chain);
                frontier.push_back(successor->id);
            }
        }
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
    auto chain = Authorities(units, *target);
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

std::vector<UnitId> AuthoritiesOf(UnitRepository& units, UnitId unit) {
    auto target = units.Find(unit);
    return target ? Authorities(units, *target) : std::vector<UnitId>{};
}

bool HoldsRole(UnitRepository& units, const RequestContext& ctx, domain::Role role, UnitId unit) {
    if (ctx.system) return true;
    if (!ctx.actor) return false;
    auto target = units.Find(unit);
    if (!target) return false;
    auto chain = Authorities(units, *target);
    return std::any_of(ctx.actor->grants.begin(), ctx.actor->grants.end(), [&](const auto& grant) {
        return grant.role == role && std::find(chain.begin(), chain.end(), grant.unit) != chain.end();
    });
}

Status AuthorizePerson(UnitRepository& units, const RequestContext& ctx, domain::Action action,
                       const PersonRecord& person) {
    if (person.unit) return Authorize(units, ctx, action, *person.unit);
    return AuthorizeSystemWide(ctx, action);
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
    return VisibleUnits(units, units.List(), ctx);
}

std::vector<UnitId> VisibleUnits(UnitRepository& units, const std::vector<UnitRecord>& all, const RequestContext& ctx) {
    std::unordered_set<UnitId> roots;
    if (ctx.actor)
        for (const auto& grant : ctx.actor->grants)
            if (domain::RoleAllows(grant.role, domain::Action::kViewUnit)) roots.insert(grant.unit);
    std::unordered_map<UnitId, std::optional<UnitId>> parent;
    for (const auto& u : all) parent[u.id] = u.parent;
    std::unordered_set<UnitId> visible;
    for (const auto& u : all) {
        std::optional<UnitId> current = u.id;
        for (int depth = 0; current && depth < 64; ++depth) {
            if (ctx.system || roots.count(*current)) {
                visible.insert(u.id);
                break;
            }
            current = parent[*current];
        }
    }
    // Predecessors of visible units (and their subtrees) are visible too: a successor's history is theirs.
    if (!ctx.system && visible.size() < all.size()) {
        auto lineage = units.Lineage();
        std::unordered_map<UnitId, std::vector<UnitId>> children;
        for (const auto& u : all)
            if (u.parent) children[*u.parent].push_back(u.id);
        std::vector<UnitId> frontier(visible.begin(), visible.end());
        while (!frontier.empty()) {
            UnitId current = frontier.back();
            frontier.pop_back();
            for (const auto& link : lineage)
                if (link.successor == current && visible.insert(link.predecessor).second)
                    frontier.push_back(link.predecessor);
            for (UnitId child : children[current])
                if (visible.insert(child).second) frontier.push_back(child);
        }
    }
    std::vector<UnitId> out;
    for (const auto& u : all)
        if (visible.count(u.id)) out.push_back(u.id);
    return out;
}

}  // namespace tdkt::app

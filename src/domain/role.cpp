#include "domain/role.h"

#include <array>

namespace tdkt::domain {
namespace {

struct RoleInfo {
    Role role;
    std::string_view code;
    std::string_view label;
};

constexpr std::array<RoleInfo, 8> kRoles{{
    {Role::kAdministrator, "administrator", "Quản trị hệ thống"},
    {Role::kBoardLeader, "board_leader", "Lãnh đạo Ban Thi đua – Khen thưởng"},
    {Role::kBoardSpecialist, "board_specialist", "Chuyên viên Ban Thi đua – Khen thưởng"},
    {Role::kCouncilSecretary, "council_secretary", "Thư ký Hội đồng Thi đua – Khen thưởng"},
    {Role::kCouncilMember, "council_member", "Thành viên Hội đồng Thi đua – Khen thưởng"},
    {Role::kUnitLeader, "unit_leader", "Lãnh đạo đơn vị"},
    {Role::kUnitOfficer, "unit_officer", "Cán bộ thi đua – khen thưởng đơn vị"},
    {Role::kViewer, "viewer", "Người xem"},
}};

const RoleInfo* Find(Role r) {
    for (const auto& info : kRoles)
        if (info.role == r) return &info;
    return nullptr;
}

}  // namespace

const std::vector<Role>& AllRoles() {
    static const std::vector<Role> roles = [] {
        std::vector<Role> out;
        for (const auto& info : kRoles) out.push_back(info.role);
        return out;
    }();
    return roles;
}

std::string_view RoleCode(Role r) { return Find(r)->code; }
std::string_view RoleLabel(Role r) { return Find(r)->label; }

std::optional<Role> RoleFromCode(std::string_view code) {
    for (const auto& info : kRoles)
        if (info.code == code) return info.role;
    return std::nullopt;
}

std::optional<Role> RoleFromValue(int value) {
    for (const auto& info : kRoles)
        if (static_cast<int>(info.role) == value) return info.role;
    return std::nullopt;
}

}  // namespace tdkt::domain

#pragma once
// Roles a user holds on a unit and its whole subtree (PRODUCT.md "Who uses it").
#include <optional>
#include <string_view>
#include <vector>

namespace tdkt::domain {

// Persisted: the numeric values are stored in role_grants.role. Never renumber.
enum class Role {
    kAdministrator = 1,
    kBoardLeader = 2,
    kBoardSpecialist = 3,
    kCouncilSecretary = 4,
    kCouncilMember = 5,
    kUnitLeader = 6,
    kUnitOfficer = 7,
    kViewer = 8,
};

const std::vector<Role>& AllRoles();
// Stable API code, e.g. "board_specialist".
std::string_view RoleCode(Role r);
std::optional<Role> RoleFromCode(std::string_view code);
std::optional<Role> RoleFromValue(int value);
// Vietnamese label for the UI, e.g. "Chuyên viên Ban Thi đua – Khen thưởng".
std::string_view RoleLabel(Role r);

}  // namespace tdkt::domain

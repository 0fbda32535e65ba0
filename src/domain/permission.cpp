#include "domain/permission.h"

namespace tdkt::domain {

bool RoleAllows(Role role, Action action) {
    switch (action) {
        case Action::kViewUnit:
        case Action::kViewPeople:
        case Action::kViewDossiers:
            return true;  // every role reads the units it is granted on, and their people
        case Action::kManagePeople:
            return role == Role::kAdministrator || role == Role::kBoardSpecialist || role == Role::kUnitLeader ||
                   role == Role::kUnitOfficer;
        case Action::kManageUnits:
            return role == Role::kAdministrator || role == Role::kBoardSpecialist;
        case Action::kPrepareDossiers:
            return role == Role::kAdministrator || role == Role::kUnitLeader || role == Role::kUnitOfficer;
        case Action::kManageUsers:
        case Action::kViewAudit:
            return role == Role::kAdministrator;
    }
    return false;
}

std::string_view ActionLabel(Action action) {
    switch (action) {
        case Action::kViewUnit:
            return "xem đơn vị";
        case Action::kManageUnits:
            return "quản lý đơn vị";
        case Action::kManageUsers:
            return "quản lý người dùng";
        case Action::kViewAudit:
            return "xem nhật ký hệ thống";
        case Action::kViewPeople:
            return "xem hồ sơ cá nhân";
        case Action::kManagePeople:
            return "cập nhật hồ sơ cá nhân";
        case Action::kViewDossiers:
            return "xem hồ sơ đề nghị khen thưởng";
        case Action::kPrepareDossiers:
            return "lập hồ sơ đề nghị khen thưởng";
    }
    return "";
}

}  // namespace tdkt::domain

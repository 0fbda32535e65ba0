#include "domain/permission.h"

namespace tdkt::domain {

bool RoleAllows(Role role, Action action) {
    switch (action) {
        case Action::kViewUnit:
            return true;  // every role reads the units it is granted on
        case Action::kManageUnits:
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
    }
    return "";
}

}  // namespace tdkt::domain

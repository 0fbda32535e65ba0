#pragma once
// What each role may do. Where it may do it (which units) is decided by the grants: a role held
// on a unit applies to that unit and its whole subtree (app/policy.h combines the two).
#include <string_view>

#include "domain/role.h"

namespace tdkt::domain {

enum class Action {
    kViewUnit,         // read a unit and what hangs under it
    kManageUnits,      // create or change units
    kManageUsers,      // create, disable users; grant roles
    kViewAudit,        // read the audit log
    kViewPeople,       // read people, their records and award history
    kManagePeople,     // add and edit people, their records and award history
    kViewDossiers,     // read nomination dossiers of a unit
    kPrepareDossiers,  // create a unit's dossiers and edit them while the unit holds them
};

bool RoleAllows(Role role, Action action);
// Vietnamese phrase for refusals: "xem nhật ký hệ thống".
std::string_view ActionLabel(Action action);

}  // namespace tdkt::domain

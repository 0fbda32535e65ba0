#include "domain/role.h"

#include <gtest/gtest.h>

#include "domain/permission.h"

namespace tdkt::domain {

TEST(Role_Codes, RoundTripForEveryRole) {
    ASSERT_EQ(AllRoles().size(), 8u);
    for (Role r : AllRoles()) {
        EXPECT_EQ(RoleFromCode(RoleCode(r)), r);
        EXPECT_EQ(RoleFromValue(static_cast<int>(r)), r);
    }
    EXPECT_EQ(RoleFromCode("superuser"), std::nullopt);
    EXPECT_EQ(RoleFromValue(0), std::nullopt);
}

TEST(Role_PersistedValues, NeverChange) {
    EXPECT_EQ(static_cast<int>(Role::kAdministrator), 1);
    EXPECT_EQ(static_cast<int>(Role::kUnitOfficer), 7);
    EXPECT_EQ(static_cast<int>(Role::kViewer), 8);
}

TEST(Permission_RoleAllows, OnlyAdministratorsManageUsersAndReadAudit) {
    for (Role r : AllRoles()) {
        bool admin = r == Role::kAdministrator;
        EXPECT_EQ(RoleAllows(r, Action::kManageUsers), admin) << RoleCode(r);
        EXPECT_EQ(RoleAllows(r, Action::kViewAudit), admin) << RoleCode(r);
        EXPECT_TRUE(RoleAllows(r, Action::kViewUnit)) << RoleCode(r);
    }
}

}  // namespace tdkt::domain

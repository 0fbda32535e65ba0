#include "domain/account.h"

#include <gtest/gtest.h>

namespace tdkt::domain {

TEST(Account_CheckLoginName, AcceptsLowerAsciiOnly) {
    EXPECT_EQ(CheckLoginName("cb.sonoivu_01"), std::nullopt);
    EXPECT_EQ(CheckLoginName("ab"), "Tên đăng nhập phải dài từ 3 đến 64 ký tự.");
    EXPECT_EQ(CheckLoginName("Đào"), "Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và các dấu . _ -");
    EXPECT_EQ(CheckLoginName("Admin"), "Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và các dấu . _ -");
}

TEST(Account_CheckPassword, CountsCharactersNotBytes) {
    EXPECT_EQ(CheckPassword("đđđđđđđđđ"), "Mật khẩu phải có ít nhất 10 ký tự.");  // 9 chars, 18 bytes
    EXPECT_EQ(CheckPassword("đđđđđđđđđđ"), std::nullopt);
}

TEST(Account_Lockout, LocksAfterFifthFailureForFifteenMinutes) {
    LockoutPolicy policy;
    SignInState s;
    Timestamp now{1'000'000};
    for (int i = 1; i <= 4; ++i) {
        s = AfterFailedSignIn(s, now, policy);
        EXPECT_EQ(s.failed_count, i);
        EXPECT_FALSE(IsLocked(s, now));
    }
    s = AfterFailedSignIn(s, now, policy);
    EXPECT_EQ(s.failed_count, 0);
    EXPECT_EQ(s.locked_until.ms, 1'000'000 + 15 * 60 * 1000);
    EXPECT_TRUE(IsLocked(s, now + std::chrono::minutes(14)));
    EXPECT_FALSE(IsLocked(s, now + std::chrono::minutes(15)));
}

}  // namespace tdkt::domain

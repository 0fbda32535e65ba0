#include "domain/national_id.h"

#include <gtest/gtest.h>

namespace tdkt::domain {
namespace {

TEST(NationalId, AcceptsWellFormedNumbers) {
    EXPECT_EQ(CheckNationalId("034085001234"), std::nullopt);                              // Thái Bình, male 1985
    EXPECT_EQ(CheckNationalId("034185001234", Date{1985, 3, 2}, "female"), std::nullopt);  // female 1985
    EXPECT_EQ(CheckNationalId("033301000007", Date{2001, 12, 31}, "female"), std::nullopt);
    EXPECT_EQ(CheckNationalId("001200000001", Date{2000, 1, 1}, "male"), std::nullopt);
    EXPECT_EQ(CheckNationalId("001190000001", Date{1990, 1, 1}), std::nullopt);  // gender unknown: century only
}

TEST(NationalId, RejectsWrongLengthAndCharacters) {
    EXPECT_EQ(CheckNationalId("03408500123"),
              "Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số; «03408500123» có 11 ký tự.");
    EXPECT_EQ(CheckNationalId("03408500123a"),
              "Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số; «03408500123a» có 12 ký tự.");
}

TEST(NationalId, RejectsUnknownProvinceCode) {
    EXPECT_EQ(CheckNationalId("003085001234"),
              "Số CCCD «003085001234» không hợp lệ: 3 chữ số đầu «003» không phải mã tỉnh nơi đăng ký khai sinh.");
    EXPECT_EQ(CheckNationalId("097085001234").has_value(), true);
    EXPECT_TRUE(IsNationalIdProvinceCode("096"));
    EXPECT_FALSE(IsNationalIdProvinceCode("000"));
}

TEST(NationalId, MustMatchBirthYearAndGender) {
    EXPECT_EQ(CheckNationalId("034085001234", Date{1985, 1, 1}, "female"),
              "Số CCCD «034085001234» không khớp với giới tính nữ và năm sinh 1985: chữ số thứ 4 đến 6 phải là «185».");
    EXPECT_EQ(
        CheckNationalId("034086001234", Date{1985, 1, 1}, "male"),
        "Số CCCD «034086001234» không khớp với giới tính nam và năm sinh 1985: chữ số thứ 4 đến 6 phải là «085».");
    EXPECT_EQ(CheckNationalId("034285001234", Date{1985, 1, 1}),
              "Số CCCD «034285001234» không khớp với năm sinh 1985: chữ số thứ 4 đến 6 phải là «085» hoặc «185».");
}

TEST(NationalId, CenturyDigit) {
    EXPECT_EQ(NationalIdCenturyDigit(1999, "male"), 0);
    EXPECT_EQ(NationalIdCenturyDigit(1999, "female"), 1);
    EXPECT_EQ(NationalIdCenturyDigit(2000, "male"), 2);
    EXPECT_EQ(NationalIdCenturyDigit(2005, "female"), 3);
    EXPECT_EQ(NationalIdCenturyDigit(1899, "male"), -1);
}

}  // namespace
}  // namespace tdkt::domain

#include "core/text.h"

#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

namespace tdkt::text {

TEST(Text_Nfc, ComposesDecomposedInput) {
    // "Đặng" as D-stroke, a, combining breve, combining dot below (decomposed, as some keyboards send it)
    std::string nfd =
        "\xC4\x90"
        "a\xCC\x86\xCC\xA3ng";  // Đ a ̆ ̣ ng  -> Đặng
    EXPECT_EQ(Nfc(nfd), "Đặng");
}

TEST(Text_Fold, StripsMarksLowersAndMapsDStroke) {
    EXPECT_EQ(Fold("Đặng Thị Đào"), "dang thi dao");
    EXPECT_EQ(Fold("NGUYỄN VĂN THẮNG"), "nguyen van thang");
    EXPECT_EQ(Fold("Hưng Yên"), "hung yen");
}

TEST(Text_CleanLine, TrimsAndCollapsesWhiteSpace) { EXPECT_EQ(CleanLine("  Sở   Nội\tvụ \n"), "Sở Nội vụ"); }

TEST(Text_Utf8, DetectsInvalidBytes) {
    EXPECT_TRUE(IsValidUtf8("Thái Bình"));
    EXPECT_FALSE(IsValidUtf8("\xC3\x28"));
}

TEST(Text_CollationKey, SortsInVietnameseOrder) {
    std::vector<std::string> names{"Đào", "Bình", "Ấn", "Dương", "Ân", "An"};
    std::sort(names.begin(), names.end(),
              [](const std::string& a, const std::string& b) { return CollationKey(a) < CollationKey(b); });
    EXPECT_EQ(names, (std::vector<std::string>{"An", "Ân", "Ấn", "Bình", "Dương", "Đào"}));
}

TEST(Text_FormatNumberVi, GroupsThousandsWithDots) {
    EXPECT_EQ(FormatNumberVi(0), "0");
    EXPECT_EQ(FormatNumberVi(999), "999");
    EXPECT_EQ(FormatNumberVi(1234567), "1.234.567");
    EXPECT_EQ(FormatNumberVi(-702000), "-702.000");
}

TEST(Text_Length, CountsCodePoints) { EXPECT_EQ(Length("Đặng"), 4u); }

TEST(Text, UpperViKeepsMarks) {
    EXPECT_EQ(UpperVi("Ủy ban nhân dân tỉnh Hưng Yên"), "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN");
    EXPECT_EQ(UpperVi("đặng thị đào"), "ĐẶNG THỊ ĐÀO");
}

}  // namespace tdkt::text

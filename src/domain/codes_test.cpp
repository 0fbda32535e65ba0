#include "domain/codes.h"

#include <gtest/gtest.h>

#include "domain/award_codes.h"

namespace tdkt::domain {
namespace {

TEST(Codes, ResolveAcceptsCodeOrLabelWithoutDiacritics) {
    EXPECT_EQ(TaskRatings().Resolve("HTXS"), "HTXS");
    EXPECT_EQ(TaskRatings().Resolve("htt"), "HTT");
    EXPECT_EQ(TaskRatings().Resolve("Hoàn thành nhiệm vụ"), "HT");
    EXPECT_EQ(TaskRatings().Resolve("khong hoan thanh nhiem vu"), "KHT");
    EXPECT_EQ(TaskRatings().Resolve("Tốt"), std::nullopt);
    EXPECT_EQ(Genders().Resolve("Nữ"), "female");
    EXPECT_EQ(Genders().Resolve("nu"), "female");
    EXPECT_EQ(UnitTypes().Resolve("Đặc khu"), "special_zone");
    EXPECT_EQ(PersonCategories().Resolve("Công chức"), "cong_chuc");
}

TEST(Codes, LabelsAndLists) {
    EXPECT_EQ(DisciplineForms().Label("canh_cao"), "Cảnh cáo");
    EXPECT_EQ(DisciplineForms().Label("unknown"), "unknown");
    EXPECT_EQ(TaskRatings().CodeList(), "HTXS, HTT, HT, KHT");
}

TEST(Codes, RanksAndSeverity) {
    EXPECT_EQ(RatingRank("HTXS"), 0);
    EXPECT_EQ(RatingRank("KHT"), 3);
    EXPECT_EQ(RatingRank("X"), -1);
    EXPECT_LT(DisciplineSeverity("khien_trach"), DisciplineSeverity("canh_cao"));
    EXPECT_EQ(DisciplineSeverity("buoc_thoi_viec"), 5);
}

TEST(AwardCodesTable, SubjectsAreChecked) {
    const auto* ldtt = FindAwardCode("LDTT");
    ASSERT_NE(ldtt, nullptr);
    EXPECT_TRUE(AwardAllowsSubject(*ldtt, "individual"));
    EXPECT_FALSE(AwardAllowsSubject(*ldtt, "collective"));
    EXPECT_TRUE(AwardAllowsSubject(*FindAwardCode("GD_VAN_HOA"), "household"));
    EXPECT_EQ(FindAwardCode("NOPE"), nullptr);
    for (const char* code :
         {"LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "TTLDTT", "TTLDXS", "CO_TINH", "CO_CP", "XA_TIEU_BIEU",
          "THON_VAN_HOA", "GD_VAN_HOA", "GIAY_KHEN", "BK_TINH", "BK_TTG", "HCLD_3", "HCLD_2", "HCLD_1"})
        EXPECT_NE(FindAwardCode(code), nullptr) << code;
}

}  // namespace
}  // namespace tdkt::domain

#include "domain/prize.h"

#include <gtest/gtest.h>

namespace tdkt::domain {
namespace {

Catalog OneAward(std::string household_rounding = "individual_rounded") {
    Catalog c;
    RuleSet r;
    r.id = "test";
    r.name = "Thử";
    r.valid_from = {2024, 1, 1};
    r.household_rounding = std::move(household_rounding);
    AwardDef gk;
    gk.code = "GIAY_KHEN";
    gk.name = "Giấy khen";
    gk.subject_types = {"individual", "collective", "household"};
    gk.prize.individual = 300;
    gk.prize.collective = 600;
    r.awards.push_back(gk);
    c.rule_sets.push_back(r);
    c.base_salary = {{{2023, 7, 1}, 1'800'000, "NĐ 24/2023", false}, {{2024, 7, 1}, 2'340'000, "NĐ 73/2024", false}};
    return c;
}

TEST(Prize, RoundsUpToTenThousand) {
    EXPECT_EQ(RoundedPrize(300, 2'340'000), 710'000);     // 702,000
    EXPECT_EQ(RoundedPrize(800, 2'340'000), 1'880'000);   // 1,872,000
    EXPECT_EQ(RoundedPrize(1000, 2'340'000), 2'340'000);  // already round
    EXPECT_EQ(RoundedPrize(300, 1'800'000), 540'000);
    EXPECT_EQ(RoundedPrize(46'000, 2'340'000), 107'640'000);
    EXPECT_EQ(RoundedPrize(1, 10'000'000), 10'000);  // 10,000 × 0.001 = 10,000 exactly
    EXPECT_EQ(RoundedPrize(1, 10'000'001), 20'000);
    EXPECT_EQ(RoundedPrize(0, 2'340'000), 0);
}

TEST(Prize, MultipliersReadTheVietnameseWay) {
    EXPECT_EQ(FormatMultiplier(300), "0,3");
    EXPECT_EQ(FormatMultiplier(1500), "1,5");
    EXPECT_EQ(FormatMultiplier(12'000), "12");
    EXPECT_EQ(FormatMultiplier(30'500), "30,5");
    EXPECT_EQ(FormatMultiplier(450), "0,45");
}

TEST(Prize, BaseSalaryOfTheDecisionDate) {
    auto c = OneAward();
    EXPECT_EQ(PrizeFor(c, "GIAY_KHEN", "individual", {2024, 6, 30})->amount_vnd, 540'000);
    EXPECT_EQ(PrizeFor(c, "GIAY_KHEN", "individual", {2024, 7, 1})->amount_vnd, 710'000);
    EXPECT_EQ(PrizeFor(c, "GIAY_KHEN", "collective", {2024, 7, 1})->amount_vnd, 1'410'000);  // 1,404,000
    auto none = PrizeFor(c, "GIAY_KHEN", "individual", {2023, 12, 31});
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().reason, "no_rule_set");
}

TEST(Prize, HouseholdIsOneAndAHalfIndividualAmounts_RoundingConfigurable) {
    auto rounded_first = OneAward("individual_rounded");
    auto p = PrizeFor(rounded_first, "GIAY_KHEN", "household", {2025, 1, 1});
    EXPECT_EQ(p->amount_vnd, 1'070'000);  // 1.5 × 710,000 = 1,065,000 → 1,070,000
    EXPECT_TRUE(p->unconfirmed);
    auto once = OneAward("once");
    EXPECT_EQ(PrizeFor(once, "GIAY_KHEN", "household", {2025, 1, 1})->amount_vnd, 1'060'000);  // 1,053,000
}

TEST(Prize, RefusesWithVietnameseMessages) {
    auto c = OneAward();
    EXPECT_EQ(PrizeFor(c, "KHONG_CO", "individual", {2025, 1, 1}).error().message,
              "Mã «KHONG_CO» không có trong bộ quy định «Thử».");
    EXPECT_EQ(PrizeFor(c, "GIAY_KHEN", "robot", {2025, 1, 1}).error().reason, "bad_subject_type");
    c.rule_sets[0].awards[0].subject_types = {"individual"};
    EXPECT_EQ(PrizeFor(c, "GIAY_KHEN", "household", {2025, 1, 1}).error().message,
              "«Giấy khen» không tặng cho đối tượng «Hộ gia đình».");
}

}  // namespace
}  // namespace tdkt::domain

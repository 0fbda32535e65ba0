#include "app/catalog.h"

#include <gtest/gtest.h>

namespace tdkt::app {
namespace {

TEST(Catalog, BuiltIn_HasBothRuleSetsAndTheContractCodes) {
    const auto& c = BuiltInCatalog();
    ASSERT_EQ(c.rule_sets.size(), 2u);
    EXPECT_EQ(c.rule_sets[0].id, "2024-01-01");
    EXPECT_EQ(c.rule_sets[0].valid_to, (Date{2025, 7, 1}));
    EXPECT_EQ(c.rule_sets[1].id, "2025-07-01");
    EXPECT_FALSE(c.rule_sets[1].valid_to);
    for (const char* code :
         {"LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "TTLDTT", "TTLDXS", "CO_TINH", "CO_CP", "XA_TIEU_BIEU",
          "THON_VAN_HOA", "GD_VAN_HOA", "GIAY_KHEN", "BK_TINH", "BK_TTG", "HCLD_3", "HCLD_2", "HCLD_1"})
        for (const auto& r : c.rule_sets) EXPECT_TRUE(r.Find(code)) << r.id << " " << code;
    // What NĐ 152/2025 changed, and what it kept.
    EXPECT_EQ(c.rule_sets[0].Find("XA_TIEU_BIEU")->name, "Xã, phường, thị trấn tiêu biểu");
    EXPECT_EQ(c.rule_sets[1].Find("XA_TIEU_BIEU")->name, "Xã, phường, đặc khu tiêu biểu");
    EXPECT_NE(c.rule_sets[1].Find("CSTDCS")->authority.find("cấp xã"), std::string::npos);
    EXPECT_EQ(c.rule_sets[0].Find("CSTD_TINH")->vote_threshold_pct, 90);
    EXPECT_FALSE(c.rule_sets[0].Find("CSTD_TINH")->vote_unconfirmed);
    EXPECT_TRUE(c.rule_sets[1].Find("CSTD_TINH")->vote_unconfirmed);
    EXPECT_EQ(c.rule_sets[1].Find("LDTT")->prize.legal_ref, "NĐ 152/2025/NĐ-CP, Điều 49, 50");
    EXPECT_EQ(c.rule_sets[1].Find("HCLD_3")->prize.collective, 9000);
    EXPECT_TRUE(c.rule_sets[1].Find("HCLD_3")->public_consultation);
    EXPECT_EQ(c.rule_sets[1].Find("HC_SAO_VANG")->prize.collective, 92'000);  // 2 × 46
    ASSERT_EQ(c.base_salary.size(), 2u);
    EXPECT_EQ(c.SalaryOn({2024, 6, 30})->amount_vnd, 1'800'000);
    EXPECT_EQ(c.SalaryOn({2024, 7, 1})->amount_vnd, 2'340'000);
}

TEST(Catalog, Overlay_SplitsTheRuleSetAndAddsCriteriaTitlesAndSalary) {
    CatalogFile overlay{"hung-yen.jsonc", R"({
      // Hưng Yên: its own criterion for Bằng khen, a local title, and the 2026 base salary.
      "overlay": "HY", "valid_from": "2025-12-15",
      "add_criteria": {"BK_TINH": {"individual": {"merit": [
        {"id": "hy_digital", "kind": "judgement", "text": "Hoàn thành chuyển đổi số của đơn vị", "ref": "QĐ 86/2025/QĐ-UBND tỉnh Hưng Yên"}]}}},
      "awards": [{"code": "HY_CONG_DAN_TIEU_BIEU", "name": "Công dân tiêu biểu tỉnh Hưng Yên", "group": "title",
                  "level": "province", "ref": "QĐ 86/2025/QĐ-UBND", "subjects": ["individual"], "kinds": ["merit"],
                  "criteria": {"individual": {"merit": [{"id": "htxs", "kind": "rating", "rating": "HTXS", "ref": "QĐ 86/2025", "text": "HTXS"}]}},
                  "prize": {"individual": 2.0, "ref": "QĐ 86/2025/QĐ-UBND"}}],
      "base_salary": [{"valid_from": "2026-07-01", "amount_vnd": 2530000, "legal_ref": "NĐ 161/2026/NĐ-CP", "unconfirmed": true}]
    })"};
    auto c = LoadCatalog({overlay});
    ASSERT_TRUE(c) << c.error().message;
    const auto& sets = (*c)->rule_sets;
    ASSERT_EQ(sets.size(), 3u);
    EXPECT_EQ(sets[1].id, "2025-07-01");
    EXPECT_EQ(sets[1].valid_to, (Date{2025, 12, 15}));
    EXPECT_EQ(sets[2].id, "2025-07-01+HY");
    EXPECT_FALSE(sets[1].Find("HY_CONG_DAN_TIEU_BIEU"));
    ASSERT_TRUE(sets[2].Find("HY_CONG_DAN_TIEU_BIEU"));
    const auto* merit = sets[2].Find("BK_TINH")->CriteriaFor("individual", "merit");
    ASSERT_TRUE(merit);
    EXPECT_EQ(merit->criteria.back().id, "hy_digital");
    EXPECT_EQ((*c)->SalaryOn({2026, 7, 1})->amount_vnd, 2'530'000);
    EXPECT_EQ((*c)->SalaryOn({2026, 6, 30})->amount_vnd, 2'340'000);
}

TEST(Catalog, BadOverlay_ReportsEveryProblemWithFileAndPlace) {
    CatalogFile overlay{"sai.jsonc", R"({"overlay": "X", "valid_from": "2026-01-01",
      "awards": [{"code": "X1", "name": "Thử", "subjects": ["robot"], "kinds": ["merit"],
                  "criteria": {"robot": {"merit": [{"id": "a", "kind": "magic", "text": "?"},
                                                   {"id": "b", "kind": "consecutive_years", "awards": ["KHONG_CO"], "count": 2, "text": "x", "ref": "y"}]}}}]})"};
    auto c = LoadCatalog({overlay});
    ASSERT_FALSE(c);
    const std::string& m = c.error().message;
    EXPECT_NE(m.find("đối tượng «robot» không hợp lệ"), std::string::npos) << m;
    EXPECT_NE(m.find("loại tiêu chí «magic» không có"), std::string::npos) << m;
    EXPECT_NE(m.find("danh hiệu «KHONG_CO» không có trong bộ quy định"), std::string::npos) << m;
    EXPECT_NE(m.find("sai.jsonc"), std::string::npos) << m;
    auto broken = LoadCatalog({{"hong.jsonc", "{\"overlay\": "}});
    ASSERT_FALSE(broken);
    EXPECT_NE(broken.error().message.find("hong.jsonc: không đọc được JSON"), std::string::npos);
}

}  // namespace
}  // namespace tdkt::app

namespace tdkt::app {
namespace {

TEST(BuiltInCalendar, CountsTheAnnouncedHolidaysOfEachYear) {
    const auto& c = BuiltInCatalog().calendar;
    for (int year : {2024, 2025, 2026}) EXPECT_TRUE(c.Configured(year)) << year;
    // 20 working days of appraisal from Monday 1/12/2025: the 20th is Monday 29/12.
    EXPECT_EQ(c.AddWorkingDays({2025, 12, 1}, 20), (Date{2025, 12, 29}));
    // Across Tết Bính Ngọ (16–20/2/2026 off): from Monday 2/2/2026 the 20th is Monday 9/3.
    EXPECT_EQ(c.AddWorkingDays({2026, 2, 2}, 20), (Date{2026, 3, 9}));
    // 30/4–1/5/2025 with the Friday swapped for Saturday 26/4.
    EXPECT_TRUE(c.IsWorkingDay({2025, 4, 26}));
    EXPECT_FALSE(c.IsWorkingDay({2025, 5, 2}));
    EXPECT_FALSE(c.IsWorkingDay({2025, 4, 7}));  // Giỗ Tổ Hùng Vương
    EXPECT_FALSE(c.IsWorkingDay({2024, 9, 3}));  // the second day of Quốc khánh 2024
    EXPECT_EQ(c.rest_weekdays, (std::set<int>{0, 6}));
}

TEST(BuiltInCalendar, AnOverlayAddsAYearAndBadDatesAreNamed) {
    auto files = BuiltInCatalogFiles();
    files.push_back({"tinh.jsonc", R"({"calendar": {"years": [{"year": 2027, "ref": "Thông báo 2027",
        "days_off": ["2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"]}]}})"});
    auto built = BuildCatalog(files);
    ASSERT_TRUE(built) << built.error().message;
    EXPECT_TRUE(built->calendar.Configured(2027));
    EXPECT_FALSE(built->calendar.IsWorkingDay({2027, 2, 8}));
    EXPECT_FALSE(built->calendar.IsWorkingDay({2027, 1, 1}));
    // A configured year lists every day off: 1/5/2027 (a Saturday) is not moved to Monday.
    EXPECT_TRUE(built->calendar.IsWorkingDay({2027, 5, 3}));
    files.back().text = R"({"calendar": {"years": [{"year": 2027, "days_off": ["2026-02-05", "05/02/2027"]}]}})";
    auto bad = BuildCatalog(files);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("days_off: «2026-02-05» không phải ngày YYYY-MM-DD của năm 2027"),
              std::string::npos)
        << bad.error().message;
}

}  // namespace
}  // namespace tdkt::app

namespace tdkt::app {
namespace {

TEST(BuiltInWorkflow, LeadsFromDraftToPaidAndEveryStateIsReachable) {
    const auto& w = BuiltInCatalog().workflow;
    ASSERT_NE(w.State("draft"), nullptr);
    EXPECT_EQ(w.State("received")->limit->working_days, 20);
    // Every state is reached from draft by some path of the table.
    std::set<std::string> reached{"draft"};
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& t : w.transitions)
            for (const auto& f : t.from)
                if (reached.count(f) && reached.insert(t.to).second) grew = true;
    }
    for (const auto& s : w.states) EXPECT_TRUE(reached.count(s.code)) << s.code;
    // Final states have no way out; the others have one.
    for (const auto& s : w.states) EXPECT_EQ(w.From(s.code).empty(), s.final) << s.code;
    EXPECT_EQ(w.province_review_awards, (std::vector<std::string>{"CO_CP", "CO_TINH", "CSTD_TINH"}));
}

TEST(BuiltInWorkflow, AnOverlayChangesALimitAndBadDefinitionsAreNamed) {
    auto files = BuiltInCatalogFiles();
    files.push_back(
        {"tinh.jsonc", R"({"workflow": {"limits": {"received": {"working_days": 15, "ref": "QĐ tỉnh"}}}})"});
    auto built = BuildCatalog(files);
    ASSERT_TRUE(built) << built.error().message;
    EXPECT_EQ(built->workflow.State("received")->limit->working_days, 15);
    files.back().text = R"({"workflow": {"states": [{"code": "draft", "name": "Dự thảo", "holder": "unit"}],
        "transitions": [{"action": "fly", "name": "Bay", "from": ["draft"], "to": "moon", "roles": ["pilot"],
                         "on": "sky", "guards": ["weather"], "effects": ["rain"]}]}})";
    auto bad = BuildCatalog(files);
    ASSERT_FALSE(bad);
    for (std::string part : {"to «moon» không phải trạng thái đã khai báo", "vai trò «pilot» không tồn tại",
                             "on phải là proposer hoặc board", "điều kiện «weather» không được hỗ trợ",
                             "tác động «rain» không được hỗ trợ"})
        EXPECT_NE(bad.error().message.find(part), std::string::npos) << part << "\n" << bad.error().message;
}

}  // namespace
}  // namespace tdkt::app

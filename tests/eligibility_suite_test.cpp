// Eligibility from stored histories, against both databases: a person's chain survives a transfer
// and a merger, a merged commune inherits its predecessor's collective title, member figures come
// from the people who were in the unit that year, and nobody reads a subject outside their reach.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/awards.h"
#include "app/catalog.h"
#include "app/eligibility.h"
#include "app/organisation.h"
#include "app/people.h"
#include "support/seeded_suite.h"

namespace tdkt {
namespace {

using testing::Suite;

class StoredEligibility : public Suite {
  protected:
    void SetUp() override {
        Suite::SetUp();
        admin_ = As("admin");
        auto hy = Unit("HY");
        auto a = app::CreateUnit(*app_, admin_, {"E.A", "Xã Đông Á", "commune", hy}, {"01/01/2020", "QĐ 1", ""});
        auto b = app::CreateUnit(*app_, admin_, {"E.B", "Xã Đông Bình", "commune", hy}, {"01/01/2020", "QĐ 1", ""});
        ASSERT_TRUE(a && b);
        a_ = a->id;
        app::PersonInput in;
        in.full_name = "Hoàng Thị Mai";
        in.gender = "female";
        in.birth_date = "02/03/1985";
        in.national_id = "034185000777";
        in.category = "cong_chuc";
        in.unit = a_;
        in.start_date = "01/02/2020";
        auto person = app::AddPerson(*app_, admin_, in);
        ASSERT_TRUE(person) << person.error().message;
        person_ = person->id;
        for (const char* year : {"2023", "2024"}) Award("individual", "CSTDCS", year);
        ASSERT_TRUE(
            app::AddInitiative(*app_, admin_, person_, {"initiative", "Một cửa điện tử", "2024", "tinh", "QĐ 9"}));
        ASSERT_TRUE(app::SetUnitRating(*app_, admin_, a_, "2024", "HTXS", ""));
        Award("collective", "TTLDXS", "2024", a_);
        // Transferred to the neighbouring commune, which merges into a new one on 1/7/2025.
        ASSERT_TRUE(app::TransferPerson(*app_, admin_, person_, b->id, "01/09/2024", "Công chức", "QĐ 20"));
        app::MergeInput merge;
        merge.predecessors = {a_, b->id};
        merge.new_unit = app::NewUnitInput{"E.C", "Xã Đông Châu", "commune", hy};
        auto c = app::MergeUnits(*app_, admin_, merge, {"01/07/2025", "NQ sắp xếp", ""});
        ASSERT_TRUE(c) << c.error().message;
        c_ = c->id;
        ASSERT_TRUE(app::SetPersonRating(*app_, admin_, person_, "2025", "HTXS", ""));
        Award("individual", "CSTDCS", "2025");
        ASSERT_TRUE(app::SetUnitRating(*app_, admin_, c_, "2025", "HTXS", ""));
    }
    void Award(const char* subject, const char* code, const char* year, std::optional<UnitId> unit = {}) {
        app::AwardInput a;
        a.subject_type = subject;
        if (unit)
            a.unit = unit;
        else
            a.person = person_;
        a.award_code = code;
        a.year = year;
        a.decision_number = std::string(year) + "/QĐ-UBND";
        auto done = app::RecordAward(*app_, admin_, a);
        ASSERT_TRUE(done) << done.error().message;
    }
    Result<nlohmann::json> Check(const app::RequestContext& ctx, const std::string& text) {
        const auto& catalog = app::BuiltInCatalog();
        auto doc = app::ParseCheckText(text, catalog);
        if (!doc) return tl::unexpected(doc.error());
        if (auto loaded = app::LoadStoredSubjects(*app_, ctx, *doc); !loaded) return tl::unexpected(loaded.error());
        return app::ResultsJson(*doc, app::CheckAll(catalog, *doc))["results"];
    }

    app::RequestContext admin_;
    UnitId a_, c_;
    PersonId person_;
};

TEST_F(StoredEligibility, PersonsChain_SurvivesTransferAndMerger) {
    auto results = Check(admin_, R"({"subjects":[{"id":"mai","national_id":"034185000777"}],
        "proposals":[{"subject":"mai","award":"CSTD_TINH","year":2025,"decision_date":"2026-01-15"},
                     {"subject":"mai","award":"BK_TINH","year":2025,"decision_date":"2026-01-15"}]})");
    ASSERT_TRUE(results) << results.error().message;
    const auto& cstd = (*results)[0];
    EXPECT_EQ(cstd["verdict"], "eligible") << cstd.dump(2);
    EXPECT_EQ(cstd["prize_vnd"], 7020000);
    const auto& chain = cstd["reasons"][0];
    EXPECT_EQ(chain["rule"], "CSTD_TINH.chain");
    EXPECT_EQ(chain["evidence"], nlohmann::json({"Chiến sĩ thi đua cơ sở năm 2023 (QĐ 2023/QĐ-UBND)",
                                                 "Chiến sĩ thi đua cơ sở năm 2024 (QĐ 2024/QĐ-UBND)",
                                                 "Chiến sĩ thi đua cơ sở năm 2025 (QĐ 2025/QĐ-UBND)"}));
    EXPECT_EQ((*results)[1]["verdict"], "eligible");
    // Without the 2025 title the chain breaks, and says which year is missing.
    auto by_id = Check(admin_, fmt::format(R"({{"subjects":[{{"id":"mai","person_id":{}}}],
        "proposals":[{{"subject":"mai","award":"CSTD_TQ","year":2025,"decision_date":"2026-01-15"}}]}})",
                                           person_.value));
    ASSERT_TRUE(by_id);
    EXPECT_EQ((*by_id)[0]["verdict"], "not_eligible");
    EXPECT_EQ((*by_id)[0]["missing"][0], "«Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh» năm 2022");
}

TEST_F(StoredEligibility, MergedCommune_InheritsItsPredecessorsTitleAndCountsItsMembers) {
    auto results = Check(admin_, R"({"subjects":[{"id":"c","unit_code":"E.C"}],
        "proposals":[{"subject":"c","award":"BK_TINH","year":2025,"decision_date":"2026-01-15"},
                     {"subject":"c","award":"TTLDXS","year":2025,"decision_date":"2026-01-15"}]})");
    ASSERT_TRUE(results) << results.error().message;
    const auto& bk = (*results)[0];
    EXPECT_EQ(bk["verdict"], "eligible") << bk.dump(2);
    EXPECT_EQ(bk["reasons"][0]["evidence"],
              nlohmann::json({"Tập thể lao động xuất sắc năm 2024 (QĐ 2024/QĐ-UBND)", "Xếp loại năm 2025: HTXS"}));
    EXPECT_EQ(bk["prize_vnd"], 7020000);
    const auto& xs = (*results)[1];
    EXPECT_EQ(xs["verdict"], "eligible") << xs.dump(2);
    EXPECT_EQ(xs["reasons"][1]["message"], "1/1 (100,0%) thành viên hoàn thành nhiệm vụ (cần 100%).");
}

TEST_F(StoredEligibility, OutsideTheUsersReach_IsRefusedByField) {
    auto officer = As("canbo.truong");  // a school's officer: not the commune's people nor the commune
    auto results = Check(officer, R"({"subjects":[{"id":"mai","national_id":"034185000777"},
        {"id":"c","unit_code":"E.C"},{"id":"x","national_id":"001099000000"}],
        "proposals":[{"subject":"mai","award":"LDTT","year":2025,"decision_date":"2026-01-15"}]})");
    ASSERT_FALSE(results);
    ASSERT_EQ(results.error().fields.size(), 3u);
    EXPECT_EQ(results.error().fields[0],
              (std::pair<std::string, std::string>{"subjects[0].national_id",
                                                   "«Hoàng Thị Mai» không thuộc phạm vi bạn được xem"}));
    EXPECT_EQ(results.error().fields[1].second, "«Xã Đông Châu» không thuộc phạm vi bạn được xem");
    EXPECT_EQ(results.error().fields[2].second, "không có ai có số CCCD 001099000000");
}

TEST_F(StoredEligibility, OfficersList_FromRows) {
    std::vector<std::vector<std::string>> rows = {
        {"DANH SÁCH ĐỀ NGHỊ"},
        {"STT", "Số CCCD", "Mã đơn vị", "Họ và tên, tên tập thể", "Danh hiệu, hình thức đề nghị *", "Năm thành tích *"},
        {"1", "34185000777", "", "Hoàng Thị Mai", "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "2025"},
        {"2", "", "E.C", "Xã Đông Châu", "TTLDXS", "2025"},
    };
    const auto& catalog = app::BuiltInCatalog();
    auto doc = app::CheckDocumentFromRows(rows, catalog, Date{2026, 1, 15});
    ASSERT_TRUE(doc) << doc.error().message;
    ASSERT_TRUE(app::LoadStoredSubjects(*app_, admin_, *doc));
    auto verdicts = app::CheckAll(catalog, *doc);
    ASSERT_EQ(verdicts.size(), 2u);
    EXPECT_EQ(doc->subjects[0].name, "Hoàng Thị Mai");  // the CCCD's leading zero restored
    EXPECT_EQ(verdicts[0].verdict, domain::VerdictKind::kEligible);
    EXPECT_EQ(verdicts[1].verdict, domain::VerdictKind::kEligible);

    rows.push_back({"3", "", "", "", "Huân chương Vàng", "năm ngoái"});
    auto bad = app::CheckDocumentFromRows(rows, catalog, Date{2026, 1, 15});
    ASSERT_FALSE(bad);
    EXPECT_EQ(
        bad.error().fields,
        (std::vector<std::pair<std::string, std::string>>{
            {"Dòng 5, cột «Số CCCD»", "cần số CCCD của cá nhân hoặc mã đơn vị của tập thể"},
            {"Dòng 5, cột «Danh hiệu, hình thức đề nghị»", "«Huân chương Vàng» không có trong danh mục khen thưởng"},
            {"Dòng 5, cột «Năm thành tích»", "phải là năm, ví dụ 2025"}}));
}

}  // namespace
}  // namespace tdkt

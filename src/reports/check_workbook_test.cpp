// The self-contained check workbook: its template, filled in, reads back to the document the JSON
// contract describes and gets exact verdicts; bad cells are each named by sheet, row and column.
#include "reports/check_workbook.h"

#include <gtest/gtest.h>

#include "app/catalog.h"

namespace tdkt::reports {
namespace {

const Date kDecision{2025, 12, 20};

Table Sheet(std::string name, std::vector<std::string> columns, std::vector<std::vector<std::string>> rows) {
    return Table{std::move(name), "TIÊU ĐỀ", "", std::move(columns), std::move(rows)};
}

TEST(CheckWorkbook, TheTemplateReadsBackAndItsExamplesGetExactVerdicts) {
    auto doc = CheckDocumentFromXlsx(WriteXlsx(CheckWorkbookTemplate()), app::BuiltInCatalog(), kDecision);
    ASSERT_TRUE(doc) << doc.error().message;
    ASSERT_EQ(doc->subjects.size(), 2u);
    EXPECT_TRUE(doc->stored.empty());
    const auto& p1 = doc->subjects[0];
    EXPECT_EQ(p1.id, "p1");
    EXPECT_EQ(p1.type, "individual");
    EXPECT_EQ(p1.name, "Nguyễn Văn An");
    EXPECT_EQ(p1.service_start, (Date{2015, 9, 1}));
    EXPECT_EQ(p1.ratings, (std::map<int, std::string>{{2023, "HTXS"}, {2024, "HTXS"}, {2025, "HTXS"}}));
    ASSERT_EQ(p1.awards.size(), 3u);
    EXPECT_EQ(p1.awards[0].code, "CSTDCS");
    EXPECT_EQ(p1.awards[0].decision_date, (Date{2023, 12, 20}));
    EXPECT_EQ(p1.awards[0].reference, "112/QĐ-UBND");
    ASSERT_EQ(p1.initiatives.size(), 1u);
    EXPECT_EQ(p1.initiatives[0].scope, "tinh");
    const auto& t1 = doc->subjects[1];
    EXPECT_EQ(t1.type, "collective");
    EXPECT_EQ(t1.member_stats.at(2025).ldtt, 9);
    ASSERT_EQ(doc->proposals.size(), 2u);
    EXPECT_EQ(doc->proposals[1].award, "TTLDXS");
    EXPECT_EQ(doc->proposals[1].decision_date, kDecision);

    auto verdicts = app::CheckAll(app::BuiltInCatalog(), *doc);
    ASSERT_EQ(verdicts.size(), 2u);
    EXPECT_EQ(verdicts[0].verdict, domain::VerdictKind::kEligible);
    EXPECT_EQ(verdicts[0].prize_vnd, 7'020'000);  // 3 × 2,340,000
    EXPECT_EQ(verdicts[1].verdict, domain::VerdictKind::kEligible);
    EXPECT_EQ(verdicts[1].prize_vnd, 3'510'000);  // 1.5 × 2,340,000
}

TEST(CheckWorkbook, LabelsAndNamesAreAcceptedForCodesAndOnlyWhatIsRecordedCounts) {
    std::vector<Table> book{
        Sheet("Đề nghị", {"Mã đối tượng", "Danh hiệu, hình thức đề nghị", "Năm thành tích", "Ngày quyết định"},
              {{"a", "chiến sĩ thi đua cơ sở", "2025", "2025-12-20"}}),
        Sheet("Xếp loại", {"Mã đối tượng", "Năm", "Xếp loại"}, {{"a", "2025", "Hoàn thành tốt nhiệm vụ"}}),
    };
    auto doc = CheckDocumentFromXlsx(WriteXlsx(book), app::BuiltInCatalog(), kDecision);
    ASSERT_TRUE(doc) << doc.error().message;
    EXPECT_EQ(doc->proposals[0].award, "CSTDCS");
    EXPECT_EQ(doc->subjects[0].ratings.at(2025), "HTT");
    auto verdicts = app::CheckAll(app::BuiltInCatalog(), *doc);
    // HTT, not HTXS, and no initiative: CSTĐCS fails its achievement criterion.
    EXPECT_EQ(verdicts[0].verdict, domain::VerdictKind::kNotEligible);
}

TEST(CheckWorkbook, EveryBadCellIsNamedBySheetRowAndColumnAndNothingIsRead) {
    std::vector<Table> book{
        Sheet("Đề nghị", {"Mã đối tượng", "Danh hiệu, hình thức đề nghị", "Năm thành tích"},
              {{"a", "CSTDCS", "2025"}, {"b", "KHONG_CO", "25"}}),
        Sheet("Xếp loại", {"Mã đối tượng", "Năm", "Xếp loại"},
              {{"a", "2024", "Giỏi"}, {"a", "2025", "HTXS"}, {"a", "2025", "HTT"}}),
        Sheet("Khen thưởng", {"Mã đối tượng", "Danh hiệu, hình thức", "Năm thành tích", "Ngày quyết định"},
              {{"z", "LDTT", "2024", "20/12/2024"}, {"a", "LDTT", "2024", "31/02/2024"}}),
        Sheet("Kỷ luật", {"Mã đối tượng", "Hình thức kỷ luật"}, {{"a", "Cảnh cáo"}}),
    };
    auto doc = CheckDocumentFromXlsx(WriteXlsx(book), app::BuiltInCatalog(), kDecision);
    ASSERT_FALSE(doc);
    std::vector<std::pair<std::string, std::string>> expected{
        {"Trang «Kỷ luật»",
         "không tìm thấy dòng tiêu đề trong 10 dòng đầu; cần các cột «Mã đối tượng», «Hình thức kỷ luật», «Từ ngày»"},
        {"Trang «Đề nghị», dòng 6, cột «Danh hiệu, hình thức đề nghị»",
         "«KHONG_CO» không có trong danh mục khen thưởng"},
        {"Trang «Đề nghị», dòng 6, cột «Năm thành tích»", "«25» không phải năm, ví dụ 2025"},
        {"Trang «Xếp loại», dòng 5, cột «Xếp loại»", "«Giỏi» không hợp lệ; dùng một trong: HTXS, HTT, HT, KHT"},
        {"Trang «Xếp loại», dòng 7, cột «Năm»", "«a» đã có xếp loại năm 2025 ở dòng trên"},
        {"Trang «Khen thưởng», dòng 5, cột «Mã đối tượng»",
         "mã đối tượng «z» không có ở trang «Đối tượng» hay «Đề nghị»"},
        {"Trang «Khen thưởng», dòng 6, cột «Ngày quyết định»", "«31/02/2024» không phải ngày dạng dd/mm/yyyy"},
    };
    EXPECT_EQ(doc.error().fields, expected);
    EXPECT_EQ(
        doc.error().message,
        "Tài liệu có 7 lỗi; lỗi đầu tiên: Trang «Kỷ luật»: không tìm thấy dòng tiêu đề trong 10 dòng đầu; cần các "
        "cột «Mã đối tượng», «Hình thức kỷ luật», «Từ ngày»");
}

TEST(CheckWorkbook, AWorkbookWithoutAProposalsSheetIsTheOfficersListOfStoredSubjects) {
    std::vector<Table> book{Sheet("Danh sách", {"Số CCCD", "Danh hiệu, hình thức đề nghị", "Năm thành tích"},
                                  {{"034185001234", "LDTT", "2025"}})};
    auto doc = CheckDocumentFromXlsx(WriteXlsx(book), app::BuiltInCatalog(), kDecision);
    ASSERT_TRUE(doc) << doc.error().message;
    ASSERT_EQ(doc->stored.size(), 1u);
    EXPECT_EQ(doc->stored[0].national_id, "034185001234");
}

TEST(CheckWorkbook, BytesThatAreNotAWorkbookAreRefused) {
    auto doc = CheckDocumentFromXlsx("not a workbook", app::BuiltInCatalog(), kDecision);
    ASSERT_FALSE(doc);
    EXPECT_EQ(doc.error().reason, "not_xlsx");
}

}  // namespace
}  // namespace tdkt::reports

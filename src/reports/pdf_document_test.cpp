#include "reports/pdf_document.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace tdkt::reports::pdf {
namespace {

// Runs a poppler tool (the real ones, not a parser of ours) on the PDF and returns its output.
std::string Poppler(const std::string& tool, const std::string& pdf) {
    auto path = std::filesystem::temp_directory_path() / ("tdkt-pdf-test-" + std::to_string(::getpid()) + ".pdf");
    std::ofstream(path, std::ios::binary) << pdf;
    std::string out;
    if (FILE* p =
            ::popen((tool + " '" + path.string() + "'" + (tool.rfind("pdftotext", 0) == 0 ? " -" : "")).c_str(), "r")) {
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
        ::pclose(p);
    }
    std::filesystem::remove(path);
    return out;
}

std::string PdfText(const std::string& pdf) { return Poppler("pdftotext -enc UTF-8", pdf); }

int Pages(const std::string& pdf) {
    std::string info = Poppler("pdfinfo", pdf);
    auto at = info.find("Pages:");
    return at == std::string::npos ? -1 : std::atoi(info.c_str() + at + 6);
}

TEST(Pdf, HeaderTitleBodyAndSignatureReadBackInVietnamese) {
    std::vector<Block> blocks{
        Header{"ỦY BAN NHÂN DÂN", "TỈNH HƯNG YÊN", "Số: 123/QĐ-UBND", "Hưng Yên, ngày 02 tháng 12 năm 2026"},
        Paragraph{"QUYẾT ĐỊNH", Align::kCenter, 14, true, false, 0, 0},
        Paragraph{"Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", Align::kCenter, 14, true},
        Paragraph{"Tặng Bằng khen cho Đặng Thị Đào, giáo viên Trường THPT Chu Văn An, đã có thành tích xuất sắc."},
        Signature{{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}, "Nguyễn Hữu Nghĩa", {"Như Điều 3;", "Lưu: VT."}},
    };
    std::string pdf = Render(blocks, {false, true, "Quyết định 123"});
    ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
    EXPECT_EQ(Pages(pdf), 1);
    std::string text = PdfText(pdf);
    for (const char* expected :
         {"ỦY BAN NHÂN DÂN", "TỈNH HƯNG YÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "Số: 123/QĐ-UBND", "Hưng Yên, ngày 02 tháng 12 năm 2026", "QUYẾT ĐỊNH", "Đặng Thị Đào", "TM. ỦY BAN NHÂN DÂN",
          "Nguyễn Hữu Nghĩa", "Nơi nhận:", "Như Điều 3;"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n---\n" << text;
}

TEST(Pdf, LongTableContinuesOnNewPagesWithItsHeader) {
    Table t;
    t.headers = {"STT", "Họ và tên", "Danh hiệu"};
    t.widths = {1, 4, 4};
    for (int i = 1; i <= 120; ++i)
        t.rows.push_back({std::to_string(i), "Người thứ " + std::to_string(i), "Chiến sĩ thi đua cơ sở"});
    std::string pdf = Render({t}, {true, true, ""});
    int pages = Pages(pdf);
    EXPECT_GE(pages, 3);
    std::string text = PdfText(pdf);
    std::size_t headers = 0;
    for (std::size_t at = 0; (at = text.find("Họ và tên", at)) != std::string::npos; ++at) ++headers;
    EXPECT_EQ(headers, static_cast<std::size_t>(pages));  // repeated on every page
    EXPECT_NE(text.find("Người thứ 120"), std::string::npos);
    EXPECT_NE(text.find("Người thứ 1\n"), std::string::npos);
}

TEST(Pdf, TextIsEscapedNotMarkup) {
    std::string text = PdfText(Render({Paragraph{"<b>không đậm</b> & 5 < 6"}}));
    EXPECT_NE(text.find("<b>không đậm</b> & 5 < 6"), std::string::npos) << text;
}

TEST(Pdf, VietnameseDateFollowsDecree30) {
    EXPECT_EQ(VietnameseDate(2026, 12, 2), "ngày 02 tháng 12 năm 2026");
    EXPECT_EQ(VietnameseDate(2026, 2, 15), "ngày 15 tháng 02 năm 2026");
    EXPECT_EQ(VietnameseDate(2026, 7, 5), "ngày 05 tháng 7 năm 2026");
}

}  // namespace
}  // namespace tdkt::reports::pdf

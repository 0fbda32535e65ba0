// The workbook is read back with liborcus (an independent xlsx reader), cell by cell.
#include "reports/xlsx_table.h"
#include "reports/xlsx_reader.h"

#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>
#include <ixion/model_context.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/document.hpp>
#include <orcus/spreadsheet/factory.hpp>

namespace tdkt::reports {
namespace {

struct ReadBack {
    orcus::spreadsheet::document doc{orcus::spreadsheet::range_size_t{1048576, 16384}};

    explicit ReadBack(const std::string& bytes) {
        std::string path = ::testing::TempDir() + "tdkt-readback.xlsx";
        std::ofstream(path, std::ios::binary) << bytes;
        orcus::spreadsheet::import_factory factory{doc};
        orcus::orcus_xlsx reader{&factory};
        reader.read_file(path);
        std::remove(path.c_str());
    }
    std::string Cell(int row, int col) {
        return std::string(doc.get_model_context().get_string_value(ixion::abs_address_t(0, row, col)));
    }
    std::string SheetName() { return doc.get_model_context().get_sheet_name(0); }
};

}  // namespace

TEST(XlsxTable_WriteXlsx, ReadsBackTitleHeaderAndVietnameseCells) {
    Table t{"Nhật ký",
            "NHẬT KÝ HỆ THỐNG",
            "Xuất lúc 22/11/2026 11:41",
            {"Thời điểm", "Người thực hiện", "Thao tác"},
            {{"22/11/2026 11:41", "admin", "Đăng nhập"}, {"22/11/2026 11:40", "system:root", "Tạo đơn vị «Sở Y tế»"}}};
    std::string bytes = WriteXlsx(t);
    ASSERT_EQ(bytes.substr(0, 2), "PK");  // a zip container
    ReadBack wb(bytes);
    EXPECT_EQ(wb.SheetName(), "Nhật ký");
    EXPECT_EQ(wb.Cell(0, 0), "NHẬT KÝ HỆ THỐNG");
    EXPECT_EQ(wb.Cell(1, 0), "Xuất lúc 22/11/2026 11:41");
    EXPECT_EQ(wb.Cell(3, 0), "Thời điểm");
    EXPECT_EQ(wb.Cell(3, 2), "Thao tác");
    EXPECT_EQ(wb.Cell(4, 1), "admin");
    EXPECT_EQ(wb.Cell(5, 2), "Tạo đơn vị «Sở Y tế»");
}

}  // namespace tdkt::reports

namespace tdkt::reports {

TEST(XlsxReader_ReadXlsx, ReadsBackWhatWriteXlsxWrote) {
    Table t{"Cá nhân", "DANH SÁCH", "Xuất lúc …", {"Họ và tên", "Số CCCD"}, {{"Đặng Thị Đào", "034184000001"}}};
    auto sheet = ReadXlsx(WriteXlsx(t));
    ASSERT_TRUE(sheet) << sheet.error().message;
    ASSERT_EQ(sheet->rows.size(), 5u);
    EXPECT_EQ(sheet->rows[0], std::vector<std::string>{"DANH SÁCH"});
    EXPECT_EQ(sheet->rows[2], std::vector<std::string>{});
    EXPECT_EQ(sheet->rows[3], (std::vector<std::string>{"Họ và tên", "Số CCCD"}));
    EXPECT_EQ(sheet->rows[4], (std::vector<std::string>{"Đặng Thị Đào", "034184000001"}));
}

TEST(XlsxReader_ReadXlsx, RefusesWhatIsNotAWorkbook) {
    auto text = ReadXlsx("Họ và tên;Số CCCD\n");
    ASSERT_FALSE(text);
    EXPECT_EQ(text.error().message, "Tệp tải lên không phải tệp Excel (.xlsx).");
    auto broken = ReadXlsx(std::string("PK\x03\x04 not really a zip", 25));
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().message, "Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.");
}

}  // namespace tdkt::reports

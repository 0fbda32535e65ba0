#include "reports/xlsx_table.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <unistd.h>
#include <xlsxwriter.h>

#include "core/text.h"

namespace tdkt::reports {
namespace {

constexpr double kMaxWidth = 60;

// libxlsxwriter writes to a path: a private temporary file, removed when done.
struct TempFile {
    std::string path;
    TempFile() {
        char name[] = "/tmp/tdkt-xlsx-XXXXXX";
        int fd = mkstemp(name);
        if (fd < 0) throw std::runtime_error("cannot create a temporary file for the workbook");
        close(fd);
        path = name;
    }
    ~TempFile() { std::remove(path.c_str()); }
};

void Check(lxw_error err, const char* what) {
    if (err != LXW_NO_ERROR) throw std::runtime_error(std::string(what) + ": " + lxw_strerror(err));
}

}  // namespace

std::string WriteXlsx(const Table& table) { return WriteXlsx(std::vector<Table>{table}); }

std::string WriteXlsx(const std::vector<Table>& tables) {
    TempFile file;
    lxw_workbook* wb = workbook_new(file.path.c_str());
    if (!wb) throw std::runtime_error("cannot create workbook");
    lxw_format* title = workbook_add_format(wb);
    format_set_bold(title);
    format_set_font_size(title, 14);
    lxw_format* header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_bg_color(header, 0xDCE6F1);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_text_wrap(header);
    lxw_format* cell = workbook_add_format(wb);
    format_set_text_wrap(cell);
    format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
    for (const auto& t : tables) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, t.sheet_name.empty() ? nullptr : t.sheet_name.c_str());
        if (!ws) throw std::runtime_error("cannot add worksheet " + t.sheet_name);
        worksheet_write_string(ws, 0, 0, t.title.c_str(), title);
        if (!t.subtitle.empty()) worksheet_write_string(ws, 1, 0, t.subtitle.c_str(), nullptr);
        const lxw_row_t header_row = 3;
        std::vector<double> widths(t.columns.size(), 8);
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            worksheet_write_string(ws, header_row, static_cast<lxw_col_t>(c), t.columns[c].c_str(), header);
            widths[c] = std::max(widths[c], static_cast<double>(text::Length(t.columns[c])) + 2);
        }
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            for (std::size_t c = 0; c < t.rows[r].size() && c < t.columns.size(); ++c) {
                const std::string& v = t.rows[r][c];
                worksheet_write_string(ws, static_cast<lxw_row_t>(header_row + 1 + r), static_cast<lxw_col_t>(c),
                                       v.c_str(), cell);
                widths[c] = std::min(kMaxWidth, std::max(widths[c], static_cast<double>(text::Length(v)) + 2));
            }
        for (std::size_t c = 0; c < widths.size(); ++c)
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
        if (!t.columns.empty()) {
            worksheet_freeze_panes(ws, header_row + 1, 0);
            worksheet_autofilter(ws, header_row, 0, static_cast<lxw_row_t>(header_row + t.rows.size()),
                                 static_cast<lxw_col_t>(t.columns.size() - 1));
        }
    }
    Check(workbook_close(wb), "cannot write workbook");
    std::ifstream in(file.path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace tdkt::reports

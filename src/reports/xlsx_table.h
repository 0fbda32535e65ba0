#pragma once
// Any list as an Excel workbook: a title row, bold header, frozen panes, auto-filter, widths fitted
// to the content. Fed by app query results; never touches the database.
#include <string>
#include <vector>

namespace tdkt::reports {

struct Table {
    std::string sheet_name;  // at most 31 characters, no []:*?/\ (Excel's rules)
    std::string title;       // first row, e.g. "NHẬT KÝ HỆ THỐNG"
    std::string subtitle;    // second row, e.g. the filter and the export time
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
};

// The .xlsx file's bytes. Throws std::runtime_error when the file cannot be written.
std::string WriteXlsx(const Table& table);
// Several tables, one sheet each, in order (sheet names must differ).
std::string WriteXlsx(const std::vector<Table>& tables);

}  // namespace tdkt::reports

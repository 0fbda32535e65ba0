#pragma once
// Reading the first sheet of an Excel workbook (liborcus) as rows of text, for imports.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace tdkt::reports {

struct SheetRows {
    // rows[r][c]: the cell at row r, column c (0-based) as text: strings as typed (NFC is applied by
    // the importer), whole numbers without decimals ("34085001234"), other numbers as written by
    // "%.15g", booleans "TRUE"/"FALSE". Trailing empty cells are dropped.
    std::vector<std::vector<std::string>> rows;
};

// 400 with a Vietnamese message when the bytes are not a readable xlsx workbook.
Result<SheetRows> ReadXlsx(std::string_view bytes);  // the first sheet

struct NamedSheet {
    std::string name;
    SheetRows sheet;
};
Result<std::vector<NamedSheet>> ReadXlsxSheets(std::string_view bytes);  // every sheet, in order

}  // namespace tdkt::reports

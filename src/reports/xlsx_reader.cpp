#include "reports/xlsx_reader.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <ixion/model_context.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/document.hpp>
#include <orcus/spreadsheet/factory.hpp>

#include "core/crypto.h"

namespace tdkt::reports {
namespace {

std::string NumberText(double v) {
    if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 1e15)
        return fmt::format("{}", static_cast<long long>(v));
    return fmt::format("{:.15g}", v);
}

}  // namespace

Result<SheetRows> ReadXlsx(std::string_view bytes) {
    auto sheets = ReadXlsxSheets(bytes);
    if (!sheets) return tl::unexpected(sheets.error());
    if (sheets->empty()) return SheetRows{};
    return std::move(sheets->front().sheet);
}

Result<std::vector<NamedSheet>> ReadXlsxSheets(std::string_view bytes) {
    if (bytes.size() < 4 || bytes.substr(0, 2) != "PK")
        return Fail(ErrorCode::kInvalidInput, "not_xlsx", "Tệp tải lên không phải tệp Excel (.xlsx).");
    // orcus reads from a file most reliably; the bytes go to a private temporary file.
    auto path = std::filesystem::temp_directory_path() / ("tdkt-import-" + crypto::RandomToken(12) + ".xlsx");
    struct Remove {
        std::filesystem::path p;
        ~Remove() {
            std::error_code ec;
            std::filesystem::remove(p, ec);
        }
    } remove{path};
    {
        std::ofstream out(path, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) return Fail(ErrorCode::kInternal, "tmp_write", "Không lưu tạm được tệp tải lên.");
    }
    orcus::spreadsheet::document doc{orcus::spreadsheet::range_size_t{1048576, 16384}};
    try {
        orcus::spreadsheet::import_factory factory{doc};
        orcus::orcus_xlsx reader{&factory};
        reader.read_file(path.string());
    } catch (const std::exception& e) {
        return Fail(ErrorCode::kInvalidInput, "not_xlsx",
                    "Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.", e.what());
    }
    std::vector<NamedSheet> out;
    const auto& model = doc.get_model_context();
    for (std::size_t sheet = 0; sheet < doc.get_sheet_count(); ++sheet) {
        NamedSheet named{std::string(doc.get_sheet_name(static_cast<orcus::spreadsheet::sheet_t>(sheet))), {}};
        auto range = model.get_data_range(static_cast<ixion::sheet_t>(sheet));
        if (range.valid())
            for (ixion::row_t r = 0; r <= range.last.row; ++r) {
                std::vector<std::string> row;
                for (ixion::col_t c = 0; c <= range.last.column; ++c) {
                    ixion::abs_address_t at(static_cast<ixion::sheet_t>(sheet), r, c);
                    std::string value;
                    switch (model.get_celltype(at)) {
                        case ixion::celltype_t::string:
                            value = std::string(model.get_string_value(at));
                            break;
                        case ixion::celltype_t::numeric:
                        case ixion::celltype_t::formula:
                            value = NumberText(model.get_numeric_value(at));
                            break;
                        case ixion::celltype_t::boolean:
                            value = model.get_boolean_value(at) ? "TRUE" : "FALSE";
                            break;
                        default:
                            break;
                    }
                    row.push_back(std::move(value));
                }
                while (!row.empty() && row.back().empty()) row.pop_back();
                named.sheet.rows.push_back(std::move(row));
            }
        out.push_back(std::move(named));
    }
    return out;
}

}  // namespace tdkt::reports

#pragma once
// The self-contained check workbook (docs/eligibility.md, "The full workbook"): the JSON check
// document as Excel sheets, for a unit whose history is not in tdkt. Sheet «Đề nghị» lists the
// proposals; «Đối tượng» the subjects (individual by default); «Xếp loại», «Khen thưởng»,
// «Sáng kiến», «Kỷ luật», «Nghỉ thai sản», «Số liệu thành viên» and «Xếp hạng cụm, khối» their
// history, one fact a row, each naming its subject by «Mã đối tượng». Codes or Vietnamese labels are
// accepted everywhere (HTXS or «Hoàn thành xuất sắc nhiệm vụ», CSTDCS or «Chiến sĩ thi đua cơ sở»).
// Every problem names its sheet, row and column, all at once; then nothing is evaluated.
#include <string>
#include <string_view>
#include <vector>

#include "app/eligibility.h"
#include "core/time.h"
#include "reports/xlsx_reader.h"
#include "reports/xlsx_table.h"

namespace tdkt::reports {

struct WorkbookColumn {
    std::string_view key, label;
    bool required = false;
    std::string_view example;
};

struct WorkbookSheet {
    std::string_view key, name, title;
    std::vector<WorkbookColumn> columns;
    std::vector<std::vector<std::string_view>> examples;  // rows for the template, in column order
};

const std::vector<WorkbookSheet>& CheckWorkbookSheets();

// Whether the workbook is the self-contained kind (it has a sheet «Đề nghị»), not the officer's list.
bool IsCheckWorkbook(const std::vector<NamedSheet>& sheets);

// The check document of a self-contained workbook; proposals without a decision date take
// `default_decision`.
Result<app::CheckDocument> CheckDocumentFromWorkbook(const std::vector<NamedSheet>& sheets,
                                                     const domain::Catalog& catalog, const Date& default_decision);

// Either kind of uploaded workbook: the self-contained one, or the officer's list of stored people
// and units (app::CheckDocumentFromRows, on its first sheet).
Result<app::CheckDocument> CheckDocumentFromXlsx(std::string_view bytes, const domain::Catalog& catalog,
                                                 const Date& default_decision);

// The template of the self-contained workbook: every sheet with its columns and example rows.
std::vector<Table> CheckWorkbookTemplate();

}  // namespace tdkt::reports

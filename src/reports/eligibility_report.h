#pragma once
// Verdicts as an Excel table: one row per proposal with the result, the reasons that failed (or
// passed) with their articles, what is missing, what the council must judge, and the prize.
// The template of the officer's list (app::CheckListColumns) as a workbook too.
#include <vector>

#include "app/eligibility.h"
#include "reports/xlsx_table.h"

namespace tdkt::reports {

Table EligibilityTable(const app::CheckDocument& doc, const std::vector<domain::Verdict>& verdicts,
                       const domain::Catalog& catalog, const std::string& subtitle);

// The list to fill in: the header row and two example rows.
Table CheckListTemplate();

}  // namespace tdkt::reports

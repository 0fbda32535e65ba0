#pragma once
// Verdicts as an Excel table: one row per proposal with the result, the reasons that failed (or
// passed) with their articles, what is missing, what the council must judge, and the prize.
// The template of the officer's list (app::CheckListColumns) as a workbook too.
#include <vector>

#include "app/eligibility.h"
#include "app/suggestions.h"
#include "reports/xlsx_table.h"

namespace tdkt::reports {

Table EligibilityTable(const app::CheckDocument& doc, const std::vector<domain::Verdict>& verdicts,
                       const domain::Catalog& catalog, const std::string& subtitle);

// Suggestions in the columns of the officer's list (then the verdict, what is missing, what it assumes):
// edited and uploaded back to /xet-khen-thuong or `tdkt check`.
Table SuggestionsTable(const app::Suggestions& s);

// The list to fill in: the header row and two example rows.
Table CheckListTemplate();

}  // namespace tdkt::reports

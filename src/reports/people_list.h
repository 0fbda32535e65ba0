#pragma once
// The people list as a workbook whose columns are the people import template's
// (app::ImportColumns(kPeople)), so an exported list can be edited and imported into another
// database. Used by the list page's "Xuất Excel" and by `tdkt export`.
#include <string>
#include <vector>

#include "app/ports.h"
#include "reports/xlsx_table.h"

namespace tdkt::reports {

// An empty list: title, `subtitle` (who exported what, when) and the header row.
Table PeopleTable(std::string subtitle);
// Appends one row per person, numbered on from the rows already there.
void AddPeopleRows(Table& table, const std::vector<app::PersonRecord>& people);

}  // namespace tdkt::reports

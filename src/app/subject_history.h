#pragma once
// A stored person's or unit's records as the eligibility engine reads them (domain::SubjectHistory).
// A person's ratings, awards, initiatives, discipline and leave belong to the person, so they follow
// them across transfers and mergers. A unit's history includes its predecessors' (ADR 0008): their
// collective awards, and their ratings for the years before the unit had its own.
#include "app/ports.h"
#include "domain/eligibility.h"

namespace tdkt::app {

domain::SubjectHistory PersonHistory(Repositories& repos, const PersonRecord& person);

// `member_years`: the years whose member figures (total, completed, LĐTT, CSTĐCS, disciplined) are
// computed from the people who belonged to the unit or its current sub-units during that year.
domain::SubjectHistory UnitHistory(Repositories& repos, const UnitRecord& unit, const std::vector<int>& member_years);

}  // namespace tdkt::app

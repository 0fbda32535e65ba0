#pragma once
// Batch eligibility checking (docs/eligibility.md): a self-contained JSON document of subjects (their
// ratings, awards, initiatives, discipline, leave, members' figures) and proposals goes in; a verdict
// with reasons, what is missing and the prize money comes out for each proposal. The same document
// is read by `tdkt check` and POST /api/v1/eligibility/check. Also the catalogue as JSON
// (GET /api/v1/catalog) and one prize amount (GET /api/v1/prize).
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "domain/catalog.h"
#include "domain/eligibility.h"

namespace tdkt::app {

struct CheckDocument {
    std::vector<domain::SubjectHistory> subjects;
    std::vector<domain::Proposal> proposals;
};

// Reads a check document. Every problem comes back at once, each naming its field
// ("subjects[0].ratings.2023"), with a Vietnamese message; nothing is evaluated then.
Result<CheckDocument> ParseCheckDocument(const nlohmann::json& doc, const domain::Catalog& catalog);
Result<CheckDocument> ParseCheckText(std::string_view text, const domain::Catalog& catalog);

// {"results":[{"subject","award","year","kind","verdict","verdict_label","rule_set","reasons":[…],
//  "council":[…],"missing":[…],"prize_vnd":…,"prize_note":…}]}
nlohmann::json ResultsJson(const CheckDocument& doc, const std::vector<domain::Verdict>& verdicts);

// Evaluates every proposal of the document.
std::vector<domain::Verdict> CheckAll(const domain::Catalog& catalog, const CheckDocument& doc);

// The rule set in force on `as_of` with its awards, criteria, prize amounts at the base salary of
// that date, documents and procedure; an error when no rule set is in force then.
Result<nlohmann::json> CatalogJson(const domain::Catalog& catalog, const Date& as_of);

}  // namespace tdkt::app

#pragma once
// Who becomes eligible for what: for a unit and a year, each of its people's (and the unit's own)
// titles and awards the engine finds them eligible for, or nearly (a fact missing); also the panel
// of one person or unit. A chain that needs this year's lower title ("two CSTĐCS, a third this year")
// is evaluated as if the lower title this year is eligible for were given, and says so.
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/context.h"
#include "core/error.h"
#include "domain/eligibility.h"

namespace tdkt::app {

struct Candidate {
    std::string award;  // code
    std::string award_name;
    domain::Verdict verdict;
    std::string
        assumes;  // "" or the lower titles of the year this verdict counts on: "Chiến sĩ thi đua cơ sở năm 2025"
};

// The awards the catalogue marks for suggestion (`suggest`, and at least one criterion the data can
// decide) for this subject type, under the rule set in force on `decision`, evaluated for `year`.
std::vector<Candidate> EvaluateCandidates(const domain::Catalog& catalog, const domain::SubjectHistory& subject,
                                          int year, const Date& decision);

struct SuggestionRow {
    std::string subject_type;  // individual | collective
    std::optional<PersonId> person;
    std::optional<UnitId> unit;
    std::string name, national_id, unit_code, unit_name;
    Candidate candidate;
};

struct Suggestions {
    UnitRecord unit;
    int year = 0;
    Date decision;
    std::string rule_set;
    std::vector<SuggestionRow> rows;  // eligible or needing evidence; people in name order, highest award first
    int people = 0;                   // people considered
};

// The unit's current people (with its sub-units') and the unit itself; `ctx` must see the unit.
Result<Suggestions> SuggestAwards(App& app, const RequestContext& ctx, UnitId unit, int year, const Date& decision);

// Every person of the database judged for every individual award the engine can judge (those
// EvaluateCandidates offers), verdicts only, in batches of `batch` people read one query per table:
// the province-wide (or national) pre-check, and the end-to-end benchmark. The system only.
struct EveryoneSummary {
    struct Count {
        std::string award, name;
        std::int64_t eligible = 0, needs_evidence = 0, not_eligible = 0;
    };
    int year = 0;
    Date decision;
    std::string rule_set;
    std::int64_t people = 0, evaluations = 0;
    std::vector<Count> counts;
    double load_seconds = 0, evaluate_seconds = 0;
};
Result<EveryoneSummary> EvaluateEveryone(App& app, const RequestContext& ctx, int year, const Date& decision,
                                         int batch = 20'000);

// The panel of a person's page: every candidate with its verdict (eligible, not, needs evidence).
Result<std::vector<Candidate>> PersonCandidates(App& app, const RequestContext& ctx, PersonId person, int year,
                                                const Date& decision);

// The panel of a unit's page: every collective candidate of the unit itself (its own ratings and
// awards, its predecessors', its members' figures for `year`).
Result<std::vector<Candidate>> UnitCandidates(App& app, const RequestContext& ctx, UnitId unit, int year,
                                              const Date& decision);

}  // namespace tdkt::app

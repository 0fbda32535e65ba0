#pragma once
// Award history: every title or award a person, a unit (collective) or a household received,
// recorded by hand, imported, or (later) written by a decision.
#include <optional>
#include <string>

#include "app/app.h"
#include "app/validation.h"
#include "core/error.h"

namespace tdkt::app {

struct AwardInput {
    std::string subject_type;  // individual | collective | household (or Cá nhân / Tập thể / Hộ gia đình)
    std::optional<PersonId> person;
    std::optional<UnitId> unit;  // the collective, or the commune of a household
    std::string household_name;
    std::string award_code;
    std::string year;
    std::string kind;  // merit … (code or label); "merit" when empty
    std::string decision_number;
    std::string decision_date;
    std::string authority;
    std::string prize_vnd;
    std::string note;
    std::optional<std::int64_t> initiative_id;  // an initiative this award used (one use only)
};

// Checks the fields that need no database; fills `out`.
void CheckAwardInput(Checker& checker, const AwardInput& in, AwardRecord& out);

Result<AwardRecord> RecordAward(App& app, const RequestContext& ctx, const AwardInput& in,
                                const std::string& source = "manual");
// The same inside the caller's write transaction (imports).
Result<AwardRecord> RecordAwardIn(App& app, Repositories& repos, const RequestContext& ctx, const AwardInput& in,
                                  const std::string& source);
Status DeleteAward(App& app, const RequestContext& ctx, AwardId id);
// The unit whose grants decide who may record, remove or revoke the award: the person's current
// unit, the collective, or the household's commune.
Result<UnitId> AwardScopeUnit(Repositories& repos, const AwardRecord& award);

}  // namespace tdkt::app

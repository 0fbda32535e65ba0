#pragma once
// The organisation over time: units are created, renamed, moved, merged, split and dissolved on an
// effective date by a deciding document. Every change keeps the earlier versions, so the tree can
// be shown as of any date, and a merged unit's history (awards, ratings, people) stays reachable
// from its successor.
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/error.h"

namespace tdkt::app {

// What every change carries, as typed: the effective date (dd/mm/yyyy or ISO) and the deciding document.
struct UnitChangeInput {
    std::string effective_date;
    std::string document;
    std::string note;
};

struct NewUnitInput {
    std::string code;
    std::string name;
    std::string unit_type;  // code or Vietnamese label of domain::UnitTypes()
    std::optional<UnitId> parent;
};

// Only the fields given change; the event is named after what changed (rename, move, retype).
struct UnitAmendment {
    std::optional<std::string> name;
    std::optional<UnitId> parent;
    std::optional<std::string> unit_type;
};

struct MergeInput {
    std::vector<UnitId> predecessors;      // units that end on the effective date
    std::optional<UnitId> into;            // an existing unit that continues as the successor, or
    std::optional<NewUnitInput> new_unit;  // a new unit created as the successor
};

struct SplitInput {
    std::vector<NewUnitInput> parts;  // at least two new units
    std::size_t members_to = 0;       // index of the part that receives the current members
};

Result<UnitRecord> CreateUnit(App& app, const RequestContext& ctx, const NewUnitInput& unit,
                              const UnitChangeInput& change);
// The same inside the caller's write transaction (for imports that write all rows or none).
Result<UnitRecord> CreateUnitIn(App& app, Repositories& repos, const RequestContext& ctx, const NewUnitInput& unit,
                                const UnitChangeInput& change);
Result<UnitRecord> AmendUnit(App& app, const RequestContext& ctx, UnitId unit, const UnitAmendment& amendment,
                             const UnitChangeInput& change);
Result<UnitRecord> MergeUnits(App& app, const RequestContext& ctx, const MergeInput& merge,
                              const UnitChangeInput& change);
Result<std::vector<UnitRecord>> SplitUnit(App& app, const RequestContext& ctx, UnitId unit, const SplitInput& split,
                                          const UnitChangeInput& change);
Result<UnitRecord> DissolveUnit(App& app, const RequestContext& ctx, UnitId unit, const UnitChangeInput& change);

// The units the actor may see as they were on `as_of` (today in Vietnam when nullopt), in Vietnamese
// order; `query` (folded, substring) filters by name or code.
Result<std::vector<UnitRecord>> ListUnitsAsOf(App& app, const RequestContext& ctx, std::optional<Date> as_of,
                                              const std::string& query = "");

struct UnitDetail {
    UnitRecord unit;
    std::optional<UnitRecord> parent;
    std::vector<UnitRecord> children;      // sub-units existing today
    std::vector<UnitVersion> versions;     // oldest first
    std::vector<UnitEvent> events;         // oldest first
    std::vector<UnitRecord> predecessors;  // every unit merged or split into this one, transitively
    std::vector<UnitRecord> successors;    // direct successors (for an ended unit)
    std::vector<YearRating> ratings;       // this unit's
    std::vector<std::pair<UnitRecord, std::vector<YearRating>>> predecessor_ratings;
    std::vector<AwardRecord> awards;  // this unit's and its predecessors', newest first
    std::int64_t current_members = 0;
    bool can_manage_units = false;
    bool can_manage_people = false;
    bool can_revoke = false;   // the board's leader over the unit: revoke its own awards (RevokeAward)
    bool can_recover = false;  // … or a board specialist: a revoked prize paid back
};

Result<UnitDetail> GetUnitDetail(App& app, const RequestContext& ctx, UnitId unit);
// This unit and every predecessor, transitively (for histories across mergers).
std::vector<UnitId> UnitAndPredecessors(UnitRepository& units, UnitId unit);

Status SetUnitRating(App& app, const RequestContext& ctx, UnitId unit, const std::string& year,
                     const std::string& rating, const std::string& document);
Status DeleteUnitRating(App& app, const RequestContext& ctx, UnitId unit, int year);

}  // namespace tdkt::app

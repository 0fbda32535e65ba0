#pragma once
// Nomination dossiers (docs/workflow.md): a unit prepares a dossier of nominees (its people, itself
// or its sub-units, households of its communes), each with the award proposed and the engine's
// verdict; the dossier then moves through the workflow of the catalogue. Every change is audited
// and added to the dossier's timeline.
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/context.h"
#include "core/error.h"
#include "domain/eligibility.h"

namespace tdkt::app {

struct DossierInput {
    std::string title;
    std::string kind;  // award kind code or label; merit when empty
    std::string procedure_kind;  // full | simplified (or «Thủ tục thông thường» / «Thủ tục đơn giản»); full when empty
    std::string year;            // of the achievement
    std::optional<UnitId> unit;  // the proposing unit
};

// The proposing unit's officer or leader creates it, in draft; the board that receives it is the
// board of the unit's province (the root of its tree).
Result<DossierRecord> CreateDossier(App& app, const RequestContext& ctx, const DossierInput& in);

struct NomineeInput {
    std::string subject_type;  // individual | collective | household (or the Vietnamese labels)
    std::optional<PersonId> person;
    std::optional<UnitId> unit;  // the collective, or a household's commune
    std::string household_name;
    std::string award_code;  // code or Vietnamese name
};

// Only while the unit holds the dossier (draft, returned). A person must be one of the unit's
// (or its sub-units') people now; a collective the unit or one of its sub-units; the award must be
// in the rule set in force today, for that subject type and the dossier's kind; the same subject
// is proposed once per award.
Result<NomineeRecord> AddNominee(App& app, const RequestContext& ctx, DossierId dossier, const NomineeInput& in);
Status RemoveNominee(App& app, const RequestContext& ctx, DossierId dossier, std::int64_t nominee);

struct NomineeView {
    NomineeRecord record;
    std::string award_name;
    domain::Verdict verdict;  // for the dossier's year, decided today, from the stored record
};

struct DossierView {
    DossierRecord dossier;
    std::string state_name, holder;  // from the workflow
    std::vector<NomineeView> nominees;
    std::vector<DossierEvent> events;  // oldest first
    bool can_edit = false;             // the actor may change its nominees now
};

Result<DossierView> GetDossier(App& app, const RequestContext& ctx, DossierId dossier);

// Dossiers of the units the actor sees (proposing unit in the actor's reach), newest first.
Result<DossierPage> ListDossiers(App& app, const RequestContext& ctx, DossierFilter filter);

}  // namespace tdkt::app

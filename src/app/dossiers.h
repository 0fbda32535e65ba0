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
#include "app/ports.h"
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

// A document the catalogue requires of the dossier, for the nominees' awards and its procedure.
struct RequiredDocument {
    std::string doc_type, name;
    std::optional<std::int64_t> nominee;  // a nominee's own document
    std::string nominee_name;
    bool present = false;
    bool can_generate = false;  // tdkt writes it from the dossier (tờ trình, danh sách)
};

// An action of the workflow the actor may take now, from the dossier's state with one of their
// roles; `ready` false when a guard does not hold yet (`blocked` says which, in Vietnamese).
struct AvailableAction {
    std::string action, name;
    bool reason_required = false;
    bool ready = true;
    std::string blocked;
};

struct DossierView {
    DossierRecord dossier;
    std::string parent_unit_name, board_unit_name;
    std::string state_name, holder;  // from the workflow
    std::vector<NomineeView> nominees;
    std::vector<DossierEvent> events;  // oldest first
    std::vector<DocumentRecord> documents;
    std::vector<RequiredDocument> required;
    std::optional<ConsultationRecord> consultation;
    std::vector<AvailableAction> actions;
    std::optional<DecisionRecord> decision;
    bool can_edit = false;             // the actor may change its nominees and documents now
    bool can_override = false;         // the actor may record the board's override of a refusal now
    bool can_record_decision = false;  // the board's leader, while the dossier waits for its decision
};

Result<DossierView> GetDossier(App& app, const RequestContext& ctx, DossierId dossier);

struct TransitionInput {
    std::string action;  // submit, receive … (catalog/workflow.jsonc)
    std::string reason;
    int version = 0;  // the version the actor saw; 0 = not checked
};

// Performs one transition of the workflow: 404 unknown action, 409 not from this state (or the
// dossier changed since `version`), 403 without the role, 409 naming every guard that does not hold,
// 422 without a required reason. On success the dossier moves, its stage's due date is set from the
// working calendar, the timeline and the audit log get an entry, and whoever acts next is notified.
Result<DossierRecord> MoveDossier(App& app, const RequestContext& ctx, DossierId dossier, const TransitionInput& in);

// The board (specialist or leader) records why a nominee judged not eligible goes on all the same,
// while it holds the dossier; an empty reason withdraws the override.
Status OverrideNominee(App& app, const RequestContext& ctx, DossierId dossier, std::int64_t nominee,
                       const std::string& reason);

struct DocumentInput {
    std::string doc_type;                 // the catalogue's document code
    std::optional<std::int64_t> nominee;  // for a nominee's own document
    std::string file_name;
    std::string bytes;
    bool generated = false;  // set by tdkt's own generators only, never from a request
};

// Attaches a file: at most 20 MB, and PDF, DOCX, JPEG or PNG as its content shows (the name is
// not trusted). The unit while it holds the dossier, the board (specialist, leader, council
// secretary) while the board does.
Result<DocumentRecord> AttachDocument(App& app, const RequestContext& ctx, DossierId dossier, const DocumentInput& in);
// The document stays on record, marked removed, and no longer counts.
Status RemoveDocument(App& app, const RequestContext& ctx, DossierId dossier, std::int64_t document);

struct DocumentContent {
    DocumentRecord document;
    std::string bytes;
};
Result<DocumentContent> ReadDocument(App& app, const RequestContext& ctx, DossierId dossier, std::int64_t document);

// Dossiers of the units the actor sees (proposing unit in the actor's reach), newest first.
Result<DossierPage> ListDossiers(App& app, const RequestContext& ctx, DossierFilter filter);

// The units the actor may start dossiers for (current units, in Vietnamese order).
Result<std::vector<UnitRecord>> ProposingUnits(App& app, const RequestContext& ctx);

// The actor's dossier work (the dashboard): what waits for them (an action of theirs leaves its
// state), what is overdue among the dossiers they see, and how many are in each state.
struct DossierWork {
    std::vector<DossierRecord> waiting;                          // due date first (none last), then oldest
    std::vector<DossierRecord> overdue;                          // due before today, not final
    std::vector<std::pair<std::string, std::int64_t>> by_state;  // state code → count, in workflow order
};
Result<DossierWork> MyDossierWork(App& app, const RequestContext& ctx);

}  // namespace tdkt::app

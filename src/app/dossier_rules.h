#pragma once
// Shared by the dossier use cases (dossiers.cpp, dossier_workflow.cpp, dossier_documents.cpp): what
// a dossier is judged on, which documents it needs and which actions its state offers. Not a port:
// app-internal.
#include <optional>
#include <string>
#include <vector>

#include "app/dossiers.h"
#include "domain/workflow.h"

namespace tdkt::app::dossier {

Error NotFound(DossierId id);
// NFC, without leading or trailing white space; inner lines kept (reasons, comments, answers).
std::string Trimmed(std::string_view text);
std::string StateName(const domain::Workflow& workflow, const std::string& code);
// The proposing unit holds the dossier (draft, returned): it may change nominees and documents.
bool UnitHolds(const domain::Workflow& workflow, const DossierRecord& d);
// The dossier, if it exists, the actor may prepare it and the unit holds it now.
Result<DossierRecord> EditableDossier(Repositories& repos, const RequestContext& ctx, const domain::Workflow& workflow,
                                      DossierId id);

// Everything the guards read, as of one snapshot.
struct Facts {
    DossierRecord dossier;
    std::vector<NomineeRecord> nominees;
    std::vector<domain::Verdict> verdicts;  // one per nominee, after Judge()
    std::vector<DocumentRecord> documents;
    std::vector<DossierEvent> events;
    std::optional<ConsultationRecord> consultation;
    std::optional<DecisionRecord> decision;
};

Facts ReadFacts(Repositories& repos, const DossierRecord& d);
// The dossier's facts when the actor may see it (403 otherwise, 404 when there is none).
Result<Facts> ReadVisibleFacts(App& app, const RequestContext& ctx, DossierId id);
// Each nominee judged for the dossier's year, decided `today`, from the stored record (outside any
// transaction: it reads through its own). `award_names` (optional) gets each award's name.
void Judge(App& app, const RequestContext& ctx, Facts& facts, std::vector<std::string>* award_names = nullptr);

std::vector<RequiredDocument> RequiredDocuments(const domain::Catalog& catalog, const Date& today, const Facts& f);
// The awards among the nominees that need public consultation, and the working days it lasts (the
// longest the catalogue sets, at least 10).
int ConsultationDays(const domain::Catalog& catalog, const Date& today, const Facts& f);

// The effect "write_awards": issues the dossier's decision, writing each recipient's award history
// (source "decision") and certificate. Inside the transition's write.
void IssueDecision(App& app, Repositories& repos, const RequestContext& ctx, const Facts& f);
// The effect "publish_decision".
void PublishDecision(App& app, Repositories& repos, const RequestContext& ctx, const Facts& f);

domain::GuardAnswer EvaluateGuard(const domain::Catalog& catalog, const Date& today, const Facts& f,
                                  std::string_view guard);
bool Holds(Repositories& repos, const RequestContext& ctx, const DossierRecord& d, std::string_view role,
           std::string_view on);
std::vector<AvailableAction> ActionsFor(Repositories& repos, const RequestContext& ctx, const domain::Catalog& catalog,
                                        const Date& today, const Facts& f);

}  // namespace tdkt::app::dossier

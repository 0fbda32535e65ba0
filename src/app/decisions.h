#pragma once
// Decisions (docs/decisions.md): the board's leader records the decision of a dossier (its number
// in the authority's series for the year, date, signer) — or, for an award decided centrally, the
// central decision's number as issued; the workflow's "decide" / "record_central" then issues it,
// writing every recipient's award history and certificate in the same transaction; "publish" puts
// it on the public page. Each certificate's QR code opens /xac-minh/{code}.
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/context.h"
#include "core/error.h"

namespace tdkt::app {

struct DecisionInput {
    std::string signed_on;    // dd/mm/yyyy
    std::string signer_name;  // "Nguyễn Hữu Nghĩa"
    std::string signer_title;  // "KT. CHỦ TỊCH|PHÓ CHỦ TỊCH" ('|' or a new line between lines); "CHỦ TỊCH" by default
    std::string title;        // default: "Về việc khen thưởng …"
    std::string number_text;  // only for a decision taken centrally: "1234/QĐ-CTN"
};

// The board's leader, while the dossier waits for its decision (voted, province review, appraised
// under the simplified procedure, or submitted to central level). Recording again changes the draft.
Result<DecisionRecord> RecordDecision(App& app, const RequestContext& ctx, DossierId dossier, const DecisionInput& in);

struct DecisionView {
    DecisionRecord decision;
    std::vector<CertificateRecord> certificates;
    std::string dossier_code, unit_name, board_name;
    int year = 0;
    std::string kind;
};

// Published decisions are public; others only for those who see the dossier.
Result<DecisionView> GetDecision(App& app, const RequestContext& ctx, std::int64_t id);
std::vector<DecisionRecord> PublishedDecisions(App& app, int limit = 100);

struct Verification {
    CertificateRecord certificate;
    DecisionRecord decision;
};
// Public: the certificate behind a QR code; nullopt when there is none (or its decision is not issued).
std::optional<Verification> VerifyCertificate(App& app, const std::string& code);

struct RevocationInput {
    std::string reason;         // why: "Gian lận trong việc kê khai thành tích"
    std::string legal_ground;   // "Luật Thi đua, khen thưởng 2022, Điều 93 khoản 1"
    std::string decision;       // the revoking decision: "45/QĐ-UBND ngày 10/01/2027"
    bool recover_prize = true;  // the prize is to be recovered
};

// Revokes an award (the board's leader): the award stays in the history, marked revoked, and no
// longer counts for eligibility; the prize to recover is tracked. Audited; the unit is notified.
// An award a decision wrote is revoked by the board that issued its certificate, and the
// verification page then says revoked; one entered by hand or imported, by the board's leader
// over the subject's unit.
Status RevokeAward(App& app, const RequestContext& ctx, AwardId id, const RevocationInput& in);
// The revoked prize has been paid back (the board's leader or specialist).
Status MarkAwardPrizeRecovered(App& app, const RequestContext& ctx, AwardId id);
// The same through the certificate's code (its QR code).
Status RevokeCertificate(App& app, const RequestContext& ctx, const std::string& code, const RevocationInput& in);
Status MarkPrizeRecovered(App& app, const RequestContext& ctx, const std::string& code);

}  // namespace tdkt::app

#pragma once
// Public consultation (docs/workflow.md "Public consultation"; tdkt-domain.md §4.5): the nominees of
// awards the catalogue flags are listed on a public page for the window opened by the board; anyone
// may send a comment with a name and a contact (length-limited, rate-limited per client); the board
// publishes or rejects each one and records its answer, published with it.
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/context.h"
#include "core/error.h"

namespace tdkt::app {

struct PublicNominee {
    std::int64_t id = 0;
    std::string name, subject_type, award_name;
};

struct PublicConsultation {
    ConsultationRecord consultation;
    std::string dossier_code, dossier_title, unit_name;
    std::vector<PublicNominee> nominees;  // those whose award requires consultation
    std::vector<CommentRecord> comments;  // published ones, without their contact
    bool open = false;                    // today is within the window
};

// Open today, newest first; no sign-in needed.
std::vector<PublicConsultation> OpenConsultations(App& app);
// One consultation, open or closed (its published comments stay readable).
Result<PublicConsultation> GetConsultation(App& app, std::int64_t id);

struct CommentInput {
    std::string name, contact, body;
    std::optional<std::int64_t> nominee;
};

// Anyone, while the window is open: at most 5 comments per client and hour. The comment waits for
// the board's moderation.
Result<CommentRecord> SubmitComment(App& app, const RequestContext& ctx, std::int64_t consultation,
                                    const CommentInput& in);

// The board: every comment of the dossier's consultation, with contacts.
Result<std::vector<CommentRecord>> DossierComments(App& app, const RequestContext& ctx, DossierId dossier);

// The board: publish or reject (status "published" | "rejected") and/or answer a comment.
Status ModerateComment(App& app, const RequestContext& ctx, DossierId dossier, std::int64_t comment,
                       const std::string& status, const std::string& response);

constexpr int kCommentsPerHour = 5;

}  // namespace tdkt::app

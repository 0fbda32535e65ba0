#pragma once
// Councils, their meetings and the secret ballot (docs/council.md, ADR 0014). A meeting has an agenda
// of nominees from dossiers sent to the council; the secretary records who is present (quorum: 2/3
// of the members by default) and opens the ballot; each member votes once per nominee, on their
// phone, unless recused (a nominee of their own unit, or a declared conflict); the secretary enters
// absent members' written opinions; when the ballot closes each nominee passes if "agree" reaches the
// award's threshold over all members (recused ones left out or kept, as the council is configured)
// and the nominee's outcome is written. Nobody can see who voted what; the counts appear only once
// the ballot is closed.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/context.h"
#include "core/error.h"

namespace tdkt::app {

struct MeetingInput {
    std::string title, held_on, place;  // held_on: dd/mm/yyyy
};

struct ItemView {
    AgendaItemRecord item;
    std::string award_name;
    std::string threshold_label;        // "≥ 90% tổng số thành viên", "quá bán tổng số thành viên"
    int votes = 0;                      // how many have voted (not what)
    std::vector<std::int64_t> recused;  // member ids
    bool i_voted = false, i_recused = false;
    double agree_pct = 0;  // once closed
};

struct MeetingView {
    MeetingRecord meeting;
    CouncilRecord council;
    std::vector<CouncilMemberRecord> members;
    std::set<std::int64_t> present;
    std::set<std::pair<std::int64_t, std::int64_t>> receipts;  // (item, member): who voted, for the secretary
    std::vector<ItemView> items;
    int quorum_needed = 0;
    bool quorum = false;
    bool can_manage = false;                // the secretary or the board's leader
    std::optional<std::int64_t> my_member;  // the actor's seat, if a member
};

Result<std::vector<CouncilRecord>> ListCouncils(App& app, const RequestContext& ctx);
Result<std::vector<MeetingRecord>> ListMeetings(App& app, const RequestContext& ctx, std::int64_t council);
Result<MeetingRecord> CreateMeeting(App& app, const RequestContext& ctx, std::int64_t council, const MeetingInput& in);
// Every nominee of the dossier still pending (the dossier must be waiting for this council).
Result<int> AddDossierToMeeting(App& app, const RequestContext& ctx, std::int64_t meeting, DossierId dossier);
Status SetAttendance(App& app, const RequestContext& ctx, std::int64_t meeting, std::int64_t member, bool present);
Status OpenVoting(App& app, const RequestContext& ctx, std::int64_t meeting);
// choice: agree | disagree | abstain.
Status CastVote(App& app, const RequestContext& ctx, std::int64_t item, const std::string& choice);
Status DeclareConflict(App& app, const RequestContext& ctx, std::int64_t item, const std::string& reason);
Status RecordWrittenOpinion(App& app, const RequestContext& ctx, std::int64_t item, std::int64_t member,
                            const std::string& choice);
Status CloseVoting(App& app, const RequestContext& ctx, std::int64_t meeting);
Result<MeetingView> GetMeeting(App& app, const RequestContext& ctx, std::int64_t meeting);

// Whether `agree` votes pass `threshold_pct` of `denominator` (0: strictly more than half).
bool Passes(int agree, int denominator, int threshold_pct);

}  // namespace tdkt::app

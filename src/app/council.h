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

// Setting up a council (docs/council.md "Managing a council"): an administrator, the board's leader
// or the leader of a unit with a council of its own creates it and seats its members; one council
// per unit; one sitting chair and one sitting secretary; nothing changes while a ballot is open.
struct CouncilInput {
    std::string unit_id;                 // on creation only
    std::string name;                    // "Hội đồng Thi đua – Khen thưởng tỉnh Hưng Yên"
    std::string recusal_rule;            // exclude | count
    std::string quorum_num, quorum_den;  // 2 and 3: two thirds
};
struct MemberInput {
    std::string login;    // on adding only
    std::string role;     // chair | vice_chair | secretary | member
    std::string title;    // "Giám đốc Sở Nội vụ"
    std::string unit_id;  // where the member works (a nominee of it or below means recusal); may be empty
};
struct CouncilView {
    CouncilRecord council;
    std::string unit_name;
    std::vector<CouncilMemberRecord> members, former;
    bool can_constitute = false;  // may change the council and its members
    bool ballot_open = false;     // a meeting is voting: membership is frozen
    // For the forms, when the actor may change it: users who could take a seat (active, not
    // sitting, with a role on the council's unit, above or below it), and the units members usually
    // work at (the council's unit and the ones below it).
    std::vector<UserRecord> candidates;
    std::vector<UnitRecord> member_units;
};

Result<CouncilRecord> CreateCouncil(App& app, const RequestContext& ctx, const CouncilInput& in);
Status UpdateCouncil(App& app, const RequestContext& ctx, std::int64_t council, const CouncilInput& in);
Result<CouncilView> GetCouncil(App& app, const RequestContext& ctx, std::int64_t council);
// Seats a user (a former member takes a seat again); returns the member id.
Result<std::int64_t> AddCouncilMember(App& app, const RequestContext& ctx, std::int64_t council, const MemberInput& in);
Status UpdateCouncilMember(App& app, const RequestContext& ctx, std::int64_t council, std::int64_t member,
                           const MemberInput& in);
// The member leaves the council; past meetings keep naming them.
Status RemoveCouncilMember(App& app, const RequestContext& ctx, std::int64_t council, std::int64_t member);
// Units the actor may create a council for (in their scope, without one yet).
Result<std::vector<UnitRecord>> UnitsForNewCouncil(App& app, const RequestContext& ctx);

Result<std::vector<CouncilRecord>> ListCouncils(App& app, const RequestContext& ctx);

// The dashboard's "this week's council": meetings of the councils the actor sees held from Monday to
// Sunday of `today`'s week, and any meeting whose ballot is open, soonest first.
struct UpcomingMeeting {
    MeetingRecord meeting;
    std::string council_name;
    bool i_sit = false;  // the actor has a seat: the ballot link is for them
};
Result<std::vector<UpcomingMeeting>> MeetingsThisWeek(App& app, const RequestContext& ctx, const Date& today);
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

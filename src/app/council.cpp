#include "app/council.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/audit_log.h"
#include "app/catalog.h"
#include "app/dossier_rules.h"
#include "app/notifications.h"
#include "app/policy.h"
#include "app/validation.h"
#include "domain/calendar.h"

namespace tdkt::app {
namespace {

using domain::Role;

Error MeetingNotFound(std::int64_t id) {
    return Error{ErrorCode::kNotFound, "meeting_not_found", fmt::format("Không tìm thấy phiên họp số {}.", id), "", {}};
}

Error NotAMember() {
    return Error{ErrorCode::kNotFound, "member_not_found", "Người này không phải thành viên Hội đồng.", "", {}};
}

// Who runs meetings: the secretary (by role, or by seat on this council) and the board's leader.
bool Manages(Repositories& repos, const RequestContext& ctx, const CouncilRecord& c) {
    if (HoldsRole(repos.units, ctx, Role::kCouncilSecretary, c.unit) ||
        HoldsRole(repos.units, ctx, Role::kBoardLeader, c.unit))
        return true;
    if (!ctx.actor) return false;
    auto members = repos.councils.Members(c.id);
    return std::any_of(members.begin(), members.end(),
                       [&](const auto& m) { return m.user == ctx.actor->id && m.role == "secretary"; });
}

// Who sets up a council and its members: an administrator, the board's leader, or the leader of a
// unit with a council of its own.
bool Constitutes(Repositories& repos, const RequestContext& ctx, UnitId unit) {
    return HoldsRole(repos.units, ctx, Role::kAdministrator, unit) ||
           HoldsRole(repos.units, ctx, Role::kBoardLeader, unit) ||
           HoldsRole(repos.units, ctx, Role::kUnitLeader, unit);
}

std::optional<CouncilMemberRecord> SeatOf(const std::vector<CouncilMemberRecord>& members, const RequestContext& ctx) {
    if (!ctx.actor) return std::nullopt;
    for (const auto& m : members)
        if (m.user == ctx.actor->id) return m;
    return std::nullopt;
}

// Members and the board of the council's unit see it.
Status MaySee(Repositories& repos, const RequestContext& ctx, const CouncilRecord& c,
              const std::vector<CouncilMemberRecord>& members) {
    if (SeatOf(members, ctx) || Manages(repos, ctx, c) || HoldsRole(repos.units, ctx, Role::kBoardSpecialist, c.unit) ||
        HoldsRole(repos.units, ctx, Role::kAdministrator, c.unit))
        return {};
    return Fail(ErrorCode::kForbidden, "not_council", "Chỉ thành viên Hội đồng và Ban Thi đua – Khen thưởng xem được.");
}

struct Loaded {
    MeetingRecord meeting;
    CouncilRecord council;
    std::vector<CouncilMemberRecord> members;
};

Result<Loaded> Load(Repositories& repos, std::int64_t meeting) {
    auto m = repos.councils.FindMeeting(meeting);
    if (!m) return tl::unexpected(MeetingNotFound(meeting));
    auto c = repos.councils.FindCouncil(m->council);
    if (!c) return tl::unexpected(MeetingNotFound(meeting));
    // A meeting whose ballot has opened keeps the seats it was held with.
    return Loaded{*m, *c, m->state == "planned" ? repos.councils.Members(c->id) : repos.councils.Seats(m->id)};
}

Result<Loaded> LoadManaged(Repositories& repos, const RequestContext& ctx, std::int64_t meeting) {
    auto l = Load(repos, meeting);
    if (!l) return l;
    if (!Manages(repos, ctx, l->council))
        return Fail(ErrorCode::kForbidden, "role_not_allowed",
                    "Chỉ thư ký Hội đồng hoặc lãnh đạo Ban Thi đua – Khen thưởng điều hành phiên họp.");
    return l;
}

int QuorumNeeded(const CouncilRecord& c, std::size_t members) {
    // present × den ≥ members × num
    return static_cast<int>((members * c.quorum_num + c.quorum_den - 1) / c.quorum_den);
}

std::string ChoiceOk(const std::string& choice) {
    return choice == "agree" || choice == "disagree" || choice == "abstain" ? choice : "";
}

}  // namespace

bool Passes(int agree, int denominator, int threshold_pct) {
    if (denominator <= 0) return false;
    if (threshold_pct <= 0) return agree * 2 > denominator;
    return agree * 100 >= threshold_pct * denominator;
}

Result<std::vector<CouncilRecord>> ListCouncils(App& app, const RequestContext& ctx) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    std::vector<CouncilRecord> out;
    app.store.Read([&](Repositories& repos) {
        for (const auto& c : repos.councils.Councils())
            if (MaySee(repos, ctx, c, repos.councils.Members(c.id))) out.push_back(c);
    });
    return out;
}

Result<std::vector<UpcomingMeeting>> MeetingsThisWeek(App& app, const RequestContext& ctx, const Date& today) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Date monday = AddDays(today, -((domain::Weekday(today) + 6) % 7));
    Date sunday = AddDays(monday, 6);
    std::vector<UpcomingMeeting> out;
    app.store.Read([&](Repositories& repos) {
        for (const auto& c : repos.councils.Councils()) {
            auto members = repos.councils.Members(c.id);
            if (!MaySee(repos, ctx, c, members)) continue;
            bool sits = SeatOf(members, ctx).has_value();
            for (const auto& m : repos.councils.Meetings(c.id))
                if (m.state == "voting" || (!(m.held_on < monday) && !(sunday < m.held_on)))
                    out.push_back({m, c.name, sits});
        }
    });
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.meeting.held_on < b.meeting.held_on ||
               (!(b.meeting.held_on < a.meeting.held_on) && a.meeting.id < b.meeting.id);
    });
    return out;
}

Result<std::vector<MeetingRecord>> ListMeetings(App& app, const RequestContext& ctx, std::int64_t council) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Result<std::vector<MeetingRecord>> out =
        Fail(ErrorCode::kNotFound, "council_not_found", "Không tìm thấy Hội đồng.");
    app.store.Read([&](Repositories& repos) {
        auto c = repos.councils.FindCouncil(council);
        if (!c) return;
        if (auto ok = MaySee(repos, ctx, *c, repos.councils.Members(c->id)); !ok)
            return void(out = tl::unexpected(ok.error()));
        out = repos.councils.Meetings(council);
    });
    return out;
}

Result<MeetingRecord> CreateMeeting(App& app, const RequestContext& ctx, std::int64_t council, const MeetingInput& in) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Checker c;
    MeetingRecord m;
    m.council = council;
    m.title = c.Text("title", "Tên phiên họp", in.title, true, 300);
    m.held_on = c.DateValue("held_on", "Ngày họp", in.held_on, true).value_or(Date{});
    m.place = c.Text("place", "Địa điểm", in.place, false, 300);
    if (!c.ok()) return tl::unexpected(c.AsError());
    Result<MeetingRecord> out = Fail(ErrorCode::kNotFound, "council_not_found", "Không tìm thấy Hội đồng.");
    app.store.Write([&](Repositories& repos) {
        auto found = repos.councils.FindCouncil(council);
        if (!found) return false;
        if (!Manages(repos, ctx, *found))
            return (out = Fail(ErrorCode::kForbidden, "role_not_allowed",
                               "Chỉ thư ký Hội đồng hoặc lãnh đạo Ban Thi đua – Khen thưởng lập phiên họp.")),
                   false;
        m.created_by = ctx.actor ? ctx.actor->login : "system";
        m.created_at = FormatIsoUtc(app.clock.Now());
        m.id = repos.councils.InsertMeeting(m);
        RecordChange(repos, app.clock, ctx,
                     {"meeting.create",
                      "meeting",
                      std::to_string(m.id),
                      nullptr,
                      {{"council_id", council}, {"title", m.title}, {"held_on", FormatIsoDate(m.held_on)}}});
        out = m;
        return true;
    });
    return out;
}

Result<int> AddDossierToMeeting(App& app, const RequestContext& ctx, std::int64_t meeting, DossierId dossier) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    const auto& catalog = CatalogOf(app);
    Date today = VietnamDate(app.clock.Now());
    Result<int> out = tl::unexpected(MeetingNotFound(meeting));
    app.store.Write([&](Repositories& repos) {
        auto l = LoadManaged(repos, ctx, meeting);
        if (!l) return (out = tl::unexpected(l.error())), false;
        if (l->meeting.state != "planned")
            return (out = Fail(ErrorCode::kConflict, "meeting_started",
                               "Phiên họp đã bắt đầu bỏ phiếu: không thêm vào chương trình được nữa.")),
                   false;
        auto d = repos.dossiers.Find(dossier);
        if (!d) return (out = tl::unexpected(dossier::NotFound(dossier))), false;
        if (d->state != "council" || d->board_unit != l->council.unit)
            return (out = Fail(ErrorCode::kConflict, "dossier_not_for_council",
                               fmt::format("Hồ sơ {} chưa được trình Hội đồng này (trạng thái «{}»).", d->code,
                                           dossier::StateName(catalog.workflow, d->state)))),
                   false;
        const auto* rules = catalog.InForce(today);
        int added = 0;
        for (const auto& n : repos.dossiers.Nominees(dossier)) {
            if (n.outcome != "pending" || !repos.councils.OpenItemsOf(n.id).empty()) continue;
            const auto* award = rules ? rules->Find(n.award_code) : nullptr;
            AgendaItemRecord item;
            item.meeting = meeting;
            item.nominee = n.id;
            item.dossier = dossier;
            item.threshold_pct = award ? award->vote_threshold_pct : 0;
            repos.councils.AddItem(item);
            ++added;
        }
        if (added == 0)
            return (out =
                        Fail(ErrorCode::kConflict, "nothing_to_add",
                             fmt::format("Mọi trường hợp của hồ sơ {} đã có trong chương trình họp hoặc đã có kết quả.",
                                         d->code))),
                   false;
        RecordChange(repos, app.clock, ctx,
                     {"meeting.agenda_add",
                      "meeting",
                      std::to_string(meeting),
                      nullptr,
                      {{"dossier_id", dossier.value}, {"items", added}}});
        out = added;
        return true;
    });
    return out;
}

Status SetAttendance(App& app, const RequestContext& ctx, std::int64_t meeting, std::int64_t member, bool present) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Status out = tl::unexpected(MeetingNotFound(meeting));
    app.store.Write([&](Repositories& repos) {
        auto l = LoadManaged(repos, ctx, meeting);
        if (!l) return (out = tl::unexpected(l.error())), false;
        if (l->meeting.state != "planned")
            return (out = Fail(ErrorCode::kConflict, "meeting_started",
                               "Đã bắt đầu bỏ phiếu: không sửa danh sách có mặt được nữa.")),
                   false;
        if (std::none_of(l->members.begin(), l->members.end(), [&](const auto& m) { return m.id == member; }))
            return (out = tl::unexpected(NotAMember())), false;
        repos.councils.SetAttendance(meeting, member, present);
        RecordChange(repos, app.clock, ctx,
                     {"meeting.attendance",
                      "meeting",
                      std::to_string(meeting),
                      nullptr,
                      {{"member_id", member}, {"present", present}}});
        out = {};
        return true;
    });
    return out;
}

Status OpenVoting(App& app, const RequestContext& ctx, std::int64_t meeting) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Status out = tl::unexpected(MeetingNotFound(meeting));
    app.store.Write([&](Repositories& repos) {
        auto l = LoadManaged(repos, ctx, meeting);
        if (!l) return (out = tl::unexpected(l.error())), false;
        auto items = repos.councils.Items(meeting);
        if (items.empty())
            return (out = Fail(ErrorCode::kConflict, "agenda_empty", "Chương trình họp chưa có trường hợp nào.")),
                   false;
        auto present = repos.councils.Present(meeting);
        int needed = QuorumNeeded(l->council, l->members.size());
        if (static_cast<int>(present.size()) < needed)
            return (out =
                        Fail(ErrorCode::kConflict, "no_quorum",
                             fmt::format("Chưa đủ số thành viên dự họp: có mặt {}/{} thành viên, cần ít nhất {} ({}/{} "
                                         "tổng số thành viên).",
                                         present.size(), l->members.size(), needed, l->council.quorum_num,
                                         l->council.quorum_den))),
                   false;
        if (!repos.councils.SetMeetingState(meeting, "planned", "voting", FormatIsoUtc(app.clock.Now())))
            return (out = Fail(ErrorCode::kConflict, "meeting_started", "Phiên họp đã mở bỏ phiếu hoặc đã kết thúc.")),
                   false;
        repos.councils.SeatMeeting(meeting, l->council.id);
        // A member of the nominee's unit (or of a unit above it, other than the council's own) is recused.
        for (const auto& item : items) {
            if (!item.subject_unit) continue;
            auto chain = AuthoritiesOf(repos.units, *item.subject_unit);
            for (const auto& m : l->members)
                if (m.unit && *m.unit != l->council.unit &&
                    std::find(chain.begin(), chain.end(), *m.unit) != chain.end())
                    repos.councils.AddRecusal({item.id, m.id, "Thành viên công tác tại đơn vị của người được đề nghị"});
        }
        // The members present, who may vote now.
        std::vector<UserId> voters;
        for (const auto& m : l->members)
            if (std::find(present.begin(), present.end(), m.id) != present.end()) voters.push_back(m.user);
        NotifyUsers(app, repos, ctx, voters, std::nullopt,
                    fmt::format("Phiên họp «{}» đã mở bỏ phiếu kín: {} trường hợp.", l->meeting.title, items.size()),
                    fmt::format("/hoi-dong/phien-hop/{}/bo-phieu", meeting));
        RecordChange(repos, app.clock, ctx,
                     {"meeting.open_voting",
                      "meeting",
                      std::to_string(meeting),
                      {{"state", "planned"}},
                      {{"state", "voting"}, {"present", present.size()}, {"members", l->members.size()}}});
        out = {};
        return true;
    });
    return out;
}

namespace {

// The shared part of a vote: the item on a meeting that is voting, the member not recused and not
// yet counted. Returns the loaded meeting.
Result<Loaded> VoteChecks(Repositories& repos, std::int64_t item_id, std::int64_t member, AgendaItemRecord& item) {
    auto found = repos.councils.FindItem(item_id);
    if (!found)
        return Fail(ErrorCode::kNotFound, "item_not_found",
                    fmt::format("Không có trường hợp số {} để bỏ phiếu.", item_id));
    item = *found;
    repos.councils.HoldSeat(member);           // this member's ballot writes, one at a time
    repos.councils.HoldMeeting(item.meeting);  // not across the closing: read the state once held
    auto l = Load(repos, item.meeting);
    if (!l) return l;
    if (l->meeting.state != "voting")
        return Fail(ErrorCode::kConflict, "ballot_not_open",
                    l->meeting.state == "closed" ? "Đã kết thúc bỏ phiếu." : "Chưa mở bỏ phiếu.");
    for (const auto& r : repos.councils.Recusals(item.meeting))
        if (r.item == item.id && r.member == member)
            return Fail(ErrorCode::kConflict, "recused",
                        fmt::format("Thành viên không bỏ phiếu trường hợp này: {}.", r.reason));
    return l;
}

}  // namespace

Status CastVote(App& app, const RequestContext& ctx, std::int64_t item_id, const std::string& choice_in) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    std::string choice = ChoiceOk(choice_in);
    if (choice.empty())
        return Fail(ErrorCode::kValidation, "bad_choice", "Phiếu phải là Đồng ý, Không đồng ý hoặc Không biểu quyết.");
    Status out = Fail(ErrorCode::kNotFound, "item_not_found", "Không có trường hợp này để bỏ phiếu.");
    app.store.Write([&](Repositories& repos) {
        // A member's two simultaneous votes meet the receipt of the first (VoteChecks holds the seat);
        // different members' votes wait for each other only at the audit entry.
        auto found = repos.councils.FindItem(item_id);
        if (!found) return false;
        auto loaded = Load(repos, found->meeting);
        if (!loaded) return (out = tl::unexpected(loaded.error())), false;
        auto seat = SeatOf(loaded->members, ctx);
        if (!seat)
            return (out = Fail(ErrorCode::kForbidden, "not_member", "Chỉ thành viên Hội đồng được bỏ phiếu.")), false;
        AgendaItemRecord item;
        auto l = VoteChecks(repos, item_id, seat->id, item);
        if (!l) return (out = tl::unexpected(l.error())), false;
        auto present = repos.councils.Present(item.meeting);
        if (std::find(present.begin(), present.end(), seat->id) == present.end())
            return (out = Fail(ErrorCode::kForbidden, "not_present",
                               "Bạn không có tên trong danh sách dự họp: thư ký nhập ý kiến bằng văn bản của bạn.")),
                   false;
        if (!repos.councils.AddReceipt(item.id, seat->id, "electronic"))
            return (out = Fail(ErrorCode::kConflict, "already_voted", "Bạn đã bỏ phiếu trường hợp này.")), false;
        repos.councils.CountChoice(item.id, choice);
        // The audit says that a member voted, never what.
        RecordChange(repos, app.clock, ctx,
                     {"ballot.cast", "agenda_item", std::to_string(item.id), nullptr, {{"kind", "electronic"}}});
        out = {};
        return true;
    });
    return out;
}

Status DeclareConflict(App& app, const RequestContext& ctx, std::int64_t item_id, const std::string& reason_in) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Checker c;
    std::string reason = c.Text("reason", "Lý do", reason_in, true, 500);
    if (!c.ok()) return tl::unexpected(c.AsError());
    Status out = Fail(ErrorCode::kNotFound, "item_not_found", "Không có trường hợp này.");
    app.store.Write([&](Repositories& repos) {
        auto found = repos.councils.FindItem(item_id);
        if (!found) return false;
        auto loaded = Load(repos, found->meeting);
        if (!loaded) return (out = tl::unexpected(loaded.error())), false;
        auto seat = SeatOf(loaded->members, ctx);
        if (!seat) return (out = Fail(ErrorCode::kForbidden, "not_member", "Chỉ thành viên Hội đồng.")), false;
        AgendaItemRecord item;
        auto l = VoteChecks(repos, item_id, seat->id, item);
        if (!l) return (out = tl::unexpected(l.error())), false;
        auto receipts = repos.councils.Receipts(item.meeting);
        if (std::find(receipts.begin(), receipts.end(), std::pair{item.id, seat->id}) != receipts.end())
            return (out = Fail(ErrorCode::kConflict, "already_voted", "Bạn đã bỏ phiếu trường hợp này.")), false;
        repos.councils.AddRecusal({item.id, seat->id, "Tự khai xung đột lợi ích: " + reason});
        RecordChange(repos, app.clock, ctx,
                     {"ballot.recusal",
                      "agenda_item",
                      std::to_string(item.id),
                      nullptr,
                      {{"member_id", seat->id}, {"reason", reason}}});
        out = {};
        return true;
    });
    return out;
}

Status RecordWrittenOpinion(App& app, const RequestContext& ctx, std::int64_t item_id, std::int64_t member,
                            const std::string& choice_in) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    std::string choice = ChoiceOk(choice_in);
    if (choice.empty())
        return Fail(ErrorCode::kValidation, "bad_choice", "Ý kiến phải là Đồng ý, Không đồng ý hoặc Không biểu quyết.");
    Status out = Fail(ErrorCode::kNotFound, "item_not_found", "Không có trường hợp này.");
    app.store.Write([&](Repositories& repos) {
        auto found = repos.councils.FindItem(item_id);
        if (!found) return false;
        auto l0 = LoadManaged(repos, ctx, found->meeting);
        if (!l0) return (out = tl::unexpected(l0.error())), false;
        if (std::none_of(l0->members.begin(), l0->members.end(), [&](const auto& m) { return m.id == member; }))
            return (out = tl::unexpected(NotAMember())), false;
        AgendaItemRecord item;
        auto l = VoteChecks(repos, item_id, member, item);
        if (!l) return (out = tl::unexpected(l.error())), false;
        auto present = repos.councils.Present(item.meeting);
        if (std::find(present.begin(), present.end(), member) != present.end())
            return (out = Fail(ErrorCode::kConflict, "member_present",
                               "Thành viên có mặt tự bỏ phiếu; ý kiến bằng văn bản chỉ dành cho thành viên vắng mặt.")),
                   false;
        if (!repos.councils.AddReceipt(item.id, member, "written"))
            return (out = Fail(ErrorCode::kConflict, "already_voted", "Đã ghi ý kiến của thành viên này.")), false;
        repos.councils.CountChoice(item.id, choice);
        RecordChange(repos, app.clock, ctx,
                     {"ballot.written",
                      "agenda_item",
                      std::to_string(item.id),
                      nullptr,
                      {{"member_id", member}, {"kind", "written"}}});
        out = {};
        return true;
    });
    return out;
}

Status CloseVoting(App& app, const RequestContext& ctx, std::int64_t meeting) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Status out = tl::unexpected(MeetingNotFound(meeting));
    app.store.Write([&](Repositories& repos) {
        auto l = LoadManaged(repos, ctx, meeting);
        if (!l) return (out = tl::unexpected(l.error())), false;
        if (!repos.councils.SetMeetingState(meeting, "voting", "closed", FormatIsoUtc(app.clock.Now())))
            return (out = Fail(ErrorCode::kConflict, "ballot_not_open", "Phiên họp không ở giai đoạn bỏ phiếu.")),
                   false;
        auto recusals = repos.councils.Recusals(meeting);
        nlohmann::json results = nlohmann::json::array();
        for (const auto& item : repos.councils.Items(meeting)) {
            int agree = 0, disagree = 0, abstain = 0;
            for (const auto& [choice, count] : repos.councils.Tally(item.id))
                (choice == "agree" ? agree : choice == "disagree" ? disagree : abstain) += count;
            int recused = static_cast<int>(
                std::count_if(recusals.begin(), recusals.end(), [&](const Recusal& r) { return r.item == item.id; }));
            int denominator =
                static_cast<int>(l->members.size()) - (l->council.recusal_rule == "exclude" ? recused : 0);
            bool passed = Passes(agree, denominator, item.threshold_pct);
            repos.councils.CloseItem(item.id, denominator, agree, disagree, abstain, passed);
            repos.dossiers.SetOutcome(item.nominee, passed ? "approved" : "rejected");
            repos.dossiers.Touch(item.dossier, FormatIsoUtc(app.clock.Now()));
            results.push_back({{"item_id", item.id},
                               {"nominee_id", item.nominee},
                               {"agree", agree},
                               {"disagree", disagree},
                               {"abstain", abstain},
                               {"denominator", denominator},
                               {"threshold_pct", item.threshold_pct},
                               {"passed", passed}});
        }
        RecordChange(repos, app.clock, ctx,
                     {"meeting.close_voting",
                      "meeting",
                      std::to_string(meeting),
                      {{"state", "voting"}},
                      {{"state", "closed"}, {"results", results}}});
        out = {};
        return true;
    });
    return out;
}

Result<MeetingView> GetMeeting(App& app, const RequestContext& ctx, std::int64_t meeting) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    const auto& catalog = CatalogOf(app);
    Result<MeetingView> out = tl::unexpected(MeetingNotFound(meeting));
    app.store.Read([&](Repositories& repos) {
        auto l = Load(repos, meeting);
        if (!l) return;
        if (auto ok = MaySee(repos, ctx, l->council, l->members); !ok) return void(out = tl::unexpected(ok.error()));
        MeetingView v;
        v.meeting = l->meeting;
        v.council = l->council;
        v.members = l->members;
        for (auto id : repos.councils.Present(meeting)) v.present.insert(id);
        v.quorum_needed = QuorumNeeded(l->council, l->members.size());
        v.quorum = static_cast<int>(v.present.size()) >= v.quorum_needed;
        v.can_manage = Manages(repos, ctx, l->council);
        if (auto seat = SeatOf(l->members, ctx)) v.my_member = seat->id;
        auto receipts = repos.councils.Receipts(meeting);
        auto recusals = repos.councils.Recusals(meeting);
        if (v.can_manage) v.receipts.insert(receipts.begin(), receipts.end());
        const auto* rules = catalog.InForce(l->meeting.held_on);
        for (const auto& item : repos.councils.Items(meeting)) {
            ItemView iv;
            iv.item = item;
            const auto* award = rules ? rules->Find(item.award_code) : nullptr;
            iv.award_name = award ? award->name : item.award_code;
            iv.threshold_label = item.threshold_pct > 0
                                     ? fmt::format("từ {}% tổng số thành viên trở lên", item.threshold_pct)
                                     : "quá nửa tổng số thành viên";
            for (const auto& [it, member] : receipts)
                if (it == item.id) {
                    ++iv.votes;
                    if (v.my_member == member) iv.i_voted = true;
                }
            for (const auto& r : recusals)
                if (r.item == item.id) {
                    iv.recused.push_back(r.member);
                    if (v.my_member == r.member) iv.i_recused = true;
                }
            if (item.denominator && *item.denominator > 0 && item.agree)
                iv.agree_pct = 100.0 * *item.agree / *item.denominator;
            v.items.push_back(std::move(iv));
        }
        out = std::move(v);
    });
    return out;
}

// ---- setting up a council -----------------------------------------------------------------------

namespace {

// A positive whole number typed in a form or sent as text; nullopt otherwise.
std::optional<std::int64_t> ParseId(std::string_view text) {
    std::int64_t v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || v <= 0) return std::nullopt;
    return v;
}

Error CouncilNotFound(std::int64_t id) {
    return Error{ErrorCode::kNotFound, "council_not_found", fmt::format("Không tìm thấy Hội đồng số {}.", id), "", {}};
}

Error MayNotConstitute() {
    return Error{ErrorCode::kForbidden,
                 "role_not_allowed",
                 "Chỉ quản trị hệ thống, lãnh đạo Ban Thi đua – Khen thưởng hoặc thủ trưởng đơn vị có Hội đồng mới "
                 "lập và thay đổi thành phần Hội đồng.",
                 "",
                 {}};
}

const std::vector<std::pair<std::string, std::string>>& Seats() {
    static const std::vector<std::pair<std::string, std::string>> seats{
        {"chair", "Chủ tịch"}, {"vice_chair", "Phó Chủ tịch"}, {"secretary", "Thư ký"}, {"member", "Ủy viên"}};
    return seats;
}

std::string SeatName(const std::string& role) {
    for (const auto& [code, name] : Seats())
        if (code == role) return name;
    return role;
}

// The council's rules from the form: name, recusal rule, quorum (num/den with 1 ≤ num ≤ den ≤ 10).
void CheckRules(Checker& c, const CouncilInput& in, CouncilRecord& out) {
    out.name = c.Text("name", "Tên Hội đồng", in.name, true, 300);
    if (in.recusal_rule == "exclude" || in.recusal_rule == "count")
        out.recusal_rule = in.recusal_rule;
    else
        c.Add("recusal_rule", "Cách tính thành viên không biểu quyết",
              "Cách tính thành viên không biểu quyết phải là «không tính vào tổng số» hoặc «vẫn tính vào tổng số».");
    auto number = [](const std::string& text) { return static_cast<int>(ParseId(text).value_or(0)); };
    int num = number(in.quorum_num), den = number(in.quorum_den);
    if (num < 1 || den < 1 || num > den || den > 10)
        c.Add("quorum_num", "Số thành viên tối thiểu dự họp",
              "Số thành viên tối thiểu dự họp phải là một phân số từ 1/10 đến 10/10 tổng số thành viên, ví dụ 2/3.");
    else
        out.quorum_num = num, out.quorum_den = den;
}

// A ballot open on any meeting of the council freezes its membership and rules.
bool BallotOpen(Repositories& repos, std::int64_t council) {
    auto meetings = repos.councils.Meetings(council);
    return std::any_of(meetings.begin(), meetings.end(), [](const auto& m) { return m.state == "voting"; });
}

Error BallotOpenError() {
    return Error{ErrorCode::kConflict,
                 "ballot_open",
                 "Hội đồng đang có phiên họp bỏ phiếu: chỉ thay đổi thành phần, quy chế sau khi kết thúc bỏ phiếu.",
                 "",
                 {}};
}

// The member's seat and work unit from the form; a second sitting chair or secretary is refused.
void CheckSeat(Checker& c, Repositories& repos, const MemberInput& in, std::int64_t self,
               const std::vector<CouncilMemberRecord>& sitting, CouncilMemberRecord& out) {
    bool known = std::any_of(Seats().begin(), Seats().end(), [&](const auto& s) { return s.first == in.role; });
    if (!known)
        c.Add("role", "Chức danh trong Hội đồng",
              "Chức danh trong Hội đồng phải là Chủ tịch, Phó Chủ tịch, Thư ký hoặc Ủy viên.");
    else if (in.role == "chair" || in.role == "secretary") {
        for (const auto& m : sitting)
            if (m.role == in.role && m.id != self)
                c.Add("role", "Chức danh trong Hội đồng",
                      fmt::format("Hội đồng đã có {}: {}. Chuyển người này sang chức danh khác trước.",
                                  SeatName(in.role), m.display_name));
    }
    out.role = in.role;
    out.title = c.Text("title", "Chức vụ, nơi công tác", in.title, false, 300);
    out.unit.reset();
    if (!in.unit_id.empty()) {
        auto id = ParseId(in.unit_id);
        auto unit = id ? repos.units.Find(UnitId{*id}) : std::nullopt;
        if (!unit)
            c.Add("unit_id", "Đơn vị công tác", "Không tìm thấy đơn vị công tác đã chọn.");
        else
            out.unit = unit->id;
    }
}

// The council, when the actor may change it now (not while one of its ballots is open).
Result<CouncilRecord> ChangeableCouncil(Repositories& repos, const RequestContext& ctx, std::int64_t council) {
    auto found = repos.councils.FindCouncil(council);
    if (!found) return tl::unexpected(CouncilNotFound(council));
    if (!Constitutes(repos, ctx, found->unit)) return tl::unexpected(MayNotConstitute());
    if (BallotOpen(repos, council)) return tl::unexpected(BallotOpenError());
    return *found;
}

nlohmann::json MemberJson(const CouncilMemberRecord& m) {
    return {{"member_id", m.id},
            {"login", m.login},
            {"role", m.role},
            {"title", m.title},
            {"unit_id", m.unit ? nlohmann::json(m.unit->value) : nlohmann::json(nullptr)}};
}

}  // namespace

Result<std::vector<UnitRecord>> UnitsForNewCouncil(App& app, const RequestContext& ctx) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    std::vector<UnitRecord> out;
    if (!ctx.actor) return out;
    app.store.Read([&](Repositories& repos) {
        std::set<std::int64_t> taken;
        for (const auto& c : repos.councils.Councils()) taken.insert(c.unit.value);
        // The units of the actor's grants that set up councils, and for the province-wide roles the
        // units directly below (departments, districts): councils sit at those levels.
        std::set<std::int64_t> roots;
        for (const auto& g : ctx.actor->grants)
            if (g.role == Role::kAdministrator || g.role == Role::kBoardLeader || g.role == Role::kUnitLeader)
                roots.insert(g.unit.value);
        for (const auto& u : repos.units.List()) {
            if (u.valid_to) continue;
            bool fits =
                roots.count(u.id.value) || (u.parent && roots.count(u.parent->value) && Constitutes(repos, ctx, u.id));
            if (fits && !taken.count(u.id.value)) out.push_back(u);
        }
    });
    return out;
}

Result<CouncilRecord> CreateCouncil(App& app, const RequestContext& ctx, const CouncilInput& in) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Checker c;
    CouncilRecord council;
    CheckRules(c, in, council);
    auto unit_id = ParseId(in.unit_id);
    if (!unit_id) c.Add("unit_id", "Đơn vị", "Vui lòng chọn đơn vị của Hội đồng.");
    if (!c.ok()) return tl::unexpected(c.AsError());
    Result<CouncilRecord> out = tl::unexpected(MayNotConstitute());
    app.store.Write([&](Repositories& repos) {
        auto unit = repos.units.Find(UnitId{*unit_id});
        if (!unit || unit->valid_to)
            return (out =
                        Fail(ErrorCode::kNotFound, "unit_not_found", "Không tìm thấy đơn vị đang hoạt động đã chọn.")),
                   false;
        if (!Constitutes(repos, ctx, unit->id)) return false;
        for (const auto& existing : repos.councils.Councils())
            if (existing.unit == unit->id)
                return (out = Fail(ErrorCode::kConflict, "council_exists",
                                   fmt::format("{} đã có Hội đồng: {}.", unit->name, existing.name))),
                       false;
        council.unit = unit->id;
        council.created_at = FormatIsoUtc(app.clock.Now());
        council.id = repos.councils.InsertCouncil(council);
        RecordChange(repos, app.clock, ctx,
                     {"council.create",
                      "council",
                      std::to_string(council.id),
                      nullptr,
                      {{"unit_id", unit->id.value},
                       {"name", council.name},
                       {"recusal_rule", council.recusal_rule},
                       {"quorum", fmt::format("{}/{}", council.quorum_num, council.quorum_den)}}});
        out = council;
        return true;
    });
    return out;
}

Status UpdateCouncil(App& app, const RequestContext& ctx, std::int64_t council, const CouncilInput& in) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Checker c;
    CouncilRecord changed;
    CheckRules(c, in, changed);
    if (!c.ok()) return tl::unexpected(c.AsError());
    Status out = tl::unexpected(CouncilNotFound(council));
    app.store.Write([&](Repositories& repos) {
        auto found = ChangeableCouncil(repos, ctx, council);
        if (!found) return (out = tl::unexpected(found.error())), false;
        CouncilRecord updated = *found;
        updated.name = changed.name;
        updated.recusal_rule = changed.recusal_rule;
        updated.quorum_num = changed.quorum_num;
        updated.quorum_den = changed.quorum_den;
        repos.councils.UpdateCouncil(updated);
        auto rules = [](const CouncilRecord& r) {
            return nlohmann::json{{"name", r.name},
                                  {"recusal_rule", r.recusal_rule},
                                  {"quorum", fmt::format("{}/{}", r.quorum_num, r.quorum_den)}};
        };
        RecordChange(repos, app.clock, ctx,
                     {"council.update", "council", std::to_string(council), rules(*found), rules(updated)});
        out = {};
        return true;
    });
    return out;
}

Result<CouncilView> GetCouncil(App& app, const RequestContext& ctx, std::int64_t council) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Result<CouncilView> out = tl::unexpected(CouncilNotFound(council));
    app.store.Read([&](Repositories& repos) {
        auto found = repos.councils.FindCouncil(council);
        if (!found) return;
        auto all = repos.councils.AllMembers(council);
        CouncilView v;
        v.council = *found;
        for (auto& m : all) (m.left_at ? v.former : v.members).push_back(m);
        v.can_constitute = Constitutes(repos, ctx, found->unit);
        if (!v.can_constitute)
            if (auto ok = MaySee(repos, ctx, *found, v.members); !ok) return void(out = tl::unexpected(ok.error()));
        if (auto unit = repos.units.Find(found->unit)) v.unit_name = unit->name;
        v.ballot_open = BallotOpen(repos, council);
        if (v.can_constitute) {
            std::set<std::int64_t> sitting;
            for (const auto& m : v.members) sitting.insert(m.user.value);
            // Only users whose grants lie on the council's branch (its unit, above or below it): the
            // leader of one unit does not get the whole province's user list.
            auto above = AuthoritiesOf(repos.units, found->unit);
            auto on_branch = [&](UnitId g) {
                if (std::find(above.begin(), above.end(), g) != above.end()) return true;
                auto chain = AuthoritiesOf(repos.units, g);
                return std::find(chain.begin(), chain.end(), found->unit) != chain.end();
            };
            for (auto& u : repos.users.List()) {
                if (u.disabled || sitting.count(u.id.value)) continue;
                auto grants = repos.users.Grants(u.id);
                if (std::any_of(grants.begin(), grants.end(), [&](const RoleGrant& g) { return on_branch(g.unit); }))
                    v.candidates.push_back(std::move(u));
            }
            for (auto& u : repos.units.List())
                if (!u.valid_to && (u.id == found->unit || (u.parent && *u.parent == found->unit)))
                    v.member_units.push_back(std::move(u));
        }
        out = std::move(v);
    });
    return out;
}

Result<std::int64_t> AddCouncilMember(App& app, const RequestContext& ctx, std::int64_t council,
                                      const MemberInput& in) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Checker c;
    std::string login = c.Text("login", "Tên đăng nhập", in.login, true, 100);
    if (!c.ok()) return tl::unexpected(c.AsError());
    Result<std::int64_t> out = tl::unexpected(CouncilNotFound(council));
    app.store.Write([&](Repositories& repos) {
        auto found = ChangeableCouncil(repos, ctx, council);
        if (!found) return (out = tl::unexpected(found.error())), false;
        auto user = repos.users.FindByLogin(login);
        Checker seat_check;
        if (!user || user->disabled)
            seat_check.Add("login", "Tên đăng nhập",
                           fmt::format("Không có người dùng đang hoạt động với tên đăng nhập «{}».", login));
        auto all = repos.councils.AllMembers(council);
        auto sitting = repos.councils.Members(council);
        CouncilMemberRecord m;
        std::optional<CouncilMemberRecord> former;
        if (user)
            for (const auto& x : all)
                if (x.user == user->id) {
                    if (!x.left_at)
                        seat_check.Add("login", "Tên đăng nhập",
                                       fmt::format("{} đã là thành viên Hội đồng.", x.display_name));
                    else
                        former = x;
                }
        CheckSeat(seat_check, repos, in, former ? former->id : 0, sitting, m);
        if (!seat_check.ok()) return (out = tl::unexpected(seat_check.AsError())), false;
        m.council = council;
        m.user = user->id;
        if (former) {
            m.id = former->id;
            m.left_at.reset();
            repos.councils.UpdateMember(m);
        } else {
            m.id = repos.councils.AddMember(m);
        }
        m.login = user->login;
        RecordChange(repos, app.clock, ctx,
                     {"council.member_add", "council", std::to_string(council), nullptr, MemberJson(m)});
        out = m.id;
        return true;
    });
    return out;
}

Status UpdateCouncilMember(App& app, const RequestContext& ctx, std::int64_t council, std::int64_t member,
                           const MemberInput& in) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Status out = tl::unexpected(CouncilNotFound(council));
    app.store.Write([&](Repositories& repos) {
        auto found = ChangeableCouncil(repos, ctx, council);
        if (!found) return (out = tl::unexpected(found.error())), false;
        auto sitting = repos.councils.Members(council);
        auto it = std::find_if(sitting.begin(), sitting.end(), [&](const auto& m) { return m.id == member; });
        if (it == sitting.end()) return (out = tl::unexpected(NotAMember())), false;
        Checker c;
        CouncilMemberRecord updated = *it;
        CheckSeat(c, repos, in, member, sitting, updated);
        if (!c.ok()) return (out = tl::unexpected(c.AsError())), false;
        repos.councils.UpdateMember(updated);
        RecordChange(
            repos, app.clock, ctx,
            {"council.member_update", "council", std::to_string(council), MemberJson(*it), MemberJson(updated)});
        out = {};
        return true;
    });
    return out;
}

Status RemoveCouncilMember(App& app, const RequestContext& ctx, std::int64_t council, std::int64_t member) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Status out = tl::unexpected(CouncilNotFound(council));
    app.store.Write([&](Repositories& repos) {
        auto found = ChangeableCouncil(repos, ctx, council);
        if (!found) return (out = tl::unexpected(found.error())), false;
        auto sitting = repos.councils.Members(council);
        auto it = std::find_if(sitting.begin(), sitting.end(), [&](const auto& m) { return m.id == member; });
        if (it == sitting.end()) return (out = tl::unexpected(NotAMember())), false;
        CouncilMemberRecord left = *it;
        left.left_at = FormatIsoUtc(app.clock.Now());
        repos.councils.UpdateMember(left);
        RecordChange(repos, app.clock, ctx,
                     {"council.member_remove",
                      "council",
                      std::to_string(council),
                      MemberJson(*it),
                      {{"member_id", member}, {"left_at", *left.left_at}}});
        out = {};
        return true;
    });
    return out;
}

}  // namespace tdkt::app

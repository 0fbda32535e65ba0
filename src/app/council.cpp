#include "app/council.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/audit_log.h"
#include "app/catalog.h"
#include "app/dossier_rules.h"
#include "app/notifications.h"
#include "app/policy.h"
#include "app/validation.h"

namespace tdkt::app {
namespace {

using domain::Role;

Error MeetingNotFound(std::int64_t id) {
    return Error{ErrorCode::kNotFound, "meeting_not_found", fmt::format("Không tìm thấy phiên họp số {}.", id), "", {}};
}

bool Manages(Repositories& repos, const RequestContext& ctx, const CouncilRecord& c) {
    return HoldsRole(repos.units, ctx, Role::kCouncilSecretary, c.unit) ||
           HoldsRole(repos.units, ctx, Role::kBoardLeader, c.unit);
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
    return Loaded{*m, *c, repos.councils.Members(c->id)};
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
            return (out = Fail(ErrorCode::kNotFound, "member_not_found", "Người này không phải thành viên Hội đồng.")),
                   false;
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
        // A member of the nominee's unit (or of a unit above it, other than the council's own) is recused.
        for (const auto& item : items) {
            if (!item.subject_unit) continue;
            auto chain = AuthoritiesOf(repos.units, *item.subject_unit);
            for (const auto& m : l->members)
                if (m.unit && *m.unit != l->council.unit &&
                    std::find(chain.begin(), chain.end(), *m.unit) != chain.end())
                    repos.councils.AddRecusal({item.id, m.id, "Thành viên công tác tại đơn vị của người được đề nghị"});
        }
        NotifyHolders(repos, app.clock, ctx, {Role::kCouncilMember, Role::kCouncilSecretary}, l->council.unit,
                      std::nullopt,
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
        // Votes are serialised by the audit chain's head (the vote's entry takes it anyway): a member's
        // two simultaneous votes meet the receipt of the first, not the unique key.
        repos.audit.LockHeadHash();
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
        repos.audit.LockHeadHash();  // as in CastVote
        auto found = repos.councils.FindItem(item_id);
        if (!found) return false;
        auto l0 = LoadManaged(repos, ctx, found->meeting);
        if (!l0) return (out = tl::unexpected(l0.error())), false;
        if (std::none_of(l0->members.begin(), l0->members.end(), [&](const auto& m) { return m.id == member; }))
            return (out = Fail(ErrorCode::kNotFound, "member_not_found", "Người này không phải thành viên Hội đồng.")),
                   false;
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

}  // namespace tdkt::app

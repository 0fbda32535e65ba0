// Councils, meetings and ballots on SOCI (docs/council.md, ADR 0014).
#include <fmt/format.h>

#include "storage/sql_repositories.h"
#include "storage/sql_util.h"

namespace tdkt::storage {
namespace {

std::optional<std::string> Opt(const NullableText& t) {
    return t.ind == soci::i_ok ? std::optional<std::string>(t.value) : std::nullopt;
}

std::vector<app::CouncilRecord> QueryCouncils(soci::session& s, const std::string& where, long long id) {
    long long cid = 0, unit = 0;
    app::CouncilRecord c;
    std::vector<app::CouncilRecord> out;
    ForEachRow(
        s, "SELECT id, unit_id, name, recusal_rule, quorum_num, quorum_den FROM councils " + where + " ORDER BY id",
        [&](soci::statement& st) {
            st.exchange(soci::into(cid));
            st.exchange(soci::into(unit));
            st.exchange(soci::into(c.name));
            st.exchange(soci::into(c.recusal_rule));
            st.exchange(soci::into(c.quorum_num));
            st.exchange(soci::into(c.quorum_den));
            if (!where.empty()) st.exchange(soci::use(id));
        },
        [&] {
            app::CouncilRecord r = c;
            r.id = cid;
            r.unit = UnitId{unit};
            out.push_back(std::move(r));
        });
    return out;
}

std::vector<app::MeetingRecord> QueryMeetings(soci::session& s, const std::string& where, long long id) {
    long long mid = 0, council = 0;
    std::string held;
    NullableText opened, closed;
    app::MeetingRecord m;
    std::vector<app::MeetingRecord> out;
    ForEachRow(
        s,
        "SELECT id, council_id, title, held_on, place, state, created_by, created_at, opened_at, closed_at FROM "
        "meetings " +
            where,
        [&](soci::statement& st) {
            st.exchange(soci::into(mid));
            st.exchange(soci::into(council));
            st.exchange(soci::into(m.title));
            st.exchange(soci::into(held));
            st.exchange(soci::into(m.place));
            st.exchange(soci::into(m.state));
            st.exchange(soci::into(m.created_by));
            st.exchange(soci::into(m.created_at));
            st.exchange(soci::into(opened.value, opened.ind));
            st.exchange(soci::into(closed.value, closed.ind));
            st.exchange(soci::use(id));
        },
        [&] {
            app::MeetingRecord r = m;
            r.id = mid;
            r.council = council;
            r.held_on = ParseIsoDate(held).value_or(Date{});
            r.opened_at = Opt(opened);
            r.closed_at = Opt(closed);
            out.push_back(std::move(r));
        });
    return out;
}

constexpr const char* kItemColumns =
    "SELECT i.id, i.meeting_id, i.nominee_id, i.dossier_id, i.position, i.threshold_pct, i.denominator, i.agree, "
    "i.disagree, i.abstain, i.passed, n.subject_type, n.award_code, d.code, n.person_id, "
    "COALESCE(n.unit_id, p.unit_id), "
    "COALESCE(p.full_name, CASE WHEN n.subject_type = 'household' THEN n.household_name ELSE u.name END, '') "
    "FROM agenda_items i JOIN dossier_nominees n ON n.id = i.nominee_id JOIN dossiers d ON d.id = i.dossier_id "
    "LEFT JOIN people p ON p.id = n.person_id LEFT JOIN units u ON u.id = n.unit_id ";

std::vector<app::AgendaItemRecord> QueryItems(soci::session& s, const std::string& where, long long id) {
    long long iid = 0, meeting = 0, nominee = 0, dossier = 0;
    int position = 0, threshold = 0;
    struct NullInt {
        int value = 0;
        soci::indicator ind = soci::i_null;
        std::optional<int> get() const { return ind == soci::i_ok ? std::optional<int>(value) : std::nullopt; }
    } den, agree, disagree, abstain, passed;
    NullableId person, unit;
    app::AgendaItemRecord it;
    std::vector<app::AgendaItemRecord> out;
    ForEachRow(
        s, std::string(kItemColumns) + where,
        [&](soci::statement& st) {
            st.exchange(soci::into(iid));
            st.exchange(soci::into(meeting));
            st.exchange(soci::into(nominee));
            st.exchange(soci::into(dossier));
            st.exchange(soci::into(position));
            st.exchange(soci::into(threshold));
            st.exchange(soci::into(den.value, den.ind));
            st.exchange(soci::into(agree.value, agree.ind));
            st.exchange(soci::into(disagree.value, disagree.ind));
            st.exchange(soci::into(abstain.value, abstain.ind));
            st.exchange(soci::into(passed.value, passed.ind));
            st.exchange(soci::into(it.subject_type));
            st.exchange(soci::into(it.award_code));
            st.exchange(soci::into(it.dossier_code));
            st.exchange(soci::into(person.value, person.ind));
            st.exchange(soci::into(unit.value, unit.ind));
            st.exchange(soci::into(it.subject_name));
            st.exchange(soci::use(id));
        },
        [&] {
            app::AgendaItemRecord r = it;
            r.id = iid;
            r.meeting = meeting;
            r.nominee = nominee;
            r.dossier = DossierId{dossier};
            r.position = position;
            r.threshold_pct = threshold;
            r.denominator = den.get();
            r.agree = agree.get();
            r.disagree = disagree.get();
            r.abstain = abstain.get();
            if (auto p = passed.get()) r.passed = *p != 0;
            r.person = person.As<PersonId>();
            r.subject_unit = unit.As<UnitId>();
            out.push_back(std::move(r));
        });
    return out;
}

// Members read with `from` (aliases m: council_members, u: users); `seat` "st." reads the role, title,
// unit and position a meeting kept instead of the member's current ones.
std::vector<app::CouncilMemberRecord> QueryMembers(soci::session& s, const std::string& from, long long key,
                                                   const std::string& seat = "m.") {
    long long id = 0, council = 0, user = 0;
    NullableId unit;
    NullableText left;
    app::CouncilMemberRecord m;
    std::vector<app::CouncilMemberRecord> out;
    ForEachRow(
        s,
        fmt::format("SELECT m.id, m.council_id, m.user_id, {0}role, {0}title, {0}unit_id, {0}position, m.left_at, "
                    "u.display_name, u.login ",
                    seat) +
            from,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(council));
            st.exchange(soci::into(user));
            st.exchange(soci::into(m.role));
            st.exchange(soci::into(m.title));
            st.exchange(soci::into(unit.value, unit.ind));
            st.exchange(soci::into(m.position));
            st.exchange(soci::into(left.value, left.ind));
            st.exchange(soci::into(m.display_name));
            st.exchange(soci::into(m.login));
            st.exchange(soci::use(key));
        },
        [&] {
            app::CouncilMemberRecord r = m;
            r.id = id;
            r.council = council;
            r.user = UserId{user};
            r.unit = unit.As<UnitId>();
            r.left_at = Opt(left);
            out.push_back(std::move(r));
        });
    return out;
}

}  // namespace

std::int64_t SqlCouncilRepository::InsertCouncil(const app::CouncilRecord& c) {
    long long id = 0, unit = c.unit.value;
    s_ << "INSERT INTO councils (unit_id, name, recusal_rule, quorum_num, quorum_den, created_at) VALUES (:u, :n, :r, "
          ":qn, :qd, :a) RETURNING id",
        soci::use(unit), soci::use(c.name), soci::use(c.recusal_rule), soci::use(c.quorum_num), soci::use(c.quorum_den),
        soci::use(c.created_at), soci::into(id);
    return id;
}

std::optional<app::CouncilRecord> SqlCouncilRepository::FindCouncil(std::int64_t id) {
    auto rows = QueryCouncils(s_, "WHERE id = :id", id);
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

std::vector<app::CouncilRecord> SqlCouncilRepository::Councils() { return QueryCouncils(s_, "", 0); }

std::int64_t SqlCouncilRepository::AddMember(const app::CouncilMemberRecord& m) {
    long long id = 0, council = m.council, user = m.user.value;
    NullableId unit(m.unit);
    int position = 0;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT MAX(position) FROM council_members WHERE council_id = :c", soci::use(council),
        soci::into(position, ind);
    position = ind == soci::i_ok ? position + 1 : 1;
    s_ << "INSERT INTO council_members (council_id, user_id, role, title, unit_id, position) VALUES (:c, :u, :r, :t, "
          ":un, :p) RETURNING id",
        soci::use(council), soci::use(user), soci::use(m.role), soci::use(m.title), soci::use(unit.value, unit.ind),
        soci::use(position), soci::into(id);
    return id;
}

std::vector<app::CouncilMemberRecord> SqlCouncilRepository::Members(std::int64_t council) {
    return QueryMembers(s_,
                        "FROM council_members m JOIN users u ON u.id = m.user_id WHERE m.council_id = :c AND "
                        "m.left_at IS NULL ORDER BY m.position",
                        council);
}

std::vector<app::CouncilMemberRecord> SqlCouncilRepository::AllMembers(std::int64_t council) {
    return QueryMembers(
        s_, "FROM council_members m JOIN users u ON u.id = m.user_id WHERE m.council_id = :c ORDER BY m.position",
        council);
}

void SqlCouncilRepository::UpdateCouncil(const app::CouncilRecord& c) {
    long long id = c.id;
    s_ << "UPDATE councils SET name = :n, recusal_rule = :r, quorum_num = :qn, quorum_den = :qd WHERE id = :id",
        soci::use(c.name), soci::use(c.recusal_rule), soci::use(c.quorum_num), soci::use(c.quorum_den), soci::use(id);
}

void SqlCouncilRepository::UpdateMember(const app::CouncilMemberRecord& m) {
    long long id = m.id;
    NullableId unit(m.unit);
    NullableText left;
    if (m.left_at) {
        left.value = *m.left_at;
        left.ind = soci::i_ok;
    }
    s_ << "UPDATE council_members SET role = :r, title = :t, unit_id = :un, left_at = :l WHERE id = :id",
        soci::use(m.role), soci::use(m.title), soci::use(unit.value, unit.ind), soci::use(left.value, left.ind),
        soci::use(id);
}

void SqlCouncilRepository::SeatMeeting(std::int64_t meeting, std::int64_t council) {
    long long mid = meeting, cid = council;
    s_ << "INSERT INTO meeting_seats (meeting_id, member_id, role, title, unit_id, position) SELECT :m, id, role, "
          "title, unit_id, position FROM council_members WHERE council_id = :c AND left_at IS NULL",
        soci::use(mid), soci::use(cid);
}

std::vector<app::CouncilMemberRecord> SqlCouncilRepository::Seats(std::int64_t meeting) {
    auto out = QueryMembers(s_,
                            "FROM meeting_seats st JOIN council_members m ON m.id = st.member_id JOIN users u ON "
                            "u.id = m.user_id WHERE st.meeting_id = :c ORDER BY st.position",
                            meeting, "st.");
    return out;
}

std::int64_t SqlCouncilRepository::InsertMeeting(const app::MeetingRecord& m) {
    long long id = 0, council = m.council;
    std::string held = FormatIsoDate(m.held_on);
    s_ << "INSERT INTO meetings (council_id, title, held_on, place, state, created_by, created_at) VALUES (:c, :t, :h, "
          ":p, :s, :b, :a) RETURNING id",
        soci::use(council), soci::use(m.title), soci::use(held), soci::use(m.place), soci::use(m.state),
        soci::use(m.created_by), soci::use(m.created_at), soci::into(id);
    return id;
}

std::optional<app::MeetingRecord> SqlCouncilRepository::FindMeeting(std::int64_t id) {
    auto rows = QueryMeetings(s_, "WHERE id = :id", id);
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

std::vector<app::MeetingRecord> SqlCouncilRepository::Meetings(std::int64_t council) {
    return QueryMeetings(s_, "WHERE council_id = :id ORDER BY held_on DESC, id DESC", council);
}

bool SqlCouncilRepository::SetMeetingState(std::int64_t id, const std::string& from, const std::string& to,
                                           const std::string& at) {
    long long m = id;
    std::string column = to == "voting" ? "opened_at" : "closed_at";
    return ExecCount(s_, "UPDATE meetings SET state = :t, " + column + " = :a WHERE id = :id AND state = :f",
                     [&](soci::statement& st) {
                         st.exchange(soci::use(to));
                         st.exchange(soci::use(at));
                         st.exchange(soci::use(m));
                         st.exchange(soci::use(from));
                     }) == 1;
}

void SqlCouncilRepository::SetAttendance(std::int64_t meeting, std::int64_t member, bool present) {
    long long m = meeting, mem = member;
    int p = present ? 1 : 0;
    s_ << "DELETE FROM meeting_attendance WHERE meeting_id = :m AND member_id = :x", soci::use(m), soci::use(mem);
    s_ << "INSERT INTO meeting_attendance (meeting_id, member_id, present) VALUES (:m, :x, :p)", soci::use(m),
        soci::use(mem), soci::use(p);
}

std::vector<std::int64_t> SqlCouncilRepository::Present(std::int64_t meeting) {
    long long m = meeting, member = 0;
    std::vector<std::int64_t> out;
    ForEachRow(
        s_, "SELECT member_id FROM meeting_attendance WHERE meeting_id = :m AND present = 1 ORDER BY member_id",
        [&](soci::statement& st) {
            st.exchange(soci::into(member));
            st.exchange(soci::use(m));
        },
        [&] { out.push_back(member); });
    return out;
}

std::int64_t SqlCouncilRepository::AddItem(const app::AgendaItemRecord& item) {
    long long id = 0, meeting = item.meeting, nominee = item.nominee, dossier = item.dossier.value;
    int position = 0, threshold = item.threshold_pct;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT MAX(position) FROM agenda_items WHERE meeting_id = :m", soci::use(meeting), soci::into(position, ind);
    position = ind == soci::i_ok ? position + 1 : 1;
    s_ << "INSERT INTO agenda_items (meeting_id, nominee_id, dossier_id, position, threshold_pct) VALUES (:m, :n, :d, "
          ":p, :t) RETURNING id",
        soci::use(meeting), soci::use(nominee), soci::use(dossier), soci::use(position), soci::use(threshold),
        soci::into(id);
    return id;
}

std::vector<app::AgendaItemRecord> SqlCouncilRepository::Items(std::int64_t meeting) {
    return QueryItems(s_, "WHERE i.meeting_id = :id ORDER BY i.position", meeting);
}

std::optional<app::AgendaItemRecord> SqlCouncilRepository::FindItem(std::int64_t id) {
    auto rows = QueryItems(s_, "WHERE i.id = :id", id);
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

bool SqlCouncilRepository::RemoveItem(std::int64_t meeting, std::int64_t item) {
    long long m = meeting, i = item;
    return ExecCount(s_, "DELETE FROM agenda_items WHERE id = :i AND meeting_id = :m", [&](soci::statement& st) {
               st.exchange(soci::use(i));
               st.exchange(soci::use(m));
           }) == 1;
}

std::vector<app::AgendaItemRecord> SqlCouncilRepository::OpenItemsOf(std::int64_t nominee) {
    return QueryItems(
        s_, "WHERE i.nominee_id = :id AND i.meeting_id IN (SELECT id FROM meetings WHERE state <> 'closed')", nominee);
}

void SqlCouncilRepository::AddRecusal(const app::Recusal& r) {
    long long item = r.item, member = r.member;
    s_ << "INSERT INTO item_recusals (item_id, member_id, reason) VALUES (:i, :m, :r)", soci::use(item),
        soci::use(member), soci::use(r.reason);
}

std::vector<app::Recusal> SqlCouncilRepository::Recusals(std::int64_t meeting) {
    long long m = meeting, item = 0, member = 0;
    std::string reason;
    std::vector<app::Recusal> out;
    ForEachRow(
        s_,
        "SELECT r.item_id, r.member_id, r.reason FROM item_recusals r JOIN agenda_items i ON i.id = r.item_id WHERE "
        "i.meeting_id = :m ORDER BY r.item_id, r.member_id",
        [&](soci::statement& st) {
            st.exchange(soci::into(item));
            st.exchange(soci::into(member));
            st.exchange(soci::into(reason));
            st.exchange(soci::use(m));
        },
        [&] {
            out.push_back({item, member, reason});
        });
    return out;
}

void SqlCouncilRepository::HoldMeeting(std::int64_t meeting) {
    if (backend_ != Backend::kPostgresql) return;
    long long m = meeting, id = 0;
    s_ << "SELECT id FROM meetings WHERE id = :m FOR SHARE", soci::use(m), soci::into(id);
}

void SqlCouncilRepository::HoldSeat(std::int64_t member) {
    if (backend_ != Backend::kPostgresql) return;
    long long m = member, id = 0;
    s_ << "SELECT id FROM council_members WHERE id = :m FOR UPDATE", soci::use(m), soci::into(id);
}

bool SqlCouncilRepository::AddReceipt(std::int64_t item, std::int64_t member, const std::string& kind) {
    long long i = item, m = member, existing = 0;
    s_ << "SELECT COUNT(*) FROM ballot_receipts WHERE item_id = :i AND member_id = :m", soci::use(i), soci::use(m),
        soci::into(existing);
    if (existing) return false;
    s_ << "INSERT INTO ballot_receipts (item_id, member_id, kind) VALUES (:i, :m, :k)", soci::use(i), soci::use(m),
        soci::use(kind);
    return true;
}

std::vector<std::pair<std::int64_t, std::int64_t>> SqlCouncilRepository::Receipts(std::int64_t meeting) {
    long long m = meeting, item = 0, member = 0;
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    ForEachRow(
        s_,
        "SELECT r.item_id, r.member_id FROM ballot_receipts r JOIN agenda_items i ON i.id = r.item_id WHERE "
        "i.meeting_id = :m ORDER BY r.item_id, r.member_id",
        [&](soci::statement& st) {
            st.exchange(soci::into(item));
            st.exchange(soci::into(member));
            st.exchange(soci::use(m));
        },
        [&] { out.emplace_back(item, member); });
    return out;
}

void SqlCouncilRepository::CountChoice(std::int64_t item, const std::string& choice) {
    long long i = item;
    // One statement: members counting the same choice at the same time add up (an UPDATE then an
    // INSERT would let two first votes both insert).
    s_ << "INSERT INTO ballot_tallies (item_id, choice, count) VALUES (:i, :c, 1) ON CONFLICT (item_id, choice) DO "
          "UPDATE SET count = ballot_tallies.count + 1",
        soci::use(i), soci::use(choice);
}

std::vector<std::pair<std::string, int>> SqlCouncilRepository::Tally(std::int64_t item) {
    long long i = item;
    std::string choice;
    int count = 0;
    std::vector<std::pair<std::string, int>> out;
    ForEachRow(
        s_, "SELECT choice, count FROM ballot_tallies WHERE item_id = :i ORDER BY choice",
        [&](soci::statement& st) {
            st.exchange(soci::into(choice));
            st.exchange(soci::into(count));
            st.exchange(soci::use(i));
        },
        [&] { out.emplace_back(choice, count); });
    return out;
}

void SqlCouncilRepository::CloseItem(std::int64_t item, int denominator, int agree, int disagree, int abstain,
                                     bool passed) {
    long long i = item;
    int p = passed ? 1 : 0;
    s_ << "UPDATE agenda_items SET denominator = :d, agree = :a, disagree = :x, abstain = :b, passed = :p WHERE id = "
          ":i",
        soci::use(denominator), soci::use(agree), soci::use(disagree), soci::use(abstain), soci::use(p), soci::use(i);
}

}  // namespace tdkt::storage

// Nomination dossiers, their nominees and their timeline on SOCI (docs/workflow.md).
#include <fmt/format.h>

#include "storage/sql_repositories.h"
#include "storage/sql_util.h"

namespace tdkt::storage {
namespace {

constexpr const char* kDossierColumns =
    "SELECT d.id, d.code, d.title, d.kind, d.procedure_kind, d.year, d.unit_id, d.board_unit_id, d.state, "
    "d.state_since, d.due_date, d.created_by, d.created_at, d.updated_at, d.version, d.note, u.name "
    "FROM dossiers d JOIN units u ON u.id = d.unit_id ";

template <class BindUse>
std::vector<app::DossierRecord> QueryDossiers(soci::session& s, const std::string& sql, BindUse bind_use) {
    long long id = 0, unit = 0, board = 0;
    int year = 0, version = 0;
    NullableText due;
    app::DossierRecord d;
    std::vector<app::DossierRecord> out;
    ForEachRow(
        s, sql,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(d.code));
            st.exchange(soci::into(d.title));
            st.exchange(soci::into(d.kind));
            st.exchange(soci::into(d.procedure_kind));
            st.exchange(soci::into(year));
            st.exchange(soci::into(unit));
            st.exchange(soci::into(board));
            st.exchange(soci::into(d.state));
            st.exchange(soci::into(d.state_since));
            st.exchange(soci::into(due.value, due.ind));
            st.exchange(soci::into(d.created_by));
            st.exchange(soci::into(d.created_at));
            st.exchange(soci::into(d.updated_at));
            st.exchange(soci::into(version));
            st.exchange(soci::into(d.note));
            st.exchange(soci::into(d.unit_name));
            bind_use(st);
        },
        [&] {
            app::DossierRecord r = d;
            r.id = DossierId{id};
            r.year = year;
            r.unit = UnitId{unit};
            r.board_unit = UnitId{board};
            r.due_date = due.AsDate();
            r.version = version;
            out.push_back(std::move(r));
        });
    return out;
}

}  // namespace

std::int64_t SqlDossierRepository::NextNumber(int year) {
    // Codes of a year sort as numbers: "HS-2026-" followed by six digits.
    std::string prefix = fmt::format("HS-{}-", year), last;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT MAX(code) FROM dossiers WHERE code LIKE :p", soci::use(prefix + "%"), soci::into(last, ind);
    if (ind != soci::i_ok || last.size() <= prefix.size()) return 1;
    return std::stoll(last.substr(prefix.size())) + 1;
}

DossierId SqlDossierRepository::Insert(const app::DossierRecord& d) {
    long long id = 0, unit = d.unit.value, board = d.board_unit.value;
    int year = d.year;
    NullableText due(d.due_date);
    s_ << "INSERT INTO dossiers (code, title, kind, procedure_kind, year, unit_id, board_unit_id, state, state_since, "
          "due_date, created_by, created_at, updated_at, version, note) VALUES (:c, :t, :k, :p, :y, :u, :b, :s, :ss, "
          ":du, :cb, :ca, :ua, 1, :n) RETURNING id",
        soci::use(d.code), soci::use(d.title), soci::use(d.kind), soci::use(d.procedure_kind), soci::use(year),
        soci::use(unit), soci::use(board), soci::use(d.state), soci::use(d.state_since), soci::use(due.value, due.ind),
        soci::use(d.created_by), soci::use(d.created_at), soci::use(d.updated_at), soci::use(d.note), soci::into(id);
    return DossierId{id};
}

std::optional<app::DossierRecord> SqlDossierRepository::Find(DossierId id) {
    long long value = id.value;
    auto rows = QueryDossiers(s_, std::string(kDossierColumns) + "WHERE d.id = :id",
                              [&](soci::statement& st) { st.exchange(soci::use(value)); });
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

bool SqlDossierRepository::UpdateState(DossierId id, int expected_version, const std::string& state,
                                       const std::string& since, const std::optional<Date>& due) {
    long long value = id.value;
    NullableText due_text(due);
    return ExecCount(s_,
                     "UPDATE dossiers SET state = :s, state_since = :ss, due_date = :du, updated_at = :ua, version = "
                     "version + 1 WHERE id = :id AND version = :v",
                     [&](soci::statement& st) {
                         st.exchange(soci::use(state));
                         st.exchange(soci::use(since));
                         st.exchange(soci::use(due_text.value, due_text.ind));
                         st.exchange(soci::use(since));
                         st.exchange(soci::use(value));
                         st.exchange(soci::use(expected_version));
                     }) == 1;
}

app::DossierPage SqlDossierRepository::List(const app::DossierFilter& f) {
    // The SQL text depends only on which filters are present (and how many units), never on values.
    std::string where = "WHERE 1 = 1 ";
    std::vector<long long> units;
    long long board = f.board_unit ? f.board_unit->value : 0;
    std::string due = f.due_before ? FormatIsoDate(*f.due_before) : "";
    int year = f.year;
    if (f.units) {
        if (f.units->empty()) return {};
        where += "AND d.unit_id IN (";
        for (std::size_t i = 0; i < f.units->size(); ++i) {
            where += (i ? ", :u" : ":u") + std::to_string(i);
            units.push_back((*f.units)[i].value);
        }
        where += ") ";
    }
    if (f.board_unit) where += "AND d.board_unit_id = :b ";
    if (!f.state.empty()) where += "AND d.state = :s ";
    if (!f.kind.empty()) where += "AND d.kind = :k ";
    if (f.due_before) where += "AND d.due_date IS NOT NULL AND d.due_date <= :due ";
    if (f.year) where += "AND d.year = :y ";
    auto bind = [&](soci::statement& st) {
        for (auto& u : units) st.exchange(soci::use(u));
        if (f.board_unit) st.exchange(soci::use(board));
        if (!f.state.empty()) st.exchange(soci::use(f.state));
        if (!f.kind.empty()) st.exchange(soci::use(f.kind));
        if (f.due_before) st.exchange(soci::use(due));
        if (f.year) st.exchange(soci::use(year));
    };
    app::DossierPage page;
    {
        long long total = 0;
        soci::statement st(s_);
        st.alloc();
        st.prepare("SELECT COUNT(*) FROM dossiers d " + where);
        st.exchange(soci::into(total));
        bind(st);
        st.define_and_bind();
        st.execute(true);
        page.total = total;
    }
    page.items = QueryDossiers(s_,
                               std::string(kDossierColumns) + where + "ORDER BY d.id DESC LIMIT " +
                                   std::to_string(f.limit) + " OFFSET " + std::to_string(f.offset),
                               bind);
    return page;
}

std::int64_t SqlDossierRepository::AddNominee(const app::NomineeRecord& n) {
    long long id = 0, dossier = n.dossier.value;
    int position = 0;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT MAX(position) FROM dossier_nominees WHERE dossier_id = :d", soci::use(dossier),
        soci::into(position, ind);
    position = ind == soci::i_ok ? position + 1 : 1;
    NullableId person(n.person), unit(n.unit), award(n.award);
    s_ << "INSERT INTO dossier_nominees (dossier_id, position, subject_type, person_id, unit_id, household_name, "
          "award_code, override_reason, override_by, outcome, award_id) VALUES (:d, :po, :st, :p, :u, :h, :c, :or, "
          ":ob, :o, :a) RETURNING id",
        soci::use(dossier), soci::use(position), soci::use(n.subject_type), soci::use(person.value, person.ind),
        soci::use(unit.value, unit.ind), soci::use(n.household_name), soci::use(n.award_code),
        soci::use(n.override_reason), soci::use(n.override_by), soci::use(n.outcome), soci::use(award.value, award.ind),
        soci::into(id);
    return id;
}

std::vector<app::NomineeRecord> SqlDossierRepository::Nominees(DossierId dossier) {
    long long id = 0, d = dossier.value;
    int position = 0;
    NullableId person, unit, award;
    app::NomineeRecord n;
    std::vector<app::NomineeRecord> out;
    ForEachRow(
        s_,
        "SELECT n.id, n.position, n.subject_type, n.person_id, n.unit_id, n.household_name, n.award_code, "
        "n.override_reason, n.override_by, n.outcome, n.award_id, "
        "COALESCE(p.full_name, CASE WHEN n.subject_type = 'household' THEN n.household_name ELSE u.name END, '') "
        "FROM dossier_nominees n LEFT JOIN people p ON p.id = n.person_id LEFT JOIN units u ON u.id = n.unit_id "
        "WHERE n.dossier_id = :d ORDER BY n.position",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(position));
            st.exchange(soci::into(n.subject_type));
            st.exchange(soci::into(person.value, person.ind));
            st.exchange(soci::into(unit.value, unit.ind));
            st.exchange(soci::into(n.household_name));
            st.exchange(soci::into(n.award_code));
            st.exchange(soci::into(n.override_reason));
            st.exchange(soci::into(n.override_by));
            st.exchange(soci::into(n.outcome));
            st.exchange(soci::into(award.value, award.ind));
            st.exchange(soci::into(n.subject_name));
            st.exchange(soci::use(d));
        },
        [&] {
            app::NomineeRecord r = n;
            r.id = id;
            r.dossier = dossier;
            r.position = position;
            r.person = person.As<PersonId>();
            r.unit = unit.As<UnitId>();
            r.award = award.As<AwardId>();
            out.push_back(std::move(r));
        });
    return out;
}

bool SqlDossierRepository::RemoveNominee(DossierId dossier, std::int64_t nominee) {
    long long d = dossier.value, n = nominee;
    return ExecCount(s_, "DELETE FROM dossier_nominees WHERE id = :n AND dossier_id = :d", [&](soci::statement& st) {
               st.exchange(soci::use(n));
               st.exchange(soci::use(d));
           }) == 1;
}

bool SqlDossierRepository::SetOverride(DossierId dossier, std::int64_t nominee, const std::string& reason,
                                       const std::string& login) {
    long long d = dossier.value, n = nominee;
    return ExecCount(s_,
                     "UPDATE dossier_nominees SET override_reason = :r, override_by = :l WHERE id = :n AND "
                     "dossier_id = :d",
                     [&](soci::statement& st) {
                         st.exchange(soci::use(reason));
                         st.exchange(soci::use(login));
                         st.exchange(soci::use(n));
                         st.exchange(soci::use(d));
                     }) == 1;
}

std::int64_t SqlDossierRepository::AddEvent(const app::DossierEvent& e) {
    long long id = 0, d = e.dossier.value;
    s_ << "INSERT INTO dossier_events (dossier_id, action, from_state, to_state, actor_login, at, reason) VALUES (:d, "
          ":a, :f, :t, :l, :at, :r) RETURNING id",
        soci::use(d), soci::use(e.action), soci::use(e.from_state), soci::use(e.to_state), soci::use(e.actor_login),
        soci::use(e.at), soci::use(e.reason), soci::into(id);
    return id;
}

std::vector<app::DossierEvent> SqlDossierRepository::Events(DossierId dossier) {
    long long id = 0, d = dossier.value;
    app::DossierEvent e;
    std::vector<app::DossierEvent> out;
    ForEachRow(
        s_,
        "SELECT id, action, from_state, to_state, actor_login, at, reason FROM dossier_events WHERE dossier_id = :d "
        "ORDER BY id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(e.action));
            st.exchange(soci::into(e.from_state));
            st.exchange(soci::into(e.to_state));
            st.exchange(soci::into(e.actor_login));
            st.exchange(soci::into(e.at));
            st.exchange(soci::into(e.reason));
            st.exchange(soci::use(d));
        },
        [&] {
            app::DossierEvent r = e;
            r.id = id;
            r.dossier = dossier;
            out.push_back(std::move(r));
        });
    return out;
}

}  // namespace tdkt::storage

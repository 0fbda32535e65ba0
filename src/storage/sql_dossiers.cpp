// Nomination dossiers, their nominees and their timeline on SOCI (docs/workflow.md).
#include <algorithm>

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

void SqlDossierRepository::Touch(DossierId id, const std::string& at) {
    long long value = id.value;
    s_ << "UPDATE dossiers SET version = version + 1, updated_at = :a WHERE id = :id", soci::use(at), soci::use(value);
}

app::DossierPage SqlDossierRepository::List(const app::DossierFilter& f) {
    // The SQL text depends only on which filters are present (and how many units), never on values.
    std::string where = "WHERE 1 = 1 ";
    std::vector<long long> units;
    long long board = f.board_unit ? f.board_unit->value : 0, unit = f.unit ? f.unit->value : 0;
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
    if (f.unit) where += "AND d.unit_id = :pu ";
    if (!f.state.empty()) where += "AND d.state = :s ";
    if (!f.kind.empty()) where += "AND d.kind = :k ";
    if (f.due_before) where += "AND d.due_date IS NOT NULL AND d.due_date <= :due ";
    if (f.year) where += "AND d.year = :y ";
    auto bind = [&](soci::statement& st) {
        for (auto& u : units) st.exchange(soci::use(u));
        if (f.board_unit) st.exchange(soci::use(board));
        if (f.unit) st.exchange(soci::use(unit));
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

void SqlDossierRepository::SetOutcome(std::int64_t nominee, const std::string& outcome) {
    long long n = nominee;
    s_ << "UPDATE dossier_nominees SET outcome = :o WHERE id = :n", soci::use(outcome), soci::use(n);
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

std::int64_t SqlDossierRepository::AddDocument(const app::DocumentRecord& doc) {
    long long id = 0, d = doc.dossier.value;
    NullableId nominee;
    if (doc.nominee) nominee.value = *doc.nominee, nominee.ind = soci::i_ok;
    int generated = doc.generated ? 1 : 0;
    s_ << "INSERT INTO dossier_documents (dossier_id, nominee_id, doc_type, file_name, sha256, generated, uploaded_by, "
          "uploaded_at) VALUES (:d, :n, :t, :f, :h, :g, :b, :a) RETURNING id",
        soci::use(d), soci::use(nominee.value, nominee.ind), soci::use(doc.doc_type), soci::use(doc.file_name),
        soci::use(doc.sha256), soci::use(generated), soci::use(doc.uploaded_by), soci::use(doc.uploaded_at),
        soci::into(id);
    return id;
}

std::vector<app::DocumentRecord> SqlDossierRepository::Documents(DossierId dossier) {
    long long id = 0, d = dossier.value, size = 0;
    int generated = 0;
    NullableId nominee;
    app::DocumentRecord doc;
    std::vector<app::DocumentRecord> out;
    ForEachRow(
        s_,
        "SELECT x.id, x.nominee_id, x.doc_type, x.file_name, x.sha256, f.media_type, f.size, x.generated, "
        "x.uploaded_by, x.uploaded_at FROM dossier_documents x JOIN files f ON f.sha256 = x.sha256 "
        "WHERE x.dossier_id = :d AND x.removed_at IS NULL ORDER BY x.doc_type, x.id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(nominee.value, nominee.ind));
            st.exchange(soci::into(doc.doc_type));
            st.exchange(soci::into(doc.file_name));
            st.exchange(soci::into(doc.sha256));
            st.exchange(soci::into(doc.media_type));
            st.exchange(soci::into(size));
            st.exchange(soci::into(generated));
            st.exchange(soci::into(doc.uploaded_by));
            st.exchange(soci::into(doc.uploaded_at));
            st.exchange(soci::use(d));
        },
        [&] {
            app::DocumentRecord r = doc;
            r.id = id;
            r.dossier = dossier;
            r.nominee = nominee.ind == soci::i_ok ? std::optional<std::int64_t>(nominee.value) : std::nullopt;
            r.size = size;
            r.generated = generated != 0;
            out.push_back(std::move(r));
        });
    return out;
}

bool SqlDossierRepository::RemoveDocument(DossierId dossier, std::int64_t document, const std::string& login,
                                          const std::string& at) {
    long long d = dossier.value, x = document;
    return ExecCount(s_,
                     "UPDATE dossier_documents SET removed_at = :a, removed_by = :l WHERE id = :x AND dossier_id = :d "
                     "AND removed_at IS NULL",
                     [&](soci::statement& st) {
                         st.exchange(soci::use(at));
                         st.exchange(soci::use(login));
                         st.exchange(soci::use(x));
                         st.exchange(soci::use(d));
                     }) == 1;
}

std::optional<app::FileRecord> SqlFileRepository::Find(const std::string& sha256) {
    app::FileRecord f;
    long long size = 0;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT sha256, size, media_type, created_at FROM files WHERE sha256 = :h", soci::use(sha256),
        soci::into(f.sha256, ind), soci::into(size), soci::into(f.media_type), soci::into(f.created_at);
    if (ind != soci::i_ok) return std::nullopt;
    f.size = size;
    return f;
}

void SqlFileRepository::Insert(const app::FileRecord& f, const std::optional<std::string>& content_b64) {
    if (auto existing = Find(f.sha256)) {
        // Known already: the bytes are added if the row had none (a directory store's row, then the
        // database chosen).
        if (content_b64 && !ContentBase64(f.sha256))
            s_ << "UPDATE files SET content_b64 = :c WHERE sha256 = :h", soci::use(*content_b64), soci::use(f.sha256);
        return;
    }
    long long size = f.size;
    std::string content = content_b64.value_or("");
    soci::indicator ind = content_b64 ? soci::i_ok : soci::i_null;
    s_ << "INSERT INTO files (sha256, size, media_type, content_b64, created_at) VALUES (:h, :s, :m, :c, :a)",
        soci::use(f.sha256), soci::use(size), soci::use(f.media_type), soci::use(content, ind), soci::use(f.created_at);
}

std::optional<std::string> SqlFileRepository::ContentBase64(const std::string& sha256) {
    std::string content;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT content_b64 FROM files WHERE sha256 = :h", soci::use(sha256), soci::into(content, ind);
    if (ind != soci::i_ok) return std::nullopt;
    return content;
}

std::int64_t SqlNotificationRepository::Insert(const app::NotificationRecord& n) {
    long long id = 0, user = n.user.value;
    NullableId dossier(n.dossier);
    int email = n.email ? 1 : 0;
    long long again = user;
    // Queued for e-mail in the same statement when asked and the user has an address.
    s_ << "INSERT INTO notifications (user_id, dossier_id, message, link, created_at, email_state, email_next_at) "
          "VALUES (:u, :d, :m, :l, :a, CASE WHEN :e = 1 AND EXISTS (SELECT 1 FROM users WHERE id = :u2 AND email <> "
          "'') THEN 'pending' ELSE '' END, :n) RETURNING id",
        soci::use(user), soci::use(dossier.value, dossier.ind), soci::use(n.message), soci::use(n.link),
        soci::use(n.created_at), soci::use(email), soci::use(again), soci::use(n.created_at), soci::into(id);
    return id;
}

std::vector<app::MailItem> SqlNotificationRepository::DueMail(const std::string& now, int limit) {
    app::MailItem m;
    long long id = 0;
    std::vector<app::MailItem> out;
    ForEachRow(
        s_,
        "SELECT n.id, u.email, u.display_name, n.message, n.link, n.email_attempts FROM notifications n JOIN users u "
        "ON u.id = n.user_id WHERE n.email_state = 'pending' AND n.email_next_at <= :now ORDER BY n.id LIMIT :lim",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(m.to_email));
            st.exchange(soci::into(m.to_name));
            st.exchange(soci::into(m.message));
            st.exchange(soci::into(m.link));
            st.exchange(soci::into(m.attempts));
            st.exchange(soci::use(now));
            st.exchange(soci::use(limit));
        },
        [&] {
            app::MailItem r = m;
            r.notification = id;
            out.push_back(std::move(r));
        });
    return out;
}

void SqlNotificationRepository::MailSent(std::int64_t notification, const std::string& at) {
    long long id = notification;
    s_ << "UPDATE notifications SET email_state = 'sent', emailed_at = :a, email_attempts = email_attempts + 1, "
          "email_error = '' WHERE id = :id",
        soci::use(at), soci::use(id);
}

void SqlNotificationRepository::MailFailed(std::int64_t notification, int attempts,
                                           const std::optional<std::string>& next_at, const std::string& error) {
    long long id = notification;
    std::string state = next_at ? "pending" : "failed";
    NullableText next;
    if (next_at) {
        next.value = *next_at;
        next.ind = soci::i_ok;
    }
    s_ << "UPDATE notifications SET email_state = :s, email_attempts = :n, email_next_at = :t, email_error = :e "
          "WHERE id = :id",
        soci::use(state), soci::use(attempts), soci::use(next.value, next.ind), soci::use(error), soci::use(id);
}

std::vector<app::NotificationRecord> SqlNotificationRepository::ForUser(UserId user, bool unread_only, int limit) {
    long long id = 0, u = user.value;
    NullableId dossier;
    NullableText read;
    app::NotificationRecord n;
    std::vector<app::NotificationRecord> out;
    ForEachRow(
        s_,
        std::string(
            "SELECT id, dossier_id, message, link, created_at, read_at FROM notifications WHERE user_id = :u ") +
            (unread_only ? "AND read_at IS NULL " : "") + "ORDER BY id DESC LIMIT " +
            std::to_string(std::clamp(limit, 1, 500)),
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(dossier.value, dossier.ind));
            st.exchange(soci::into(n.message));
            st.exchange(soci::into(n.link));
            st.exchange(soci::into(n.created_at));
            st.exchange(soci::into(read.value, read.ind));
            st.exchange(soci::use(u));
        },
        [&] {
            app::NotificationRecord r = n;
            r.id = id;
            r.user = user;
            r.dossier = dossier.As<DossierId>();
            r.read_at = read.ind == soci::i_ok ? std::optional<std::string>(read.value) : std::nullopt;
            out.push_back(std::move(r));
        });
    return out;
}

std::int64_t SqlNotificationRepository::CountUnread(UserId user) {
    long long u = user.value, count = 0;
    s_ << "SELECT COUNT(*) FROM notifications WHERE user_id = :u AND read_at IS NULL", soci::use(u), soci::into(count);
    return count;
}

std::int64_t SqlNotificationRepository::MarkRead(UserId user, std::int64_t id, const std::string& at) {
    long long u = user.value, n = id;
    return ExecCount(s_,
                     std::string("UPDATE notifications SET read_at = :a WHERE user_id = :u AND read_at IS NULL") +
                         (id ? " AND id = :n" : ""),
                     [&](soci::statement& st) {
                         st.exchange(soci::use(at));
                         st.exchange(soci::use(u));
                         if (n) st.exchange(soci::use(n));
                     });
}

namespace {

constexpr const char* kConsultationColumns =
    "SELECT id, dossier_id, opened_on, closes_on, working_days, opened_by, opened_at FROM consultations ";

template <class BindUse>
std::vector<app::ConsultationRecord> QueryConsultations(soci::session& s, const std::string& sql, BindUse bind_use) {
    long long id = 0, dossier = 0;
    int days = 0;
    std::string opened_on, closes_on;
    app::ConsultationRecord c;
    std::vector<app::ConsultationRecord> out;
    ForEachRow(
        s, sql,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(dossier));
            st.exchange(soci::into(opened_on));
            st.exchange(soci::into(closes_on));
            st.exchange(soci::into(days));
            st.exchange(soci::into(c.opened_by));
            st.exchange(soci::into(c.opened_at));
            bind_use(st);
        },
        [&] {
            app::ConsultationRecord r = c;
            r.id = id;
            r.dossier = DossierId{dossier};
            r.opened_on = ParseIsoDate(opened_on).value_or(Date{});
            r.closes_on = ParseIsoDate(closes_on).value_or(Date{});
            r.working_days = days;
            out.push_back(std::move(r));
        });
    return out;
}

}  // namespace

std::optional<app::ConsultationRecord> SqlDossierRepository::Consultation(DossierId dossier) {
    long long d = dossier.value;
    auto rows = QueryConsultations(s_, std::string(kConsultationColumns) + "WHERE dossier_id = :d",
                                   [&](soci::statement& st) { st.exchange(soci::use(d)); });
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

std::optional<app::ConsultationRecord> SqlDossierRepository::ConsultationById(std::int64_t id) {
    long long value = id;
    auto rows = QueryConsultations(s_, std::string(kConsultationColumns) + "WHERE id = :id",
                                   [&](soci::statement& st) { st.exchange(soci::use(value)); });
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

std::int64_t SqlDossierRepository::InsertConsultation(const app::ConsultationRecord& c) {
    long long id = 0, d = c.dossier.value;
    std::string opened = FormatIsoDate(c.opened_on), closes = FormatIsoDate(c.closes_on);
    int days = c.working_days;
    s_ << "INSERT INTO consultations (dossier_id, opened_on, closes_on, working_days, opened_by, opened_at) VALUES "
          "(:d, :o, :c, :w, :b, :a) RETURNING id",
        soci::use(d), soci::use(opened), soci::use(closes), soci::use(days), soci::use(c.opened_by),
        soci::use(c.opened_at), soci::into(id);
    return id;
}

std::vector<app::ConsultationRecord> SqlDossierRepository::OpenConsultations(const Date& day) {
    std::string d = FormatIsoDate(day);
    return QueryConsultations(
        s_, std::string(kConsultationColumns) + "WHERE opened_on <= :d1 AND closes_on >= :d2 ORDER BY id DESC",
        [&](soci::statement& st) {
            st.exchange(soci::use(d));
            st.exchange(soci::use(d));
        });
}

std::int64_t SqlDossierRepository::AddComment(const app::CommentRecord& c) {
    long long id = 0, consultation = c.consultation;
    NullableId nominee;
    if (c.nominee) nominee.value = *c.nominee, nominee.ind = soci::i_ok;
    s_ << "INSERT INTO consultation_comments (consultation_id, nominee_id, author_name, author_contact, body, "
          "client_key, created_at, status) VALUES (:c, :n, :an, :ac, :b, :k, :a, :s) RETURNING id",
        soci::use(consultation), soci::use(nominee.value, nominee.ind), soci::use(c.author_name),
        soci::use(c.author_contact), soci::use(c.body), soci::use(c.client_key), soci::use(c.created_at),
        soci::use(c.status), soci::into(id);
    return id;
}

std::vector<app::CommentRecord> SqlDossierRepository::Comments(std::int64_t consultation, bool published_only) {
    long long id = 0, cid = consultation;
    NullableId nominee;
    NullableText responded;
    app::CommentRecord c;
    std::vector<app::CommentRecord> out;
    ForEachRow(
        s_,
        std::string("SELECT id, nominee_id, author_name, author_contact, body, client_key, created_at, status, "
                    "moderated_by, response, responded_by, responded_at FROM consultation_comments WHERE "
                    "consultation_id = :c ") +
            (published_only ? "AND status = 'published' " : "") + "ORDER BY id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(nominee.value, nominee.ind));
            st.exchange(soci::into(c.author_name));
            st.exchange(soci::into(c.author_contact));
            st.exchange(soci::into(c.body));
            st.exchange(soci::into(c.client_key));
            st.exchange(soci::into(c.created_at));
            st.exchange(soci::into(c.status));
            st.exchange(soci::into(c.moderated_by));
            st.exchange(soci::into(c.response));
            st.exchange(soci::into(c.responded_by));
            st.exchange(soci::into(responded.value, responded.ind));
            st.exchange(soci::use(cid));
        },
        [&] {
            app::CommentRecord r = c;
            r.id = id;
            r.consultation = consultation;
            r.nominee = nominee.ind == soci::i_ok ? std::optional<std::int64_t>(nominee.value) : std::nullopt;
            r.responded_at = responded.ind == soci::i_ok ? std::optional<std::string>(responded.value) : std::nullopt;
            out.push_back(std::move(r));
        });
    return out;
}

std::int64_t SqlDossierRepository::CountCommentsSince(const std::string& client_key, const std::string& since) {
    long long count = 0;
    s_ << "SELECT COUNT(*) FROM consultation_comments WHERE client_key = :k AND created_at >= :s",
        soci::use(client_key), soci::use(since), soci::into(count);
    return count;
}

bool SqlDossierRepository::ModerateComment(std::int64_t consultation, std::int64_t comment, const std::string& status,
                                           const std::string& login) {
    long long c = consultation, n = comment;
    return ExecCount(s_,
                     "UPDATE consultation_comments SET status = :s, moderated_by = :l WHERE id = :n AND "
                     "consultation_id = :c",
                     [&](soci::statement& st) {
                         st.exchange(soci::use(status));
                         st.exchange(soci::use(login));
                         st.exchange(soci::use(n));
                         st.exchange(soci::use(c));
                     }) == 1;
}

bool SqlDossierRepository::RespondComment(std::int64_t consultation, std::int64_t comment, const std::string& response,
                                          const std::string& login, const std::string& at) {
    long long c = consultation, n = comment;
    return ExecCount(s_,
                     "UPDATE consultation_comments SET response = :r, responded_by = :l, responded_at = :a WHERE id = "
                     ":n AND consultation_id = :c",
                     [&](soci::statement& st) {
                         st.exchange(soci::use(response));
                         st.exchange(soci::use(login));
                         st.exchange(soci::use(at));
                         st.exchange(soci::use(n));
                         st.exchange(soci::use(c));
                     }) == 1;
}

}  // namespace tdkt::storage

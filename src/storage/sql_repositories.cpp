#include "storage/sql_repositories.h"

#include "domain/role.h"
#include "storage/sql_util.h"

namespace tdkt::storage {
namespace {

constexpr const char* kUserColumns =
    "SELECT id, login, display_name, password_hash, disabled, failed_count, locked_until_ms, created_at_ms FROM users ";

struct UserRow {
    long long id = 0, locked = 0, created = 0;
    std::string login, name, hash;
    int disabled = 0, failed = 0;

    void Bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(login));
        st.exchange(soci::into(name));
        st.exchange(soci::into(hash));
        st.exchange(soci::into(disabled));
        st.exchange(soci::into(failed));
        st.exchange(soci::into(locked));
        st.exchange(soci::into(created));
    }
    app::UserRecord Record() const {
        return {UserId{id}, login, name, hash, disabled != 0, failed, Timestamp{locked}, Timestamp{created}};
    }
};

// Runs `sql` (with optional bound parameters added by `bind_use`) and collects every row of users.
template <class BindUse>
std::vector<app::UserRecord> QueryUsers(soci::session& s, const std::string& sql, BindUse bind_use) {
    UserRow row;
    soci::statement st(s);
    st.alloc();
    st.prepare(sql);
    row.Bind(st);
    bind_use(st);
    st.define_and_bind();
    std::vector<app::UserRecord> out;
    if (st.execute(true)) {
        do out.push_back(row.Record());
        while (st.fetch());
    }
    return out;
}

constexpr const char* kAuditColumns =
    "SELECT id, at, user_id, user_login, action, entity_type, entity_id, before_json, after_json, request_id, "
    "prev_hash, hash FROM audit_log ";

struct AuditRow {
    long long id = 0, user_id = 0;
    soci::indicator user_ind = soci::i_null;
    domain::AuditEntry e;

    void Bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(e.at));
        st.exchange(soci::into(user_id, user_ind));
        st.exchange(soci::into(e.user_login));
        st.exchange(soci::into(e.action));
        st.exchange(soci::into(e.entity_type));
        st.exchange(soci::into(e.entity_id));
        st.exchange(soci::into(e.before_json));
        st.exchange(soci::into(e.after_json));
        st.exchange(soci::into(e.request_id));
        st.exchange(soci::into(e.prev_hash));
        st.exchange(soci::into(e.hash));
    }
    domain::AuditEntry Entry() const {
        domain::AuditEntry out = e;
        out.id = id;
        out.user_id = user_ind == soci::i_ok ? std::optional<std::int64_t>(user_id) : std::nullopt;
        return out;
    }
};

}  // namespace

// ---- users ------------------------------------------------------------------------------------

std::optional<app::UserRecord> SqlUserRepository::FindByLogin(std::string_view login) {
    std::string value(login);
    auto rows = QueryUsers(s_, std::string(kUserColumns) + "WHERE login = :login",
                           [&](soci::statement& st) { st.exchange(soci::use(value)); });
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

std::optional<app::UserRecord> SqlUserRepository::FindById(UserId id) {
    auto& hot = lease_.Hot();
    hot.user.id = id.value;
    if (!hot.FindUser()) return std::nullopt;
    const auto& u = hot.user;
    return app::UserRecord{
        id, u.login, u.name, u.hash, u.disabled != 0, u.failed, Timestamp{u.locked}, Timestamp{u.created}};
}

UserId SqlUserRepository::Insert(const app::UserRecord& u) {
    long long id = 0, locked = u.locked_until.ms, created = u.created_at.ms;
    int disabled = u.disabled ? 1 : 0, failed = u.failed_count;
    s_ << "INSERT INTO users (login, display_name, password_hash, disabled, failed_count, locked_until_ms, "
          "created_at_ms) VALUES (:l, :n, :h, :d, :f, :lu, :c) RETURNING id",
        soci::use(u.login), soci::use(u.display_name), soci::use(u.password_hash), soci::use(disabled),
        soci::use(failed), soci::use(locked), soci::use(created), soci::into(id);
    return UserId{id};
}

void SqlUserRepository::UpdatePassword(UserId id, const std::string& password_hash) {
    long long value = id.value;
    s_ << "UPDATE users SET password_hash = :h WHERE id = :id", soci::use(password_hash), soci::use(value);
}

void SqlUserRepository::UpdateSignInState(UserId id, int failed_count, Timestamp locked_until) {
    long long value = id.value, locked = locked_until.ms;
    s_ << "UPDATE users SET failed_count = :f, locked_until_ms = :l WHERE id = :id", soci::use(failed_count),
        soci::use(locked), soci::use(value);
}

void SqlUserRepository::SetDisabled(UserId id, bool disabled) {
    long long value = id.value;
    int flag = disabled ? 1 : 0;
    s_ << "UPDATE users SET disabled = :d WHERE id = :id", soci::use(flag), soci::use(value);
}

std::string SqlUserRepository::Email(UserId id) {
    long long value = id.value;
    std::string email;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT email FROM users WHERE id = :id", soci::use(value), soci::into(email, ind);
    return ind == soci::i_ok ? email : "";
}

void SqlUserRepository::SetEmail(UserId id, const std::string& email) {
    long long value = id.value;
    s_ << "UPDATE users SET email = :e WHERE id = :id", soci::use(email), soci::use(value);
}

std::vector<app::UserRecord> SqlUserRepository::List() {
    return QueryUsers(s_, std::string(kUserColumns) + "ORDER BY login", [](soci::statement&) {});
}

std::int64_t SqlUserRepository::Count() {
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM users", soci::into(n);
    return n;
}

std::vector<app::RoleGrant> SqlUserRepository::Grants(UserId id) {
    auto& hot = lease_.Hot();
    hot.grant.user = id.value;
    std::vector<app::RoleGrant> out;
    for (bool row = hot.FirstGrant(); row; row = hot.NextGrant()) {
        const auto& g = hot.grant;
        if (auto role = domain::RoleFromValue(g.role))
            out.push_back(
                {*role, UnitId{g.unit}, g.unit_name, g.parent_ind != soci::i_ok && g.ended_ind != soci::i_ok});
    }
    return out;
}

std::vector<UserId> SqlUserRepository::Holders(const std::vector<domain::Role>& roles,
                                               const std::vector<UnitId>& units) {
    if (roles.empty() || units.empty()) return {};
    std::vector<int> role_values;
    std::vector<long long> unit_values;
    std::string sql =
        "SELECT DISTINCT g.user_id FROM role_grants g JOIN users u ON u.id = g.user_id WHERE u.disabled = 0 "
        "AND g.role IN (";
    for (std::size_t i = 0; i < roles.size(); ++i) {
        sql += (i ? ", :r" : ":r") + std::to_string(i);
        role_values.push_back(static_cast<int>(roles[i]));
    }
    sql += ") AND g.unit_id IN (";
    for (std::size_t i = 0; i < units.size(); ++i) {
        sql += (i ? ", :u" : ":u") + std::to_string(i);
        unit_values.push_back(units[i].value);
    }
    sql += ") ORDER BY g.user_id";
    long long id = 0;
    std::vector<UserId> out;
    ForEachRow(
        s_, sql,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            for (auto& r : role_values) st.exchange(soci::use(r));
            for (auto& u : unit_values) st.exchange(soci::use(u));
        },
        [&] { out.push_back(UserId{id}); });
    return out;
}

void SqlUserRepository::AddGrant(UserId id, domain::Role role, UnitId unit) {
    long long user = id.value, unit_id = unit.value;
    int value = static_cast<int>(role);
    s_ << "INSERT INTO role_grants (user_id, role, unit_id) VALUES (:u, :r, :n)", soci::use(user), soci::use(value),
        soci::use(unit_id);
}

bool SqlUserRepository::RemoveGrant(UserId id, domain::Role role, UnitId unit) {
    long long user = id.value, unit_id = unit.value;
    int value = static_cast<int>(role);
    soci::statement st = (s_.prepare << "DELETE FROM role_grants WHERE user_id = :u AND role = :r AND unit_id = :n",
                          soci::use(user), soci::use(value), soci::use(unit_id));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

// ---- sessions ---------------------------------------------------------------------------------

void SqlSessionRepository::Insert(const app::SessionRecord& r) {
    long long user = r.user.value, created = r.created_at.ms, seen = r.last_seen_at.ms, expires = r.expires_at.ms;
    s_ << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at_ms, last_seen_at_ms, expires_at_ms) "
          "VALUES (:t, :u, :c, :cr, :s, :e)",
        soci::use(r.token_hash), soci::use(user), soci::use(r.csrf_token), soci::use(created), soci::use(seen),
        soci::use(expires);
}

std::optional<app::SessionRecord> SqlSessionRepository::FindByTokenHash(std::string_view token_hash) {
    auto& hot = lease_.Hot();
    hot.session.token_hash = token_hash;
    if (!hot.FindSession()) return std::nullopt;
    const auto& r = hot.session;
    return app::SessionRecord{r.token_hash,         UserId{r.user},    r.csrf,
                              Timestamp{r.created}, Timestamp{r.seen}, Timestamp{r.expires}};
}

void SqlSessionRepository::Touch(std::string_view token_hash, Timestamp seen_at) {
    std::string hash(token_hash);
    long long seen = seen_at.ms;
    s_ << "UPDATE sessions SET last_seen_at_ms = :s WHERE token_hash = :t", soci::use(seen), soci::use(hash);
}

void SqlSessionRepository::Delete(std::string_view token_hash) {
    std::string hash(token_hash);
    s_ << "DELETE FROM sessions WHERE token_hash = :t", soci::use(hash);
}

void SqlSessionRepository::DeleteForUser(UserId user) {
    long long id = user.value;
    s_ << "DELETE FROM sessions WHERE user_id = :u", soci::use(id);
}

std::int64_t SqlSessionRepository::DeleteExpired(Timestamp now, Timestamp idle_cutoff) {
    long long n = now.ms, idle = idle_cutoff.ms;
    soci::statement st = (s_.prepare << "DELETE FROM sessions WHERE expires_at_ms <= :n OR last_seen_at_ms <= :i",
                          soci::use(n), soci::use(idle));
    st.execute(true);
    return st.get_affected_rows();
}

// ---- units ------------------------------------------------------------------------------------

namespace {

constexpr const char* kUnitColumns =
    "SELECT u.id, u.code, u.name, u.parent_id, u.unit_type, u.valid_from, u.valid_to FROM units u ";

struct UnitRow {
    long long id = 0;
    std::string code, name, unit_type;
    NullableId parent;
    NullableText from, to;

    void Bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(code));
        st.exchange(soci::into(name));
        st.exchange(soci::into(parent.value, parent.ind));
        st.exchange(soci::into(unit_type));
        st.exchange(soci::into(from.value, from.ind));
        st.exchange(soci::into(to.value, to.ind));
    }
    app::UnitRecord Record() const {
        return {UnitId{id}, code, name, parent.As<UnitId>(), unit_type, from.AsDate(), to.AsDate()};
    }
};

template <class BindUse>
std::vector<app::UnitRecord> QueryUnits(soci::session& s, const std::string& sql, BindUse bind_use) {
    UnitRow row;
    std::vector<app::UnitRecord> out;
    ForEachRow(
        s, sql,
        [&](soci::statement& st) {
            row.Bind(st);
            bind_use(st);
        },
        [&] { out.push_back(row.Record()); });
    return out;
}

}  // namespace

std::optional<app::UnitRecord> SqlUnitRepository::Find(UnitId id) {
    auto& hot = lease_.Hot();
    hot.unit.id = id.value;
    if (!hot.FindUnit()) return std::nullopt;
    const auto& u = hot.unit;
    NullableText from, to;
    from.value = u.valid_from, from.ind = u.from_ind;
    to.value = u.valid_to, to.ind = u.to_ind;
    return app::UnitRecord{id,          u.code,
                           u.name,      u.parent_ind == soci::i_ok ? std::optional(UnitId{u.parent}) : std::nullopt,
                           u.unit_type, from.AsDate(),
                           to.AsDate()};
}

std::optional<app::UnitRecord> SqlUnitRepository::FindByCode(std::string_view code) {
    std::string value(code);
    auto rows = QueryUnits(s_, std::string(kUnitColumns) + "WHERE u.code = :c",
                           [&](soci::statement& st) { st.exchange(soci::use(value)); });
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

std::vector<app::UnitRecord> SqlUnitRepository::ReadUnits() {
    return QueryUnits(s_, std::string(kUnitColumns) + "ORDER BY u.id", [](soci::statement&) {});
}

std::shared_ptr<const UnitTreeCache::Tree> SqlUnitRepository::Tree() {
    // The version first: a change committed between this read and the tree's (PostgreSQL's write
    // transactions see each other's commits) leaves a newer tree under an older number, which the
    // next transaction replaces; the other order could keep an old tree under the new number.
    long long version = lease_.Hot().UnitTreeVersion();
    if (auto kept = tree_->Get(version)) return kept;
    auto tree = std::make_shared<UnitTreeCache::Tree>();
    tree->version = version;
    tree->units = ReadUnits();
    tree->lineage = ReadLineage();
    tree_->Put(tree);
    return tree;
}

std::vector<app::UnitRecord> SqlUnitRepository::List() { return tree_ ? Tree()->units : ReadUnits(); }

UnitId SqlUnitRepository::Insert(const app::UnitRecord& u) {
    long long id = 0;
    NullableId parent(u.parent);
    NullableText from(u.valid_from), to(u.valid_to);
    std::string folded = FoldedKey(u.name), key = SortKey(u.name);
    s_ << "INSERT INTO units (code, name, parent_id, unit_type, valid_from, valid_to, name_folded, sort_key) "
          "VALUES (:c, :n, :p, :t, :f, :to, :nf, :k) RETURNING id",
        soci::use(u.code), soci::use(u.name), soci::use(parent.value, parent.ind), soci::use(u.unit_type),
        soci::use(from.value, from.ind), soci::use(to.value, to.ind), soci::use(folded), soci::use(key), soci::into(id);
    return UnitId{id};
}

std::int64_t SqlUnitRepository::Count() {
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM units", soci::into(n);
    return n;
}

void SqlUnitRepository::UpdateCurrent(const app::UnitRecord& u) {
    long long id = u.id.value;
    NullableId parent(u.parent);
    NullableText from(u.valid_from), to(u.valid_to);
    std::string folded = FoldedKey(u.name), key = SortKey(u.name);
    s_ << "UPDATE units SET name = :n, parent_id = :p, unit_type = :t, valid_from = :f, valid_to = :to, "
          "name_folded = :nf, sort_key = :k WHERE id = :id",
        soci::use(u.name), soci::use(parent.value, parent.ind), soci::use(u.unit_type), soci::use(from.value, from.ind),
        soci::use(to.value, to.ind), soci::use(folded), soci::use(key), soci::use(id);
}

std::vector<app::UnitRecord> SqlUnitRepository::ListAsOf(const Date& date) {
    std::string d = FormatIsoDate(date);
    return QueryUnits(s_,
                      "SELECT u.id, u.code, v.name, v.parent_id, v.unit_type, u.valid_from, u.valid_to FROM "
                      "unit_versions v JOIN units u ON u.id = v.unit_id WHERE (v.valid_from IS NULL OR v.valid_from "
                      "<= :d1) AND (v.valid_to IS NULL OR v.valid_to > :d2) ORDER BY u.id",
                      [&](soci::statement& st) {
                          st.exchange(soci::use(d));
                          st.exchange(soci::use(d));
                      });
}

std::vector<app::UnitVersion> SqlUnitRepository::Versions(UnitId unit) {
    long long id = unit.value, vid = 0, unit_id = 0;
    NullableText from, to;
    NullableId parent, event;
    std::string name, type;
    std::vector<app::UnitVersion> out;
    ForEachRow(
        s_,
        "SELECT id, unit_id, valid_from, valid_to, name, parent_id, unit_type, event_id FROM unit_versions WHERE "
        "unit_id = :u ORDER BY COALESCE(valid_from, ''), id",
        [&](soci::statement& st) {
            st.exchange(soci::into(vid));
            st.exchange(soci::into(unit_id));
            st.exchange(soci::into(from.value, from.ind));
            st.exchange(soci::into(to.value, to.ind));
            st.exchange(soci::into(name));
            st.exchange(soci::into(parent.value, parent.ind));
            st.exchange(soci::into(type));
            st.exchange(soci::into(event.value, event.ind));
            st.exchange(soci::use(id));
        },
        [&] {
            out.push_back({vid, UnitId{unit_id}, from.AsDate(), to.AsDate(), name, parent.As<UnitId>(), type,
                           event.ind == soci::i_ok ? std::optional<std::int64_t>(event.value) : std::nullopt});
        });
    return out;
}

std::int64_t SqlUnitRepository::InsertVersion(const app::UnitVersion& v) {
    long long id = 0, unit = v.unit.value;
    NullableText from(v.valid_from), to(v.valid_to);
    NullableId parent(v.parent);
    long long event = v.event_id.value_or(0);
    soci::indicator event_ind = v.event_id ? soci::i_ok : soci::i_null;
    s_ << "INSERT INTO unit_versions (unit_id, valid_from, valid_to, name, parent_id, unit_type, event_id) VALUES "
          "(:u, :f, :t, :n, :p, :ty, :e) RETURNING id",
        soci::use(unit), soci::use(from.value, from.ind), soci::use(to.value, to.ind), soci::use(v.name),
        soci::use(parent.value, parent.ind), soci::use(v.unit_type), soci::use(event, event_ind), soci::into(id);
    return id;
}

void SqlUnitRepository::CloseOpenVersion(UnitId unit, const Date& date) {
    long long id = unit.value;
    std::string d = FormatIsoDate(date);
    s_ << "UPDATE unit_versions SET valid_to = :d WHERE unit_id = :u AND valid_to IS NULL", soci::use(d), soci::use(id);
}

std::int64_t SqlUnitRepository::InsertEvent(const app::UnitEvent& e) {
    long long id = 0, unit = e.unit.value;
    std::string d = FormatIsoDate(e.effective_date);
    s_ << "INSERT INTO unit_events (unit_id, kind, effective_date, document, note, recorded_at, recorded_by) VALUES "
          "(:u, :k, :d, :doc, :n, :at, :by) RETURNING id",
        soci::use(unit), soci::use(e.kind), soci::use(d), soci::use(e.document), soci::use(e.note),
        soci::use(e.recorded_at), soci::use(e.recorded_by), soci::into(id);
    return id;
}

std::vector<app::UnitEvent> SqlUnitRepository::Events(UnitId unit) {
    long long id = unit.value, eid = 0, subject = 0;
    std::string kind, date, document, note, at, by;
    std::vector<app::UnitEvent> out;
    ForEachRow(
        s_,
        "SELECT e.id, e.unit_id, e.kind, e.effective_date, e.document, e.note, e.recorded_at, e.recorded_by FROM "
        "unit_events e WHERE e.unit_id = :u1 OR e.id IN (SELECT event_id FROM unit_lineage WHERE predecessor_id = "
        ":u2 OR successor_id = :u3) ORDER BY e.effective_date, e.id",
        [&](soci::statement& st) {
            for (auto* x : {&eid, &subject}) st.exchange(soci::into(*x));
            for (auto* x : {&kind, &date, &document, &note, &at, &by}) st.exchange(soci::into(*x));
            for (int i = 0; i < 3; ++i) st.exchange(soci::use(id));
        },
        [&] {
            out.push_back({eid, UnitId{subject}, kind, ParseIsoDate(date).value_or(Date{}), document, note, at, by});
        });
    return out;
}

void SqlUnitRepository::InsertLineage(const app::LineageLink& l) {
    long long pred = l.predecessor.value, succ = l.successor.value, event = l.event_id;
    std::string d = FormatIsoDate(l.effective_date);
    s_ << "INSERT INTO unit_lineage (predecessor_id, successor_id, event_id, effective_date) VALUES (:p, :s, :e, :d)",
        soci::use(pred), soci::use(succ), soci::use(event), soci::use(d);
}

std::vector<app::LineageLink> SqlUnitRepository::Lineage() { return tree_ ? Tree()->lineage : ReadLineage(); }

std::vector<app::LineageLink> SqlUnitRepository::ReadLineage() {
    long long pred = 0, succ = 0, event = 0;
    std::string d;
    std::vector<app::LineageLink> out;
    ForEachRow(
        s_, "SELECT predecessor_id, successor_id, event_id, effective_date FROM unit_lineage ORDER BY effective_date",
        [&](soci::statement& st) {
            st.exchange(soci::into(pred));
            st.exchange(soci::into(succ));
            st.exchange(soci::into(event));
            st.exchange(soci::into(d));
        },
        [&] {
            out.push_back({UnitId{pred}, UnitId{succ}, event, ParseIsoDate(d).value_or(Date{})});
        });
    return out;
}

std::vector<app::YearRating> SqlUnitRepository::Ratings(UnitId unit) {
    long long id = unit.value;
    app::YearRating row;
    std::vector<app::YearRating> out;
    ForEachRow(
        s_, "SELECT year, rating, document FROM unit_ratings WHERE unit_id = :u ORDER BY year",
        [&](soci::statement& st) {
            st.exchange(soci::into(row.year));
            st.exchange(soci::into(row.rating));
            st.exchange(soci::into(row.document));
            st.exchange(soci::use(id));
        },
        [&] { out.push_back(row); });
    return out;
}

void SqlUnitRepository::SetRating(UnitId unit, const app::YearRating& r) {
    long long id = unit.value;
    int year = r.year;
    DeleteRating(unit, r.year);
    s_ << "INSERT INTO unit_ratings (unit_id, year, rating, document) VALUES (:u, :y, :r, :d)", soci::use(id),
        soci::use(year), soci::use(r.rating), soci::use(r.document);
}

bool SqlUnitRepository::DeleteRating(UnitId unit, int year) {
    long long id = unit.value;
    return ExecCount(s_, "DELETE FROM unit_ratings WHERE unit_id = :u AND year = :y", [&](soci::statement& st) {
               st.exchange(soci::use(id));
               st.exchange(soci::use(year));
           }) > 0;
}

// ---- audit ------------------------------------------------------------------------------------

std::string SqlAuditRepository::LockHeadHash() {
    if (locked_) return head_hash_;
    std::string hash;
    // SQLite: the write transaction (BEGIN IMMEDIATE) already holds the database's write lock.
    if (backend_ == Backend::kPostgresql)
        s_ << "SELECT last_hash FROM audit_head WHERE id = 1 FOR UPDATE", soci::into(hash);
    else
        s_ << "SELECT last_hash FROM audit_head WHERE id = 1", soci::into(hash);
    locked_ = true;
    head_hash_ = hash;
    return hash;
}

std::int64_t SqlAuditRepository::Append(const domain::AuditEntry& e) {
    long long id = 0, user = e.user_id.value_or(0);
    soci::indicator user_ind = e.user_id ? soci::i_ok : soci::i_null;
    s_ << "INSERT INTO audit_log (at, user_id, user_login, action, entity_type, entity_id, before_json, after_json, "
          "request_id, prev_hash, hash) VALUES (:at, :u, :ul, :a, :et, :ei, :b, :af, :r, :p, :h) RETURNING id",
        soci::use(e.at), soci::use(user, user_ind), soci::use(e.user_login), soci::use(e.action),
        soci::use(e.entity_type), soci::use(e.entity_id), soci::use(e.before_json), soci::use(e.after_json),
        soci::use(e.request_id), soci::use(e.prev_hash), soci::use(e.hash), soci::into(id);
    locked_ = true;
    head_hash_ = e.hash;
    pending_id_ = id;
    return id;
}

void SqlAuditRepository::FlushHead() {
    if (!pending_id_) return;
    long long id = *pending_id_;
    s_ << "UPDATE audit_head SET last_id = :id, last_hash = :h WHERE id = 1", soci::use(id), soci::use(head_hash_);
    pending_id_.reset();
}

std::vector<domain::AuditEntry> SqlAuditRepository::After(std::int64_t after_id, int limit) {
    AuditRow row;
    long long after = after_id;
    soci::statement st(s_);
    st.alloc();
    st.prepare(std::string(kAuditColumns) + "WHERE id > :a ORDER BY id LIMIT " + std::to_string(limit));
    row.Bind(st);
    st.exchange(soci::use(after));
    st.define_and_bind();
    std::vector<domain::AuditEntry> out;
    if (st.execute(true)) {
        do out.push_back(row.Entry());
        while (st.fetch());
    }
    return out;
}

std::pair<std::int64_t, std::string> SqlAuditRepository::Head() {
    if (pending_id_) return {*pending_id_, head_hash_};
    long long id = 0;
    std::string hash;
    s_ << "SELECT last_id, last_hash FROM audit_head WHERE id = 1", soci::into(id), soci::into(hash);
    return {id, hash};
}

app::AuditPage SqlAuditRepository::List(const app::AuditFilter& f) {
    // Each filter is always bound; an empty value disables it, so the SQL text never depends on input.
    std::string where =
        "WHERE (:et = '' OR entity_type = :et2) AND (:ei = '' OR entity_id = :ei2) AND (:ul = '' OR user_login = :ul2) "
        "AND (:f = '' OR at >= :f2) AND (:t = '' OR at < :t2) ";
    auto bind_filters = [&](soci::statement& st) {
        for (const std::string* v : {&f.entity_type, &f.entity_type, &f.entity_id, &f.entity_id, &f.user_login,
                                     &f.user_login, &f.from_at, &f.from_at, &f.to_at, &f.to_at})
            st.exchange(soci::use(*v));
    };
    app::AuditPage page;
    {
        long long total = 0;
        soci::statement st(s_);
        st.alloc();
        st.prepare("SELECT COUNT(*) FROM audit_log " + where);
        st.exchange(soci::into(total));
        bind_filters(st);
        st.define_and_bind();
        st.execute(true);
        page.total = total;
    }
    AuditRow row;
    soci::statement st(s_);
    st.alloc();
    st.prepare(std::string(kAuditColumns) + where + "ORDER BY id DESC LIMIT " + std::to_string(f.limit) + " OFFSET " +
               std::to_string(f.offset));
    row.Bind(st);
    bind_filters(st);
    st.define_and_bind();
    if (st.execute(true)) {
        do page.entries.push_back(row.Entry());
        while (st.fetch());
    }
    return page;
}

std::int64_t SqlAuditRepository::CountSince(std::string_view from_at) {
    std::string from(from_at);
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM audit_log WHERE at >= :f", soci::use(from), soci::into(n);
    return n;
}

}  // namespace tdkt::storage

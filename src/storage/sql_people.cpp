// People, their memberships and yearly records, and award history on SOCI.
#include <algorithm>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "storage/sql_repositories.h"
#include "storage/sql_util.h"

namespace tdkt::storage {
namespace {

constexpr const char* kPersonColumns =
    "SELECT p.id, p.full_name, p.gender, p.birth_date, p.national_id, p.category, p.direct_worker, p.position, "
    "p.phone, p.email, p.unit_id, COALESCE(u.name, ''), COALESCE(u.code, ''), (SELECT MIN(m.start_date) FROM "
    "memberships m WHERE m.person_id = p.id AND "
    "m.end_date IS NULL), p.created_at, p.updated_at FROM people p LEFT JOIN units u ON u.id = p.unit_id ";

struct PersonRow {
    long long id = 0;
    int direct = 0;
    std::string name, gender, category, position, phone, email, unit_name, unit_code, created, updated;
    NullableText birth, national_id, since;
    NullableId unit;

    void Bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(gender));
        st.exchange(soci::into(birth.value, birth.ind));
        st.exchange(soci::into(national_id.value, national_id.ind));
        st.exchange(soci::into(category));
        st.exchange(soci::into(direct));
        st.exchange(soci::into(position));
        st.exchange(soci::into(phone));
        st.exchange(soci::into(email));
        st.exchange(soci::into(unit.value, unit.ind));
        st.exchange(soci::into(unit_name));
        st.exchange(soci::into(unit_code));
        st.exchange(soci::into(since.value, since.ind));
        st.exchange(soci::into(created));
        st.exchange(soci::into(updated));
    }
    app::PersonRecord Record() const {
        app::PersonRecord p;
        p.id = PersonId{id};
        p.full_name = name;
        p.gender = gender;
        p.birth_date = birth.AsDate();
        p.national_id = national_id.ind == soci::i_ok ? national_id.value : "";
        p.category = category;
        p.direct_worker = direct != 0;
        p.position = position;
        p.phone = phone;
        p.email = email;
        p.unit = unit.As<UnitId>();
        p.unit_name = unit_name;
        p.unit_code = unit_code;
        p.unit_since = since.AsDate();
        p.created_at = created;
        p.updated_at = updated;
        return p;
    }
};

template <class BindUse>
std::vector<app::PersonRecord> QueryPeople(soci::session& s, const std::string& sql, BindUse bind_use) {
    PersonRow row;
    std::vector<app::PersonRecord> out;
    ForEachRow(
        s, sql,
        [&](soci::statement& st) {
            row.Bind(st);
            bind_use(st);
        },
        [&] { out.push_back(row.Record()); });
    return out;
}

// The bound values of a person row, in the column order of kPersonWrite.
struct PersonParams {
    std::string name, folded, key, gender, category, position, phone, email, created, updated;
    NullableText birth, national_id;
    NullableId unit;
    int direct = 0;

    explicit PersonParams(const app::PersonRecord& p)
        : name(p.full_name),
          folded(FoldedKey(p.full_name)),
          key(PersonSortKey(p.full_name)),
          gender(p.gender),
          category(p.category),
          position(p.position),
          phone(p.phone),
          email(p.email),
          created(p.created_at),
          updated(p.updated_at),
          birth(p.birth_date),
          unit(p.unit),
          direct(p.direct_worker ? 1 : 0) {
        if (!p.national_id.empty()) national_id.value = p.national_id, national_id.ind = soci::i_ok;
    }
};

// The rows of name_words under one key whose words hold every other word typed: the matches of a
// search by name alone, in Vietnamese order (ADR 0009).
struct WordWalk {
    std::string key;
    std::vector<std::string> patterns;  // "% w %" for each word typed that the key does not hold
};

std::string WalkWhere(const WordWalk& walk) {
    std::string sql = "WHERE word = :w ";
    for (std::size_t i = 0; i < walk.patterns.size(); ++i) sql += "AND words LIKE :p" + std::to_string(i) + " ";
    return sql;
}

void BindWalk(soci::statement& st, const WordWalk& walk) {
    st.exchange(soci::use(walk.key));
    for (const auto& pattern : walk.patterns) st.exchange(soci::use(pattern));
}

// A walk's rows counted up to one more than the cap: at most that many index entries read.
long long CountWalk(soci::session& s, const WordWalk& walk) {
    long long n = 0;
    soci::statement st(s);
    st.alloc();
    st.prepare("SELECT COUNT(*) FROM (SELECT 1 FROM name_words " + WalkWhere(walk) + "LIMIT " +
               std::to_string(app::kSearchCountCap + 1) + ") c");
    st.exchange(soci::into(n));
    BindWalk(st, walk);
    st.define_and_bind();
    st.execute(true);
    return n;
}

// The walk for the distinct words typed, and their count (capped) when the walk gives it.
std::pair<WordWalk, std::optional<long long>> ChooseWalk(soci::session& s, const std::vector<std::string>& typed) {
    if (typed.size() == 1) {
        WordWalk walk{typed[0], {}};
        return {walk, CountWalk(s, walk)};
    }
    // Every match is under each of its pairs: count each pair's rows up to the cap and walk the
    // fewest. With two words that walk reads the matches only.
    std::size_t a = 0, b = 1;
    long long fewest = -1;
    for (std::size_t i = 0; i < typed.size() && fewest != 0; ++i)
        for (std::size_t j = i + 1; j < typed.size() && fewest != 0; ++j) {
            long long n = CountWalk(s, WordWalk{WordPairKey(typed[i], typed[j]), {}});
            if (fewest < 0 || n < fewest) std::tie(fewest, a, b) = std::tuple(n, i, j);
        }
    bool common = fewest > app::kSearchCountCap;
    // Every pair common (three words or more): walk the first word typed with the last, as names are
    // usually typed a family name first and a given name last. Their matches then sit together
    // in the walk's order (given name, family name, middle), past the same two names' other middles.
    if (common) std::tie(a, b) = std::tuple(std::size_t{0}, typed.size() - 1);
    WordWalk walk{WordPairKey(typed[a], typed[b]), {}};
    for (std::size_t i = 0; i < typed.size(); ++i)
        if (i != a && i != b) walk.patterns.push_back("% " + typed[i] + " %");
    if (walk.patterns.empty() || fewest == 0) return {walk, fewest};
    if (!common) return {walk, CountWalk(s, walk)};  // at most the cap's rows read
    // Its matches counted by reading the pair's rows whole when there are few enough (a family
    // name with a given name: thousands); otherwise by the full-text index (nullopt).
    constexpr long long kWholeWalk = 30'000;
    std::string kept = "CASE WHEN ";
    for (std::size_t i = 0; i < walk.patterns.size(); ++i)
        kept += std::string(i ? " AND " : "") + "words LIKE :p" + std::to_string(i);
    kept += " THEN 1 ELSE 0 END";
    long long rows = 0, matches = 0;
    soci::statement st(s);
    st.alloc();
    st.prepare("SELECT COUNT(*), COALESCE(SUM(" + kept + "), 0) FROM (SELECT words FROM name_words " +
               "WHERE word = :w LIMIT " + std::to_string(kWholeWalk + 1) + ") t");
    st.exchange(soci::into(rows));
    st.exchange(soci::into(matches));
    for (const auto& pattern : walk.patterns) st.exchange(soci::use(pattern));  // in the text's order
    st.exchange(soci::use(walk.key));
    st.define_and_bind();
    st.execute(true);
    if (rows > kWholeWalk) return {walk, std::nullopt};
    return {walk, std::min<long long>(matches, app::kSearchCountCap + 1)};
}

// The people of `ids`, in that order.
std::vector<app::PersonRecord> PeopleInOrder(soci::session& s, std::vector<long long> ids) {
    if (ids.empty()) return {};
    std::string in;
    for (std::size_t i = 0; i < ids.size(); ++i) in += (i ? ", :i" : ":i") + std::to_string(i);
    auto rows = QueryPeople(s, std::string(kPersonColumns) + "WHERE p.id IN (" + in + ")", [&](soci::statement& st) {
        for (auto& i : ids) st.exchange(soci::use(i));
    });
    std::unordered_map<long long, app::PersonRecord*> by_id;
    for (auto& r : rows) by_id[r.id.value] = &r;
    std::vector<app::PersonRecord> out;
    for (long long i : ids) out.push_back(std::move(*by_id.at(i)));
    return out;
}

}  // namespace

// ---- people -----------------------------------------------------------------------------------

std::optional<app::PersonRecord> SqlPersonRepository::Find(PersonId id) {
    long long value = id.value;
    auto rows = QueryPeople(s_, std::string(kPersonColumns) + "WHERE p.id = :id",
                            [&](soci::statement& st) { st.exchange(soci::use(value)); });
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

std::optional<app::PersonRecord> SqlPersonRepository::FindByNationalId(std::string_view national_id) {
    std::string value(national_id);
    auto rows = QueryPeople(s_, std::string(kPersonColumns) + "WHERE p.national_id = :n",
                            [&](soci::statement& st) { st.exchange(soci::use(value)); });
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

PersonId SqlPersonRepository::Insert(const app::PersonRecord& person) {
    PersonParams p(person);
    long long id = 0;
    s_ << "INSERT INTO people (full_name, name_folded, sort_key, gender, birth_date, national_id, category, "
          "direct_worker, position, phone, email, unit_id, created_at, updated_at) VALUES (:n, :f, :k, :g, :b, :ni, "
          ":c, :d, :po, :ph, :e, :u, :cr, :up) RETURNING id",
        soci::use(p.name), soci::use(p.folded), soci::use(p.key), soci::use(p.gender),
        soci::use(p.birth.value, p.birth.ind), soci::use(p.national_id.value, p.national_id.ind), soci::use(p.category),
        soci::use(p.direct), soci::use(p.position), soci::use(p.phone), soci::use(p.email),
        soci::use(p.unit.value, p.unit.ind), soci::use(p.created), soci::use(p.updated), soci::into(id);
    WriteNameWords(s_, id, p.folded, p.key);
    return PersonId{id};
}

void SqlPersonRepository::Update(const app::PersonRecord& person) {
    PersonParams p(person);
    long long id = person.id.value;
    std::string old_folded, old_key;
    s_ << "SELECT name_folded, sort_key FROM people WHERE id = :id", soci::use(id), soci::into(old_folded),
        soci::into(old_key);
    if (old_folded != p.folded || old_key != p.key) {
        WriteNameWords(s_, id, old_folded, old_key, true);
        WriteNameWords(s_, id, p.folded, p.key);
    }
    s_ << "UPDATE people SET full_name = :n, name_folded = :f, sort_key = :k, gender = :g, birth_date = :b, "
          "national_id = :ni, category = :c, direct_worker = :d, position = :po, phone = :ph, email = :e, unit_id = "
          ":u, updated_at = :up WHERE id = :id",
        soci::use(p.name), soci::use(p.folded), soci::use(p.key), soci::use(p.gender),
        soci::use(p.birth.value, p.birth.ind), soci::use(p.national_id.value, p.national_id.ind), soci::use(p.category),
        soci::use(p.direct), soci::use(p.position), soci::use(p.phone), soci::use(p.email),
        soci::use(p.unit.value, p.unit.ind), soci::use(p.updated), soci::use(id);
}

app::PersonPage SqlPersonRepository::Search(const app::PersonQuery& q) {
    // The SQL text depends only on which filters are present (and how many units), never on values.
    std::string where = "WHERE 1 = 1 ";
    // The words of the folded name (ADR 0009): each must be a word of the name, in any order. Words
    // hold no quote or operator, so the index query is plain terms on both databases.
    std::vector<std::string> words = NameWords(q.name_folded);
    std::string terms;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (backend_ == Backend::kSqlite)
            terms += (i ? " \"" : "\"") + words[i] + "\"";
        else
            terms += (i ? " & '" : "'") + words[i] + "'";
    }
    // A prefix of digits as a range, so the unique index answers it on both databases.
    std::string nid_from = q.national_id_prefix, nid_to = q.national_id_prefix + ":";  // ':' follows '9'
    std::vector<long long> units;
    long long after = q.after_id ? q.after_id->value : 0;
    if (!words.empty())
        where += backend_ == Backend::kSqlite
                     ? "AND p.id IN (SELECT rowid FROM people_search WHERE people_search MATCH :q) "
                     : "AND to_tsvector('simple', p.name_folded) @@ to_tsquery('simple', :q) ";
    if (!q.national_id_prefix.empty()) where += "AND p.national_id >= :nid_from AND p.national_id < :nid_to ";
    if (!q.category.empty()) where += "AND p.category = :cat ";
    if (q.after_id) where += "AND p.id > :after ";
    if (q.units) {
        if (q.units->empty()) return {};
        where += "AND p.unit_id IN (";
        for (std::size_t i = 0; i < q.units->size(); ++i) {
            where += (i ? ", :u" : ":u") + std::to_string(i);
            units.push_back((*q.units)[i].value);
        }
        where += ") ";
    }
    auto bind = [&](soci::statement& st) {
        if (!words.empty()) st.exchange(soci::use(terms));
        if (!q.national_id_prefix.empty()) {
            st.exchange(soci::use(nid_from));
            st.exchange(soci::use(nid_to));
        }
        if (!q.category.empty()) st.exchange(soci::use(q.category));
        if (q.after_id) st.exchange(soci::use(after));
        for (auto& u : units) st.exchange(soci::use(u));
    };
    app::PersonPage page;
    if (q.after_id) {
        page.items = QueryPeople(
            s_, std::string(kPersonColumns) + where + "ORDER BY p.id LIMIT " + std::to_string(q.limit), bind);
        return page;
    }
    // A search by name alone is answered from name_words: counted there, and listed by name by
    // walking its rows in key order and stopping after the page. The same rows in the same order
    // as sorting every match (ADR 0009).
    std::optional<WordWalk> walk;
    std::optional<long long> total;
    if (!words.empty() && q.national_id_prefix.empty() && q.category.empty() && !q.units) {
        std::vector<std::string> typed;
        for (const auto& w : words)
            if (std::find(typed.begin(), typed.end(), w) == typed.end()) typed.push_back(w);
        std::tie(walk, total) = ChooseWalk(s_, typed);
    }
    if (!total) {
        total = 0;
        soci::statement st(s_);
        st.alloc();
        // With the name the only filter, SQLite counts in the word index alone: it stops at the cap
        // instead of gathering every match first, as `IN (SELECT …)` does.
        st.prepare(walk && backend_ == Backend::kSqlite
                       ? "SELECT COUNT(*) FROM (SELECT 1 FROM people_search WHERE people_search MATCH :q LIMIT " +
                             std::to_string(app::kSearchCountCap + 1) + ") c"
                       : "SELECT COUNT(*) FROM (SELECT 1 FROM people p " + where + "LIMIT " +
                             std::to_string(app::kSearchCountCap + 1) + ") c");
        st.exchange(soci::into(*total));
        bind(st);
        st.define_and_bind();
        st.execute(true);
    }
    page.total = *total;
    std::string dir = q.descending ? " DESC" : "";
    if (walk && q.sort == "name") {
        std::vector<long long> ids;
        long long id = 0;
        if (page.total > 0)
            ForEachRow(
                s_,
                "SELECT person_id FROM name_words " + WalkWhere(*walk) + "ORDER BY sort_key" + dir + ", person_id" +
                    dir + " LIMIT " + std::to_string(q.limit) + " OFFSET " + std::to_string(q.offset),
                [&](soci::statement& st) {
                    st.exchange(soci::into(id));
                    BindWalk(st, *walk);
                },
                [&] { ids.push_back(id); });
        page.items = PeopleInOrder(s_, ids);
        return page;
    }
    // PostgreSQL would walk the sort-key index and test each row's words when it expects many
    // matches; the matches of a common name cluster under its given name, so that walk can read a
    // million rows. Ordering by an expression keeps it on the word index, then sorts the matches.
    std::string key = !words.empty() && backend_ == Backend::kPostgresql ? "(p.sort_key || '')" : "p.sort_key";
    std::string order = q.sort == "birth_date" ? "p.birth_date" + dir + ", " + key
                        : q.sort == "unit"     ? "u.sort_key" + dir + ", " + key
                                               : key + dir;
    // The page's ids first, then their columns: the columns (the unit, the membership start) are then
    // read for the page's rows only, not for every row sorted.
    std::vector<long long> ids;
    long long id = 0;
    ForEachRow(
        s_,
        "SELECT p.id FROM people p " + std::string(q.sort == "unit" ? "LEFT JOIN units u ON u.id = p.unit_id " : "") +
            where + "ORDER BY " + order + ", p.id" + dir + " LIMIT " + std::to_string(q.limit) + " OFFSET " +
            std::to_string(q.offset),
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            bind(st);
        },
        [&] { ids.push_back(id); });
    page.items = PeopleInOrder(s_, ids);
    return page;
}

std::int64_t SqlPersonRepository::Count() {
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM people", soci::into(n);
    return n;
}

namespace {

constexpr const char* kMembershipColumns =
    "SELECT m.id, m.person_id, m.unit_id, u.name, m.start_date, m.end_date, m.position, m.document FROM memberships m "
    "JOIN units u ON u.id = m.unit_id ";

template <class BindUse>
std::vector<app::Membership> QueryMemberships(soci::session& s, const std::string& sql, BindUse bind_use) {
    long long id = 0, person = 0, unit = 0;
    std::string unit_name, start, position, document;
    NullableText end;
    std::vector<app::Membership> out;
    ForEachRow(
        s, sql,
        [&](soci::statement& st) {
            for (auto* x : {&id, &person, &unit}) st.exchange(soci::into(*x));
            st.exchange(soci::into(unit_name));
            st.exchange(soci::into(start));
            st.exchange(soci::into(end.value, end.ind));
            st.exchange(soci::into(position));
            st.exchange(soci::into(document));
            bind_use(st);
        },
        [&] {
            out.push_back({id, PersonId{person}, UnitId{unit}, unit_name, ParseIsoDate(start).value_or(Date{}),
                           end.AsDate(), position, document});
        });
    return out;
}

}  // namespace

std::vector<app::Membership> SqlPersonRepository::Memberships(PersonId person) {
    long long id = person.value;
    return QueryMemberships(s_, std::string(kMembershipColumns) + "WHERE m.person_id = :p ORDER BY m.start_date, m.id",
                            [&](soci::statement& st) { st.exchange(soci::use(id)); });
}

std::int64_t SqlPersonRepository::InsertMembership(const app::Membership& m) {
    long long id = 0, person = m.person.value, unit = m.unit.value;
    std::string start = FormatIsoDate(m.start_date);
    NullableText end(m.end_date);
    s_ << "INSERT INTO memberships (person_id, unit_id, start_date, end_date, position, document) VALUES (:p, :u, :s, "
          ":e, :po, :d) RETURNING id",
        soci::use(person), soci::use(unit), soci::use(start), soci::use(end.value, end.ind), soci::use(m.position),
        soci::use(m.document), soci::into(id);
    return id;
}

void SqlPersonRepository::EndMembership(std::int64_t membership_id, const Date& end_date) {
    long long id = membership_id;
    std::string end = FormatIsoDate(end_date);
    s_ << "UPDATE memberships SET end_date = :e WHERE id = :id", soci::use(end), soci::use(id);
}

std::vector<app::Membership> SqlPersonRepository::CurrentMemberships(UnitId unit) {
    long long id = unit.value;
    return QueryMemberships(
        s_, std::string(kMembershipColumns) + "WHERE m.unit_id = :u AND m.end_date IS NULL ORDER BY m.id",
        [&](soci::statement& st) { st.exchange(soci::use(id)); });
}

std::vector<app::Membership> SqlPersonRepository::MembershipsDuring(UnitId unit, const Date& from, const Date& to) {
    long long id = unit.value;
    std::string start = FormatIsoDate(from), end = FormatIsoDate(to);
    return QueryMemberships(
        s_,
        std::string(kMembershipColumns) +
            "WHERE m.unit_id = :u AND m.start_date < :t AND (m.end_date IS NULL OR m.end_date > :f) "
            "ORDER BY m.person_id, m.id",
        [&](soci::statement& st) {
            st.exchange(soci::use(id));
            st.exchange(soci::use(end));
            st.exchange(soci::use(start));
        });
}

void SqlPersonRepository::SetCurrentUnit(PersonId person, std::optional<UnitId> unit) {
    long long id = person.value;
    NullableId u(unit);
    s_ << "UPDATE people SET unit_id = :u WHERE id = :id", soci::use(u.value, u.ind), soci::use(id);
}

std::int64_t SqlPersonRepository::CountCurrentMembers(UnitId unit) {
    long long id = unit.value, n = 0;
    s_ << "SELECT COUNT(*) FROM people WHERE unit_id = :u", soci::use(id), soci::into(n);
    return n;
}

// ---- yearly records ---------------------------------------------------------------------------

std::vector<app::YearRating> SqlRecordRepository::Ratings(PersonId person) {
    long long id = person.value;
    app::YearRating row;
    std::vector<app::YearRating> out;
    ForEachRow(
        s_, "SELECT year, rating, document FROM person_ratings WHERE person_id = :p ORDER BY year",
        [&](soci::statement& st) {
            st.exchange(soci::into(row.year));
            st.exchange(soci::into(row.rating));
            st.exchange(soci::into(row.document));
            st.exchange(soci::use(id));
        },
        [&] { out.push_back(row); });
    return out;
}

void SqlRecordRepository::SetRating(PersonId person, const app::YearRating& r) {
    long long id = person.value;
    int year = r.year;
    DeleteRating(person, r.year);
    s_ << "INSERT INTO person_ratings (person_id, year, rating, document) VALUES (:p, :y, :r, :d)", soci::use(id),
        soci::use(year), soci::use(r.rating), soci::use(r.document);
}

bool SqlRecordRepository::DeleteRating(PersonId person, int year) {
    long long id = person.value;
    return ExecCount(s_, "DELETE FROM person_ratings WHERE person_id = :p AND year = :y", [&](soci::statement& st) {
               st.exchange(soci::use(id));
               st.exchange(soci::use(year));
           }) > 0;
}

std::vector<app::Leave> SqlRecordRepository::Leaves(PersonId person) {
    long long pid = person.value, id = 0;
    std::string kind, start, end, note;
    std::vector<app::Leave> out;
    ForEachRow(
        s_, "SELECT id, kind, start_date, end_date, note FROM leaves WHERE person_id = :p ORDER BY start_date, id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            for (auto* x : {&kind, &start, &end, &note}) st.exchange(soci::into(*x));
            st.exchange(soci::use(pid));
        },
        [&] {
            out.push_back(
                {id, person, kind, ParseIsoDate(start).value_or(Date{}), ParseIsoDate(end).value_or(Date{}), note});
        });
    return out;
}

std::int64_t SqlRecordRepository::InsertLeave(const app::Leave& l) {
    long long id = 0, person = l.person.value;
    std::string start = FormatIsoDate(l.start_date), end = FormatIsoDate(l.end_date);
    s_ << "INSERT INTO leaves (person_id, kind, start_date, end_date, note) VALUES (:p, :k, :s, :e, :n) RETURNING id",
        soci::use(person), soci::use(l.kind), soci::use(start), soci::use(end), soci::use(l.note), soci::into(id);
    return id;
}

std::vector<app::Discipline> SqlRecordRepository::Disciplines(PersonId person) {
    long long pid = person.value, id = 0;
    std::string form, start, decision, note;
    NullableText end;
    std::vector<app::Discipline> out;
    ForEachRow(
        s_,
        "SELECT id, form, start_date, end_date, decision, note FROM disciplines WHERE person_id = :p ORDER BY "
        "start_date, id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(form));
            st.exchange(soci::into(start));
            st.exchange(soci::into(end.value, end.ind));
            st.exchange(soci::into(decision));
            st.exchange(soci::into(note));
            st.exchange(soci::use(pid));
        },
        [&] {
            out.push_back({id, person, form, ParseIsoDate(start).value_or(Date{}), end.AsDate(), decision, note});
        });
    return out;
}

std::int64_t SqlRecordRepository::InsertDiscipline(const app::Discipline& d) {
    long long id = 0, person = d.person.value;
    std::string start = FormatIsoDate(d.start_date);
    NullableText end(d.end_date);
    s_ << "INSERT INTO disciplines (person_id, form, start_date, end_date, decision, note) VALUES (:p, :f, :s, :e, :d, "
          ":n) RETURNING id",
        soci::use(person), soci::use(d.form), soci::use(start), soci::use(end.value, end.ind), soci::use(d.decision),
        soci::use(d.note), soci::into(id);
    return id;
}

std::vector<app::Initiative> SqlRecordRepository::Initiatives(PersonId person) {
    long long pid = person.value, id = 0;
    int year = 0;
    std::string kind, title, scope, decision;
    NullableId used;
    std::vector<app::Initiative> out;
    ForEachRow(
        s_,
        "SELECT id, kind, title, year, scope, decision, used_by_award_id FROM initiatives WHERE person_id = :p ORDER "
        "BY year, id",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(kind));
            st.exchange(soci::into(title));
            st.exchange(soci::into(year));
            st.exchange(soci::into(scope));
            st.exchange(soci::into(decision));
            st.exchange(soci::into(used.value, used.ind));
            st.exchange(soci::use(pid));
        },
        [&] {
            out.push_back({id, person, kind, title, year, scope, decision, used.As<AwardId>()});
        });
    return out;
}

std::int64_t SqlRecordRepository::InsertInitiative(const app::Initiative& i) {
    long long id = 0, person = i.person.value;
    int year = i.year;
    NullableId used(i.used_by_award);
    s_ << "INSERT INTO initiatives (person_id, kind, title, year, scope, decision, used_by_award_id) VALUES (:p, :k, "
          ":t, :y, :s, :d, :u) RETURNING id",
        soci::use(person), soci::use(i.kind), soci::use(i.title), soci::use(year), soci::use(i.scope),
        soci::use(i.decision), soci::use(used.value, used.ind), soci::into(id);
    return id;
}

void SqlRecordRepository::LinkInitiative(std::int64_t initiative_id, AwardId award) {
    long long id = initiative_id, award_id = award.value;
    s_ << "UPDATE initiatives SET used_by_award_id = :a WHERE id = :id", soci::use(award_id), soci::use(id);
}

bool SqlRecordRepository::DeleteRecord(std::string_view kind, PersonId person, std::int64_t id) {
    std::string table = kind == "leave"        ? "leaves"
                        : kind == "discipline" ? "disciplines"
                        : kind == "initiative" ? "initiatives"
                                               : "";
    if (table.empty()) return false;
    long long pid = person.value, rid = id;
    return ExecCount(s_, "DELETE FROM " + table + " WHERE id = :id AND person_id = :p", [&](soci::statement& st) {
               st.exchange(soci::use(rid));
               st.exchange(soci::use(pid));
           }) > 0;
}

// ---- awards -----------------------------------------------------------------------------------

namespace {

constexpr const char* kAwardColumns =
    "SELECT a.id, a.subject_type, a.person_id, a.unit_id, a.household_name, a.award_code, a.year, a.kind, "
    "a.decision_number, a.decision_date, a.authority, a.prize_vnd, a.source, a.note, a.created_at, a.revoked_at, "
    "a.revoked_reason, a.revoke_ground, a.revoke_decision, a.recovery, a.recovered_at, CASE WHEN a.subject_type = "
    "'individual' THEN COALESCE(p.full_name, '') WHEN a.subject_type = "
    "'household' THEN "
    "a.household_name ELSE COALESCE(u.name, '') END FROM awards a LEFT JOIN people p ON p.id = a.person_id LEFT JOIN "
    "units u ON u.id = a.unit_id ";

template <class BindUse>
std::vector<app::AwardRecord> QueryAwards(soci::session& s, const std::string& sql, BindUse bind_use) {
    long long id = 0, prize = 0;
    int year = 0;
    NullableId person, unit;
    NullableText decided, revoked, recovered;
    app::AwardRecord a;
    std::vector<app::AwardRecord> out;
    ForEachRow(
        s, sql,
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(a.subject_type));
            st.exchange(soci::into(person.value, person.ind));
            st.exchange(soci::into(unit.value, unit.ind));
            st.exchange(soci::into(a.household_name));
            st.exchange(soci::into(a.award_code));
            st.exchange(soci::into(year));
            st.exchange(soci::into(a.kind));
            st.exchange(soci::into(a.decision_number));
            st.exchange(soci::into(decided.value, decided.ind));
            st.exchange(soci::into(a.authority));
            st.exchange(soci::into(prize));
            st.exchange(soci::into(a.source));
            st.exchange(soci::into(a.note));
            st.exchange(soci::into(a.created_at));
            st.exchange(soci::into(revoked.value, revoked.ind));
            st.exchange(soci::into(a.revoked_reason));
            st.exchange(soci::into(a.revoke_ground));
            st.exchange(soci::into(a.revoke_decision));
            st.exchange(soci::into(a.recovery));
            st.exchange(soci::into(recovered.value, recovered.ind));
            st.exchange(soci::into(a.subject_name));
            bind_use(st);
        },
        [&] {
            app::AwardRecord r = a;
            r.id = AwardId{id};
            r.revoked_at = revoked.ind == soci::i_ok ? std::optional(revoked.value) : std::nullopt;
            r.recovered_at = recovered.ind == soci::i_ok ? std::optional(recovered.value) : std::nullopt;
            r.person = person.As<PersonId>();
            r.unit = unit.As<UnitId>();
            r.year = year;
            r.decision_date = decided.AsDate();
            r.prize_vnd = prize;
            out.push_back(std::move(r));
        });
    return out;
}

}  // namespace

AwardId SqlAwardRepository::Insert(const app::AwardRecord& a) {
    long long id = 0, prize = a.prize_vnd;
    int year = a.year;
    NullableId person(a.person), unit(a.unit);
    NullableText decided(a.decision_date);
    s_ << "INSERT INTO awards (subject_type, person_id, unit_id, household_name, award_code, year, kind, "
          "decision_number, decision_date, authority, prize_vnd, source, note, created_at) VALUES (:st, :p, :u, :h, "
          ":c, :y, :k, :dn, :dd, :au, :pr, :so, :no, :cr) RETURNING id",
        soci::use(a.subject_type), soci::use(person.value, person.ind), soci::use(unit.value, unit.ind),
        soci::use(a.household_name), soci::use(a.award_code), soci::use(year), soci::use(a.kind),
        soci::use(a.decision_number), soci::use(decided.value, decided.ind), soci::use(a.authority), soci::use(prize),
        soci::use(a.source), soci::use(a.note), soci::use(a.created_at), soci::into(id);
    return AwardId{id};
}

std::optional<app::AwardRecord> SqlAwardRepository::Find(AwardId id) {
    long long value = id.value;
    auto rows = QueryAwards(s_, std::string(kAwardColumns) + "WHERE a.id = :id",
                            [&](soci::statement& st) { st.exchange(soci::use(value)); });
    return rows.empty() ? std::nullopt : std::optional(rows.front());
}

std::vector<app::AwardRecord> SqlAwardRepository::ForPerson(PersonId person) {
    long long value = person.value;
    return QueryAwards(s_,
                       std::string(kAwardColumns) +
                           "WHERE a.person_id = :p AND a.subject_type = 'individual' ORDER BY a.year DESC, a.id DESC",
                       [&](soci::statement& st) { st.exchange(soci::use(value)); });
}

std::vector<app::AwardRecord> SqlAwardRepository::ForUnits(const std::vector<UnitId>& units) {
    if (units.empty()) return {};
    std::vector<long long> ids;
    std::string in;
    for (std::size_t i = 0; i < units.size(); ++i) {
        in += (i ? ", :u" : ":u") + std::to_string(i);
        ids.push_back(units[i].value);
    }
    return QueryAwards(s_,
                       std::string(kAwardColumns) + "WHERE a.unit_id IN (" + in +
                           ") AND a.subject_type <> 'individual' ORDER BY a.year DESC, a.id DESC",
                       [&](soci::statement& st) {
                           for (auto& id : ids) st.exchange(soci::use(id));
                       });
}

bool SqlAwardRepository::Delete(AwardId id) {
    long long value = id.value;
    ExecCount(s_, "UPDATE initiatives SET used_by_award_id = NULL WHERE used_by_award_id = :a",
              [&](soci::statement& st) { st.exchange(soci::use(value)); });
    return ExecCount(s_, "DELETE FROM awards WHERE id = :id",
                     [&](soci::statement& st) { st.exchange(soci::use(value)); }) > 0;
}

bool SqlAwardRepository::Revoke(const app::AwardRecord& a, const std::string& at) {
    long long id = a.id.value;
    return ExecCount(s_,
                     "UPDATE awards SET revoked_at = :a, revoked_reason = :r, revoke_ground = :g, revoke_decision = "
                     ":d, recovery = :rc WHERE id = :id AND revoked_at IS NULL",
                     [&](soci::statement& st) {
                         st.exchange(soci::use(at));
                         st.exchange(soci::use(a.revoked_reason));
                         st.exchange(soci::use(a.revoke_ground));
                         st.exchange(soci::use(a.revoke_decision));
                         st.exchange(soci::use(a.recovery));
                         st.exchange(soci::use(id));
                     }) == 1;
}

bool SqlAwardRepository::MarkRecovered(AwardId award, const std::string& at) {
    long long id = award.value;
    return ExecCount(s_,
                     "UPDATE awards SET recovery = 'recovered', recovered_at = :a WHERE id = :id AND recovery = 'due'",
                     [&](soci::statement& st) {
                         st.exchange(soci::use(at));
                         st.exchange(soci::use(id));
                     }) == 1;
}

}  // namespace tdkt::storage

namespace tdkt::storage {

std::vector<domain::SubjectHistory> SqlRecordRepository::HistoriesBetween(PersonId after, PersonId last) {
    long long from = after.value, to = last.value;
    std::vector<domain::SubjectHistory> out;
    std::unordered_map<long long, std::size_t> index;
    auto bind = [&](soci::statement& st) {
        st.exchange(soci::use(from));
        st.exchange(soci::use(to));
    };
    long long person = 0;
    ForEachRow(
        s_, "SELECT id FROM people WHERE id > :a AND id <= :b ORDER BY id",
        [&](soci::statement& st) {
            st.exchange(soci::into(person));
            bind(st);
        },
        [&] {
            index.emplace(person, out.size());
            domain::SubjectHistory h;
            h.id = std::to_string(person);
            out.push_back(std::move(h));
        });
    auto of = [&](long long id) -> domain::SubjectHistory* {
        auto it = index.find(id);
        return it == index.end() ? nullptr : &out[it->second];
    };
    int year = 0;
    std::string text, code, kind;
    ForEachRow(
        s_, "SELECT person_id, year, rating FROM person_ratings WHERE person_id > :a AND person_id <= :b",
        [&](soci::statement& st) {
            st.exchange(soci::into(person));
            st.exchange(soci::into(year));
            st.exchange(soci::into(text));
            bind(st);
        },
        [&] {
            if (auto* h = of(person)) h->ratings[year] = text;
        });
    // Awards, and their ids for the initiatives that back them.
    std::unordered_map<long long, std::pair<std::string, int>> award_of;
    long long award_id = 0;
    NullableText decided;
    ForEachRow(
        s_,
        "SELECT id, person_id, award_code, year, kind, decision_date, decision_number FROM awards "
        "WHERE person_id > :a AND person_id <= :b AND revoked_at IS NULL",
        [&](soci::statement& st) {
            st.exchange(soci::into(award_id));
            st.exchange(soci::into(person));
            st.exchange(soci::into(code));
            st.exchange(soci::into(year));
            st.exchange(soci::into(kind));
            st.exchange(soci::into(decided.value, decided.ind));
            st.exchange(soci::into(text));
            bind(st);
        },
        [&] {
            if (auto* h = of(person)) h->awards.push_back({code, year, kind, decided.AsDate(), text});
            award_of[award_id] = {code, year};
        });
    NullableId used;
    ForEachRow(
        s_,
        "SELECT person_id, year, scope, title, used_by_award_id FROM initiatives WHERE person_id > :a AND "
        "person_id <= :b",
        [&](soci::statement& st) {
            st.exchange(soci::into(person));
            st.exchange(soci::into(year));
            st.exchange(soci::into(code));
            st.exchange(soci::into(text));
            st.exchange(soci::into(used.value, used.ind));
            bind(st);
        },
        [&] {
            auto* h = of(person);
            if (!h) return;
            domain::InitiativeRecord rec{text, year, code, "", 0};
            if (used.ind == soci::i_ok)
                if (auto it = award_of.find(used.value); it != award_of.end())
                    rec.used_by = it->second.first, rec.used_year = it->second.second;
            h->initiatives.push_back(std::move(rec));
        });
    std::string start;
    NullableText end;
    ForEachRow(
        s_, "SELECT person_id, form, start_date, end_date FROM disciplines WHERE person_id > :a AND person_id <= :b",
        [&](soci::statement& st) {
            st.exchange(soci::into(person));
            st.exchange(soci::into(code));
            st.exchange(soci::into(start));
            st.exchange(soci::into(end.value, end.ind));
            bind(st);
        },
        [&] {
            if (auto* h = of(person))
                h->discipline.push_back({code, ParseIsoDate(start).value_or(Date{}), end.AsDate()});
        });
    ForEachRow(
        s_,
        "SELECT person_id, start_date, end_date FROM leaves WHERE kind = 'maternity' AND person_id > :a AND "
        "person_id <= :b",
        [&](soci::statement& st) {
            st.exchange(soci::into(person));
            st.exchange(soci::into(start));
            st.exchange(soci::into(text));
            bind(st);
        },
        [&] {
            if (auto* h = of(person))
                h->maternity_leave.push_back(
                    {ParseIsoDate(start).value_or(Date{}), ParseIsoDate(text).value_or(Date{})});
        });
    ForEachRow(
        s_,
        "SELECT person_id, MIN(start_date) FROM memberships WHERE person_id > :a AND person_id <= :b GROUP BY "
        "person_id",
        [&](soci::statement& st) {
            st.exchange(soci::into(person));
            st.exchange(soci::into(start));
            bind(st);
        },
        [&] {
            if (auto* h = of(person)) h->service_start = ParseIsoDate(start);
        });
    return out;
}

}  // namespace tdkt::storage

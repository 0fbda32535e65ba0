#include "storage/migrations.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/time.h"
#include "storage/connection_pool.h"
#include "storage/sql_util.h"

namespace tdkt::embedded {
std::string_view migrations(std::string_view path);
std::vector<std::string> migrations_list();
}  // namespace tdkt::embedded

namespace tdkt::storage {
namespace {

constexpr long long kMigrationLockKey = 7'350'112'026;  // arbitrary, fixed: pg_advisory_lock key

void EnsureTable(soci::session& s) {
    s << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
         "applied_at TEXT NOT NULL)";
}

// Migration 2 adds the search keys of unit names, which SQL cannot compute (ICU): fill them here, in
// the migration's transaction.
void FillUnitKeys(soci::session& s) {
    std::vector<std::pair<long long, std::string>> units;
    long long id = 0;
    std::string name;
    ForEachRow(
        s, "SELECT id, name FROM units WHERE sort_key = ''",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(name));
        },
        [&] { units.emplace_back(id, name); });
    for (auto& [unit, unit_name] : units) {
        std::string folded = FoldedKey(unit_name), key = SortKey(unit_name);
        s << "UPDATE units SET name_folded = :f, sort_key = :k WHERE id = :id", soci::use(folded), soci::use(key),
            soci::use(unit);
    }
}

// Migration 3 adds name_words, one row per word of each person's folded name, and migration 15
// adds a row per pair of its words (NameWordRowsOf): fill it here.
void FillNameWords(soci::session& s) {
    long long id = 0;
    std::string folded, key;
    std::vector<std::tuple<long long, std::string, std::string>> people;
    ForEachRow(
        s, "SELECT id, name_folded, sort_key FROM people",
        [&](soci::statement& st) {
            st.exchange(soci::into(id));
            st.exchange(soci::into(folded));
            st.exchange(soci::into(key));
        },
        [&] { people.emplace_back(id, folded, key); });
    // Many rows per statement: a national database has millions of words to write.
    constexpr std::size_t kRows = 500;
    std::vector<std::string> texts;
    std::vector<long long> ids;
    auto flush = [&] {
        if (ids.empty()) return;
        std::string sql = "INSERT INTO name_words (word, sort_key, person_id, words) VALUES ";
        for (std::size_t i = 0; i < ids.size(); ++i) {
            auto n = std::to_string(i);
            sql += (i ? ", (:w" : "(:w") + n + ", :k" + n + ", :p" + n + ", :s" + n + ")";
        }
        soci::statement st(s);
        st.alloc();
        st.prepare(sql);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            st.exchange(soci::use(texts[3 * i]));
            st.exchange(soci::use(texts[3 * i + 1]));
            st.exchange(soci::use(ids[i]));
            st.exchange(soci::use(texts[3 * i + 2]));
        }
        st.define_and_bind();
        st.execute(true);
        texts.clear();
        ids.clear();
    };
    for (const auto& [person, name, sort_key] : people) {
        auto rows = NameWordRowsOf(name);
        for (const auto& w : rows.keys) {
            texts.insert(texts.end(), {w, sort_key, rows.spaced});
            ids.push_back(person);
            if (ids.size() == kRows) flush();
        }
    }
    flush();
}

void ApplyOne(soci::session& s, Backend backend, const Migration& m) {
    s << (backend == Backend::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    try {
        ExecScript(s, backend, m.sql);
        if (m.version == 2) FillUnitKeys(s);
        if (m.version == 3 || m.version == 15) FillNameWords(s);
        std::string at = FormatIsoUtc(SystemClock().Now());
        s << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)", soci::use(m.version),
            soci::use(m.name), soci::use(at);
        s << "COMMIT";
    } catch (const std::exception& e) {
        s << "ROLLBACK";
        throw std::runtime_error("migration " + std::to_string(m.version) + " (" + m.name + ") failed: " + e.what());
    }
}

}  // namespace

std::vector<Migration> EmbeddedMigrations(Backend backend) {
    std::string prefix = std::string(BackendName(backend)) + "/";
    std::vector<Migration> out;
    for (const auto& path : embedded::migrations_list()) {
        if (path.rfind(prefix, 0) != 0) continue;
        std::string file = path.substr(prefix.size());  // "0001_foundation.sql"
        int version = std::stoi(file.substr(0, 4));
        out.push_back({version, file.substr(5, file.size() - 9), std::string(embedded::migrations(path))});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    return out;
}

int SchemaVersion(soci::session& s) {
    EnsureTable(s);
    int version = 0;
    soci::indicator ind;
    s << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
    return ind == soci::i_ok ? version : 0;
}

MigrationReport ApplyMigrations(soci::session& s, Backend backend, const std::vector<Migration>& migrations) {
    // Several app servers may start at once against one PostgreSQL database: one migrates, the others wait.
    if (backend == Backend::kPostgresql) s << "SELECT pg_advisory_lock(" << kMigrationLockKey << ")";
    struct Unlock {
        soci::session& s;
        Backend b;
        ~Unlock() {
            try {
                if (b == Backend::kPostgresql) s << "SELECT pg_advisory_unlock(" << kMigrationLockKey << ")";
            } catch (...) {  // the lock ends with the connection anyway
            }
        }
    } unlock{s, backend};
    MigrationReport report;
    report.from_version = report.to_version = SchemaVersion(s);
    for (const auto& m : migrations) {
        if (m.version <= report.to_version) continue;
        ApplyOne(s, backend, m);
        report.applied.push_back(m.name);
        report.to_version = m.version;
    }
    // Migration 15 rewrote name_words: without fresh statistics and visibility map, PostgreSQL's
    // searches read the table's pages for every index entry (p95 30 ms instead of 23 ms on the
    // national data set, docs/performance.md). VACUUM runs outside a transaction, after the commit.
    bool rewrote_words =
        std::find(report.applied.begin(), report.applied.end(), "name_word_pairs") != report.applied.end();
    if (backend == Backend::kPostgresql && rewrote_words) s << "VACUUM (ANALYZE) name_words";
    return report;
}

}  // namespace tdkt::storage

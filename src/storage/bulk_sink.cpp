#include "storage/bulk_sink.h"

#include <libpq-fe.h>

// SOCI's SQLite backend header expects the SQLite API inside namespace sqlite_api (as SOCI builds it).
namespace sqlite_api {
#include <sqlite3.h>
}
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

#include "core/time.h"
#include "storage/sql_util.h"

namespace tdkt::storage {
namespace {

using namespace sqlite_api;

std::string Now() { return FormatIsoUtc(SystemClock().Now()); }

class SqliteSink final : public app::BulkSink {
  public:
    explicit SqliteSink(ConnectionPool::Lease lease) : lease_(std::move(lease)) {
        db_ = static_cast<soci::sqlite3_session_backend*>(lease_->get_backend())->conn_;
        Prepare(person_,
                "INSERT INTO people (id, full_name, name_folded, sort_key, gender, birth_date, national_id, category, "
                "direct_worker, position, unit_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,0,?,?,?,?)");
        Prepare(word_, "INSERT INTO name_words (word, sort_key, person_id, words) VALUES (?,?,?,?)");
        Prepare(membership_, "INSERT INTO memberships (person_id, unit_id, start_date, position) VALUES (?,?,?,?)");
        Prepare(rating_, "INSERT INTO person_ratings (person_id, year, rating) VALUES (?,?,?)");
        Prepare(award_,
                "INSERT INTO awards (subject_type, person_id, award_code, year, kind, prize_vnd, source, created_at) "
                "VALUES ('individual',?,?,?,'merit',?,'synthetic',?)");
        now_ = Now();
    }
    ~SqliteSink() override {
        for (auto* st : {person_, word_, membership_, rating_, award_}) sqlite3_finalize(st);
        if (open_) Exec("ROLLBACK");
    }
    void Person(const app::BulkPerson& p) override {
        Begin();
        std::string folded = FoldedKey(p.full_name), key = PersonSortKey(p.full_name),
                    birth = FormatIsoDate(p.birth_date), start = FormatIsoDate(p.start_date);
        sqlite3_bind_int64(person_, 1, p.id);
        Text(person_, 2, p.full_name);
        Text(person_, 3, folded);
        Text(person_, 4, key);
        Text(person_, 5, p.gender);
        Text(person_, 6, birth);
        Text(person_, 7, p.national_id);
        Text(person_, 8, p.category);
        Text(person_, 9, p.position);
        sqlite3_bind_int64(person_, 10, p.unit_id);
        Text(person_, 11, now_);
        Text(person_, 12, now_);
        Step(person_);
        auto words = NameWordRowsOf(folded);
        for (const auto& w : words.keys) {
            Text(word_, 1, w);
            Text(word_, 2, key);
            sqlite3_bind_int64(word_, 3, p.id);
            Text(word_, 4, words.spaced);
            Step(word_);
        }
        sqlite3_bind_int64(membership_, 1, p.id);
        sqlite3_bind_int64(membership_, 2, p.unit_id);
        Text(membership_, 3, start);
        Text(membership_, 4, p.position);
        Step(membership_);
    }
    void Rating(std::int64_t person, int year, std::string_view rating) override {
        Begin();
        sqlite3_bind_int64(rating_, 1, person);
        sqlite3_bind_int(rating_, 2, year);
        Text(rating_, 3, rating);
        Step(rating_);
    }
    void Award(std::int64_t person, std::string_view code, int year, std::int64_t prize) override {
        Begin();
        sqlite3_bind_int64(award_, 1, person);
        Text(award_, 2, code);
        sqlite3_bind_int(award_, 3, year);
        sqlite3_bind_int64(award_, 4, prize);
        Text(award_, 5, now_);
        Step(award_);
    }
    void Finish() override {
        if (open_) Exec("COMMIT");
        open_ = false;
    }
    std::int64_t MaxPersonId() override {
        long long id = 0;
        soci::indicator ind;
        *lease_ << "SELECT MAX(id) FROM people", soci::into(id, ind);
        return ind == soci::i_ok ? id : 0;
    }
    void Analyze() override { Finish(); }

  private:
    void Prepare(sqlite3_stmt*& st, const char* sql) {
        if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db_));
    }
    static void Text(sqlite3_stmt* st, int i, std::string_view v) {
        sqlite3_bind_text(st, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    }
    void Step(sqlite3_stmt* st) {
        if (sqlite3_step(st) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
        sqlite3_reset(st);
    }
    void Exec(const char* sql) {
        char* err = nullptr;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
            std::string message = err ? err : "sqlite error";
            sqlite3_free(err);
            throw std::runtime_error(message);
        }
    }
    void Begin() {
        if (!open_) Exec("BEGIN IMMEDIATE");
        open_ = true;
    }

    ConnectionPool::Lease lease_;
    sqlite3* db_ = nullptr;
    sqlite3_stmt *person_ = nullptr, *word_ = nullptr, *membership_ = nullptr, *rating_ = nullptr, *award_ = nullptr;
    bool open_ = false;
    std::string now_;
};

// COPY text format: tab-separated, \N for NULL; our values never hold tabs, newlines or backslashes
// (names are cleaned lines), but they are escaped anyway.
void CopyField(std::string& out, std::string_view v) {
    for (char c : v) {
        if (c == '\\' || c == '\t' || c == '\n' || c == '\r') out.push_back('\\');
        out.push_back(c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : c);
    }
}

class PostgresSink final : public app::BulkSink {
  public:
    explicit PostgresSink(ConnectionPool::Lease lease) : lease_(std::move(lease)) {
        conn_ = static_cast<soci::postgresql_session_backend*>(lease_->get_backend())->conn_;
        now_ = Now();
    }
    void Person(const app::BulkPerson& p) override {
        auto& b = people_;
        b += std::to_string(p.id) + '\t';
        CopyField(b, p.full_name);
        b += '\t';
        std::string folded = FoldedKey(p.full_name), key = PersonSortKey(p.full_name);
        CopyField(b, folded);
        b += '\t' + key + '\t' + p.gender + '\t' + FormatIsoDate(p.birth_date) + '\t' + p.national_id + '\t' +
             p.category + "\t0\t";
        CopyField(b, p.position);
        b += '\t' + std::to_string(p.unit_id) + '\t' + now_ + '\t' + now_ + '\n';
        auto words = NameWordRowsOf(folded);
        for (const auto& w : words.keys) {
            CopyField(words_, w);
            words_ += '\t' + key + '\t' + std::to_string(p.id) + '\t';
            CopyField(words_, words.spaced);
            words_ += '\n';
        }
        memberships_ +=
            std::to_string(p.id) + '\t' + std::to_string(p.unit_id) + '\t' + FormatIsoDate(p.start_date) + '\t';
        CopyField(memberships_, p.position);
        memberships_ += '\n';
        MaybeFlush();
    }
    void Rating(std::int64_t person, int year, std::string_view rating) override {
        ratings_ += std::to_string(person) + '\t' + std::to_string(year) + '\t' + std::string(rating) + '\n';
        MaybeFlush();
    }
    void Award(std::int64_t person, std::string_view code, int year, std::int64_t prize) override {
        awards_ += "individual\t" + std::to_string(person) + '\t' + std::string(code) + '\t' + std::to_string(year) +
                   "\tmerit\t" + std::to_string(prize) + "\tsynthetic\t" + now_ + '\n';
        MaybeFlush();
    }
    void Finish() override {
        Flush();
        if (open_) {
            Exec("SELECT setval(pg_get_serial_sequence('people', 'id'), (SELECT COALESCE(MAX(id), 1) FROM people))");
            Exec("COMMIT");
        }
        open_ = false;
    }
    std::int64_t MaxPersonId() override {
        long long id = 0;
        soci::indicator ind;
        *lease_ << "SELECT MAX(id) FROM people", soci::into(id, ind);
        return ind == soci::i_ok ? id : 0;
    }
    void Analyze() override {
        Finish();
        Exec("VACUUM (ANALYZE) people, memberships, person_ratings, awards, name_words");
    }
    ~PostgresSink() override {
        if (open_) PQclear(PQexec(conn_, "ROLLBACK"));
    }

  private:
    void Exec(const char* sql) {
        PGresult* r = PQexec(conn_, sql);
        auto status = PQresultStatus(r);
        std::string err = PQresultErrorMessage(r);
        PQclear(r);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw std::runtime_error(err);
    }
    void Copy(const char* table_columns, std::string& data) {
        if (data.empty()) return;
        if (!open_) Exec("BEGIN"), open_ = true;
        std::string sql = std::string("COPY ") + table_columns + " FROM STDIN";
        PGresult* r = PQexec(conn_, sql.c_str());
        bool ready = PQresultStatus(r) == PGRES_COPY_IN;
        std::string err = PQresultErrorMessage(r);
        PQclear(r);
        if (!ready) throw std::runtime_error(err);
        if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1 || PQputCopyEnd(conn_, nullptr) != 1)
            throw std::runtime_error(PQerrorMessage(conn_));
        while (PGresult* res = PQgetResult(conn_)) {
            bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
            std::string message = PQresultErrorMessage(res);
            PQclear(res);
            if (!ok) throw std::runtime_error(message);
        }
        data.clear();
    }
    void Flush() {
        // People first: the other tables refer to them.
        Copy(
            "people (id, full_name, name_folded, sort_key, gender, birth_date, national_id, category, direct_worker, "
            "position, unit_id, created_at, updated_at)",
            people_);
        Copy("name_words (word, sort_key, person_id, words)", words_);
        Copy("memberships (person_id, unit_id, start_date, position)", memberships_);
        Copy("person_ratings (person_id, year, rating)", ratings_);
        Copy("awards (subject_type, person_id, award_code, year, kind, prize_vnd, source, created_at)", awards_);
    }
    void MaybeFlush() {
        if (people_.size() + words_.size() + memberships_.size() + ratings_.size() + awards_.size() > (8u << 20))
            Flush();
    }

    ConnectionPool::Lease lease_;
    PGconn* conn_ = nullptr;
    std::string people_, words_, memberships_, ratings_, awards_, now_;
    bool open_ = false;
};

}  // namespace

std::unique_ptr<app::BulkSink> OpenBulkSink(ConnectionPool& pool) {
    auto lease = pool.Acquire();
    if (pool.backend() == Backend::kSqlite) return std::make_unique<SqliteSink>(std::move(lease));
    return std::make_unique<PostgresSink>(std::move(lease));
}

}  // namespace tdkt::storage

#include "storage/connection_pool.h"

#include <stdexcept>

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace tdkt::storage {
namespace {

// SQLite's memory statistics take a global mutex on every allocation (measured at 8 % of the
// server's CPU under load); tdkt never reads them. Must run before SQLite initialises.
const bool kSqliteConfigured = [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
}();

void Configure(soci::session& s, const DatabaseUrl& url) {
    if (url.backend == Backend::kSqlite) {
        if (url.path != ":memory:") s << "PRAGMA journal_mode=WAL";
        s << "PRAGMA foreign_keys=ON";
        s << "PRAGMA busy_timeout=10000";
        s << "PRAGMA synchronous=NORMAL";
        // Reads through a memory map, not a read() per page: a national data set is gigabytes.
        if (url.path != ":memory:") s << "PRAGMA mmap_size=2147418112";
    } else {
        s << "SET client_encoding TO 'UTF8'";
        s << "SET client_min_messages TO WARNING";
    }
}

}  // namespace

ConnectionPool::ConnectionPool(const DatabaseUrl& url, std::size_t size)
    : url_(url), size_(url.path == ":memory:" ? 1 : size), pool_(size_) {
    for (std::size_t i = 0; i < size_; ++i) {
        soci::session& s = pool_.at(i);
        if (url.backend == Backend::kSqlite)
            s.open(soci::sqlite3, url.connect_string);
        else
            s.open(soci::postgresql, url.connect_string);
        Configure(s, url);
        slots_.push_back({std::make_unique<TxStatements>(s, url.backend), nullptr});
    }
}

ConnectionPool::~ConnectionPool() {
    slots_.clear();  // statements before their connections
    for (std::size_t i = 0; i < size_; ++i) pool_.at(i).close();
}

void ExecScript(soci::session& session, Backend backend, const std::string& sql) {
    if (backend == Backend::kSqlite) {
        auto* be = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
        char* err = nullptr;
        if (sqlite_api::sqlite3_exec(be->conn_, sql.c_str(), nullptr, nullptr, &err) != 0) {  // SQLITE_OK
            std::string message = err ? err : "unknown error";
            sqlite_api::sqlite3_free(err);
            throw std::runtime_error("SQLite: " + message);
        }
        return;
    }
    auto* be = static_cast<soci::postgresql_session_backend*>(session.get_backend());
    PGresult* res = PQexec(be->conn_, sql.c_str());
    ExecStatusType status = PQresultStatus(res);
    std::string message = PQresultErrorMessage(res);
    PQclear(res);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw std::runtime_error("PostgreSQL: " + message);
}

}  // namespace tdkt::storage

#include "storage/sql_store.h"

#include <fmt/format.h>

#include "storage/sql_repositories.h"

namespace tdkt::storage {
namespace {

struct Bound {
    SqlUserRepository users;
    SqlSessionRepository sessions;
    SqlUnitRepository units;
    SqlAuditRepository audit;
    app::Repositories repos{users, sessions, units, audit};
    Bound(soci::session& s, Backend b) : users(s), sessions(s), units(s), audit(s, b) {}
};

void Rollback(soci::session& s) noexcept {
    try {
        s << "ROLLBACK";
    } catch (...) {  // the connection may be broken; nothing more to undo
    }
}

}  // namespace

SqlStore::SqlStore(const DatabaseUrl& url, std::size_t pool_size) : pool_(url, pool_size) {}

void SqlStore::Read(const std::function<void(app::Repositories&)>& fn) {
    auto lease = pool_.Acquire();
    bool pg = pool_.backend() == Backend::kPostgresql;
    *lease << (pg ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
    try {
        Bound bound(*lease, pool_.backend());
        fn(bound.repos);
        *lease << "COMMIT";
    } catch (...) {
        Rollback(*lease);
        throw;
    }
}

void SqlStore::Write(const std::function<bool(app::Repositories&)>& fn) {
    auto lease = pool_.Acquire();
    // SQLite: take the write lock up front, so a read-then-write transaction cannot fail half way.
    *lease << (pool_.backend() == Backend::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    try {
        Bound bound(*lease, pool_.backend());
        if (fn(bound.repos))
            *lease << "COMMIT";
        else
            Rollback(*lease);
    } catch (...) {
        Rollback(*lease);
        throw;
    }
}

MigrationReport SqlStore::Migrate() {
    auto lease = pool_.Acquire();
    return ApplyMigrations(*lease, pool_.backend(), EmbeddedMigrations(pool_.backend()));
}

int SqlStore::SchemaVersion() {
    auto lease = pool_.Acquire();
    return storage::SchemaVersion(*lease);
}

Result<std::unique_ptr<SqlStore>> OpenStore(std::string_view url_text, const OpenOptions& options) {
    auto url = ParseDatabaseUrl(url_text);
    if (!url) return tl::unexpected(url.error());
    std::unique_ptr<SqlStore> store;
    try {
        store = std::make_unique<SqlStore>(*url, options.pool_size);
    } catch (const std::exception& e) {
        return Fail(ErrorCode::kInternal, "database_unreachable",
                    fmt::format("Không kết nối được cơ sở dữ liệu {}.", url->display), e.what());
    }
    if (options.migrate) {
        try {
            store->Migrate();
        } catch (const std::exception& e) {
            return Fail(ErrorCode::kInternal, "migration_failed",
                        fmt::format("Không cập nhật được cấu trúc cơ sở dữ liệu {}.", url->display), e.what());
        }
    }
    return store;
}

}  // namespace tdkt::storage

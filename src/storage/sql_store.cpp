#include "storage/sql_store.h"

#include <fmt/format.h>

#include "storage/bulk_sink.h"
#include "storage/sql_repositories.h"

namespace tdkt::storage {
namespace {

struct Bound {
    SqlUserRepository users;
    SqlSessionRepository sessions;
    SqlUnitRepository units;
    SqlAuditRepository audit;
    SqlPersonRepository people;
    SqlRecordRepository records;
    SqlAwardRepository awards;
    SqlDossierRepository dossiers;
    SqlFileRepository files;
    SqlNotificationRepository notifications;
    SqlCouncilRepository councils;
    SqlDecisionRepository decisions;
    SqlImportJobRepository imports;
    app::Repositories repos{users,    sessions, units,         audit,    people,    records, awards,
                            dossiers, files,    notifications, councils, decisions, imports};
    Bound(const ConnectionPool::Lease& lease, Backend b, UnitTreeCache& tree)
        : users(lease),
          sessions(lease),
          units(lease, &tree),
          audit(*lease, b),
          people(*lease, b),
          records(*lease),
          awards(*lease),
          dossiers(*lease),
          files(*lease),
          notifications(*lease),
          councils(*lease, b),
          decisions(*lease),
          imports(*lease) {}
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
    lease.Tx().BeginRead();
    try {
        Bound bound(lease, pool_.backend(), tree_);
        fn(bound.repos);
        lease.Tx().Commit();
    } catch (...) {
        Rollback(*lease);
        throw;
    }
}

void SqlStore::Write(const std::function<bool(app::Repositories&)>& fn) {
    auto lease = pool_.Acquire();
    lease.Tx().BeginWrite();
    try {
        Bound bound(lease, pool_.backend(), tree_);
        if (fn(bound.repos)) {
            bound.audit.FlushHead();
            lease.Tx().Commit();
        } else
            Rollback(*lease);
    } catch (...) {
        Rollback(*lease);
        throw;
    }
}

std::unique_ptr<app::BulkSink> SqlStore::Bulk() { return OpenBulkSink(pool_); }

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

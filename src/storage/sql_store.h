#pragma once
// app::Store on SQLite or PostgreSQL through a pool of SOCI sessions.
#include <memory>

#include "app/ports.h"
#include "core/error.h"
#include "storage/connection_pool.h"
#include "storage/migrations.h"
#include "storage/unit_tree_cache.h"

namespace tdkt::storage {

class SqlStore final : public app::Store {
  public:
    SqlStore(const DatabaseUrl& url, std::size_t pool_size);
    std::string_view Backend() const override { return BackendName(pool_.backend()); }
    void Read(const std::function<void(app::Repositories&)>& fn) override;
    void Write(const std::function<bool(app::Repositories&)>& fn) override;
    std::unique_ptr<app::BulkSink> Bulk() override;

    MigrationReport Migrate();
    int SchemaVersion();
    const DatabaseUrl& url() const { return pool_.url(); }
    ConnectionPool& pool() { return pool_; }

  private:
    ConnectionPool pool_;
    UnitTreeCache tree_;
};

struct OpenOptions {
    std::size_t pool_size = 16;
    bool migrate = true;  // apply pending migrations before returning
};

// Parses the URL, connects and (by default) migrates. Connection failures come back as an Error
// with a Vietnamese message instead of an exception.
Result<std::unique_ptr<SqlStore>> OpenStore(std::string_view url, const OpenOptions& options = {});

}  // namespace tdkt::storage

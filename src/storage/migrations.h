#pragma once
// Numbered schema migrations, one SQL file per backend and version, compiled into the binary.
// Each runs in its own transaction with its row in schema_migrations: a migration that fails
// leaves the database exactly as it was before it.
#include <string>
#include <vector>

#include <soci/soci.h>

#include "storage/database_url.h"

namespace tdkt::storage {

struct Migration {
    int version;
    std::string name;
    std::string sql;
};

std::vector<Migration> EmbeddedMigrations(Backend backend);

struct MigrationReport {
    int from_version = 0;
    int to_version = 0;
    std::vector<std::string> applied;  // names of the migrations applied now
};

// Applies the pending migrations in order; throws std::runtime_error naming the failing migration.
MigrationReport ApplyMigrations(soci::session& session, Backend backend, const std::vector<Migration>& migrations);
int SchemaVersion(soci::session& session);

}  // namespace tdkt::storage

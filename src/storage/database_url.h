#pragma once
// Database URLs accepted everywhere (--db, TDKT_DB):
//   sqlite:PATH            a file, created when absent
//   sqlite::memory:        a private in-memory database (tests)
//   postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME   (postgres:// also accepted)
#include <string>
#include <string_view>

#include "core/error.h"

namespace tdkt::storage {

enum class Backend { kSqlite, kPostgresql };

struct DatabaseUrl {
    Backend backend = Backend::kSqlite;
    std::string connect_string;  // for SOCI
    std::string path;            // sqlite file path, ":memory:" for memory
    std::string display;         // the URL without its password, for logs
};

Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url);
std::string_view BackendName(Backend b);

}  // namespace tdkt::storage

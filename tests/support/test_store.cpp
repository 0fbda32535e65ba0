#include "support/test_store.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "core/crypto.h"

namespace tdkt::testing {
namespace {

std::string Env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

std::string LowerToken() {
    std::string t = crypto::RandomToken(9), out;
    for (char c : t) out += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : 'x';
    return out;
}

}  // namespace

TestDatabase::TestDatabase() {
    crypto::Init();
    backend_ = Env("TDKT_TEST_BACKEND").empty() ? "sqlite" : Env("TDKT_TEST_BACKEND");
    name_ = "tdkt_test_" + LowerToken();
    if (backend_ == "sqlite") {
        url_ = "sqlite:" + (std::filesystem::temp_directory_path() / (name_ + ".db")).string();
        return;
    }
    std::string base = Env("TDKT_TEST_PG_URL");
    if (base.empty())
        throw std::runtime_error("TDKT_TEST_PG_URL is not set: run the PostgreSQL suite through `make test`");
    admin_url_ = base + "/postgres";
    url_ = base + "/" + name_;
    auto parsed = storage::ParseDatabaseUrl(admin_url_);
    soci::session admin(soci::postgresql, parsed->connect_string);
    admin << "CREATE DATABASE " + name_;  // name_ is generated here, never input
}

TestDatabase::~TestDatabase() {
    try {
        if (backend_ == "sqlite") {
            std::string path = url_.substr(7);
            for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
            return;
        }
        soci::session admin(soci::postgresql, storage::ParseDatabaseUrl(admin_url_)->connect_string);
        admin << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
    } catch (...) {  // best effort: the cluster is thrown away at the end of the run anyway
    }
}

std::unique_ptr<storage::SqlStore> TestDatabase::Open(bool migrate, std::size_t pool) const {
    auto store = storage::OpenStore(url_, {pool, migrate});
    if (!store) throw std::runtime_error(store.error().message + " " + store.error().detail);
    return std::move(*store);
}

}  // namespace tdkt::testing

#pragma once
// A fresh database per test, on the backend named by TDKT_TEST_BACKEND (sqlite | postgresql).
// PostgreSQL needs TDKT_TEST_PG_URL (postgresql://USER@HOST:PORT), which `make test` provides by
// starting a throw-away cluster; each test gets its own database, dropped afterwards.
#include <atomic>
#include <memory>
#include <string>

#include "app/app.h"
#include "storage/sql_store.h"

namespace tdkt::testing {

class ManualClock final : public Clock {
  public:
    explicit ManualClock(Timestamp start) : now_(start.ms) {}
    Timestamp Now() const override { return Timestamp{now_.load()}; }
    void Advance(std::chrono::milliseconds d) { now_ += d.count(); }

  private:
    std::atomic<std::int64_t> now_;
};

class TestDatabase {
  public:
    TestDatabase();  // creates the database (file or PostgreSQL database); does not migrate
    ~TestDatabase();
    const std::string& url() const { return url_; }
    std::string backend() const { return backend_; }
    std::unique_ptr<storage::SqlStore> Open(bool migrate = true, std::size_t pool = 4) const;

  private:
    std::string backend_, url_, name_, admin_url_;
};

}  // namespace tdkt::testing

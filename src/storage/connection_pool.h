#pragma once
// A fixed set of open SOCI sessions shared by the request threads.
#include <memory>
#include <string>

#include <soci/connection-pool.h>
#include <soci/soci.h>

#include "storage/database_url.h"
#include "storage/hot_statements.h"

namespace tdkt::storage {

class ConnectionPool {
  public:
    // Opens `size` connections (one for an in-memory SQLite database, which is private to its connection).
    ConnectionPool(const DatabaseUrl& url, std::size_t size);
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    class Lease {
      public:
        Lease(ConnectionPool& pool, std::size_t pos) : pool_(&pool), pos_(pos) {}
        Lease(Lease&& other) noexcept : pool_(std::exchange(other.pool_, nullptr)), pos_(other.pos_) {}
        ~Lease() {
            if (pool_) pool_->pool_.give_back(pos_);
        }
        soci::session& operator*() const { return pool_->pool_.at(pos_); }
        soci::session* operator->() const { return &pool_->pool_.at(pos_); }
        TxStatements& Tx() const { return *pool_->slots_[pos_].tx; }
        // The connection's prepared hot-path statements, prepared on first use.
        HotStatements& Hot() const {
            auto& hot = pool_->slots_[pos_].hot;
            if (!hot) hot = std::make_unique<HotStatements>(pool_->pool_.at(pos_));
            return *hot;
        }

      private:
        ConnectionPool* pool_;
        std::size_t pos_;
    };

    Lease Acquire() { return Lease(*this, pool_.lease()); }
    Backend backend() const { return url_.backend; }
    const DatabaseUrl& url() const { return url_; }
    std::size_t size() const { return size_; }

  private:
    struct Slot {
        std::unique_ptr<TxStatements> tx;
        std::unique_ptr<HotStatements> hot;
    };
    DatabaseUrl url_;
    std::size_t size_;
    soci::connection_pool pool_;
    std::vector<Slot> slots_;  // one per connection, used only by the thread holding its lease
};

// Runs a whole SQL script (several statements) on the session's native connection.
void ExecScript(soci::session& session, Backend backend, const std::string& sql);

}  // namespace tdkt::storage

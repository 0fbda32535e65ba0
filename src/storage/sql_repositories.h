#pragma once
// The app ports implemented with SOCI. The same SQL runs on SQLite and PostgreSQL.
#include <soci/soci.h>

#include "app/ports.h"
#include "storage/connection_pool.h"
#include "storage/database_url.h"

namespace tdkt::storage {

class SqlUserRepository final : public app::UserRepository {
  public:
    explicit SqlUserRepository(const ConnectionPool::Lease& lease) : s_(*lease), lease_(lease) {}
    std::optional<app::UserRecord> FindByLogin(std::string_view login) override;
    std::optional<app::UserRecord> FindById(UserId id) override;
    UserId Insert(const app::UserRecord& user) override;
    void UpdatePassword(UserId id, const std::string& password_hash) override;
    void UpdateSignInState(UserId id, int failed_count, Timestamp locked_until) override;
    void SetDisabled(UserId id, bool disabled) override;
    std::vector<app::UserRecord> List() override;
    std::int64_t Count() override;
    std::vector<app::RoleGrant> Grants(UserId id) override;
    void AddGrant(UserId id, domain::Role role, UnitId unit) override;
    bool RemoveGrant(UserId id, domain::Role role, UnitId unit) override;

  private:
    soci::session& s_;
    const ConnectionPool::Lease& lease_;
};

class SqlSessionRepository final : public app::SessionRepository {
  public:
    explicit SqlSessionRepository(const ConnectionPool::Lease& lease) : s_(*lease), lease_(lease) {}
    void Insert(const app::SessionRecord& session) override;
    std::optional<app::SessionRecord> FindByTokenHash(std::string_view token_hash) override;
    void Touch(std::string_view token_hash, Timestamp seen_at) override;
    void Delete(std::string_view token_hash) override;
    void DeleteForUser(UserId user) override;
    std::int64_t DeleteExpired(Timestamp now, Timestamp idle_cutoff) override;

  private:
    soci::session& s_;
    const ConnectionPool::Lease& lease_;
};

class SqlUnitRepository final : public app::UnitRepository {
  public:
    explicit SqlUnitRepository(const ConnectionPool::Lease& lease) : s_(*lease), lease_(lease) {}
    std::optional<app::UnitRecord> Find(UnitId id) override;
    std::optional<app::UnitRecord> FindByCode(std::string_view code) override;
    std::vector<app::UnitRecord> List() override;
    UnitId Insert(const app::UnitRecord& unit) override;
    std::int64_t Count() override;

  private:
    soci::session& s_;
    const ConnectionPool::Lease& lease_;
};

class SqlAuditRepository final : public app::AuditRepository {
  public:
    SqlAuditRepository(soci::session& s, Backend backend) : s_(s), backend_(backend) {}
    std::string LockHeadHash() override;
    std::int64_t Append(const domain::AuditEntry& entry) override;
    std::vector<domain::AuditEntry> After(std::int64_t after_id, int limit) override;
    std::pair<std::int64_t, std::string> Head() override;
    app::AuditPage List(const app::AuditFilter& filter) override;
    std::int64_t CountSince(std::string_view from_at) override;

  private:
    soci::session& s_;
    Backend backend_;
};

}  // namespace tdkt::storage

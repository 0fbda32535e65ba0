#pragma once
// Ports: what the use cases need from storage. storage/ implements them on SQLite and PostgreSQL.
// All repositories handed to one Read/Write callback share one connection and one transaction.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "core/time.h"
#include "domain/audit_chain.h"
#include "domain/role.h"

namespace tdkt::app {

struct UserRecord {
    UserId id;
    std::string login;
    std::string display_name;
    std::string password_hash;
    bool disabled = false;
    int failed_count = 0;
    Timestamp locked_until{0};
    Timestamp created_at{0};
};

struct RoleGrant {
    domain::Role role = domain::Role::kViewer;
    UnitId unit;
    std::string unit_name;
    bool unit_is_root = false;  // the unit has no parent (the province)
};

struct SessionRecord {
    std::string token_hash;  // SHA-256 of the bearer token; the token itself is never stored
    UserId user;
    std::string csrf_token;
    Timestamp created_at{0};
    Timestamp last_seen_at{0};
    Timestamp expires_at{0};  // absolute expiry
};

struct UnitRecord {
    UnitId id;
    std::string code;
    std::string name;
    std::optional<UnitId> parent;
};

struct AuditFilter {
    std::string entity_type;
    std::string entity_id;
    std::string user_login;
    std::string from_at;  // inclusive ISO-8601 UTC lower bound, "" for none
    std::string to_at;    // exclusive upper bound, "" for none
    int limit = 50;
    int offset = 0;
};

struct AuditPage {
    std::vector<domain::AuditEntry> entries;  // newest first
    std::int64_t total = 0;
};

class UserRepository {
  public:
    virtual ~UserRepository() = default;
    virtual std::optional<UserRecord> FindByLogin(std::string_view login) = 0;
    virtual std::optional<UserRecord> FindById(UserId id) = 0;
    virtual UserId Insert(const UserRecord& user) = 0;
    virtual void UpdatePassword(UserId id, const std::string& password_hash) = 0;
    virtual void UpdateSignInState(UserId id, int failed_count, Timestamp locked_until) = 0;
    virtual void SetDisabled(UserId id, bool disabled) = 0;
    virtual std::vector<UserRecord> List() = 0;
    virtual std::int64_t Count() = 0;
    virtual std::vector<RoleGrant> Grants(UserId id) = 0;
    virtual void AddGrant(UserId id, domain::Role role, UnitId unit) = 0;
    virtual bool RemoveGrant(UserId id, domain::Role role, UnitId unit) = 0;
};

class SessionRepository {
  public:
    virtual ~SessionRepository() = default;
    virtual void Insert(const SessionRecord& session) = 0;
    virtual std::optional<SessionRecord> FindByTokenHash(std::string_view token_hash) = 0;
    virtual void Touch(std::string_view token_hash, Timestamp seen_at) = 0;
    virtual void Delete(std::string_view token_hash) = 0;
    virtual void DeleteForUser(UserId user) = 0;
    virtual std::int64_t DeleteExpired(Timestamp now, Timestamp idle_cutoff) = 0;
};

class UnitRepository {
  public:
    virtual ~UnitRepository() = default;
    virtual std::optional<UnitRecord> Find(UnitId id) = 0;
    virtual std::optional<UnitRecord> FindByCode(std::string_view code) = 0;
    virtual std::vector<UnitRecord> List() = 0;
    virtual UnitId Insert(const UnitRecord& unit) = 0;
    virtual std::int64_t Count() = 0;
};

class AuditRepository {
  public:
    virtual ~AuditRepository() = default;
    // Locks the chain head for this transaction (appends are serialised) and returns its hash.
    virtual std::string LockHeadHash() = 0;
    // Appends the entry (its prev_hash and hash already computed), moves the head, returns the id.
    virtual std::int64_t Append(const domain::AuditEntry& entry) = 0;
    // Entries with id > after_id in id order, at most `limit`.
    virtual std::vector<domain::AuditEntry> After(std::int64_t after_id, int limit) = 0;
    // The head as recorded: id and hash of the last entry appended (0 and the genesis hash when empty).
    virtual std::pair<std::int64_t, std::string> Head() = 0;
    virtual AuditPage List(const AuditFilter& filter) = 0;
    virtual std::int64_t CountSince(std::string_view from_at) = 0;
};

struct Repositories {
    UserRepository& users;
    SessionRepository& sessions;
    UnitRepository& units;
    AuditRepository& audit;
};

class Store {
  public:
    virtual ~Store() = default;
    // "sqlite" or "postgresql"
    virtual std::string_view Backend() const = 0;
    // Runs fn on one connection in one consistent snapshot. fn must only read (PostgreSQL enforces
    // it with a READ ONLY transaction; on SQLite it is the caller's contract).
    virtual void Read(const std::function<void(Repositories&)>& fn) = 0;
    // Runs fn in one write transaction; commits when fn returns true, rolls back when it returns
    // false or throws (the exception propagates).
    virtual void Write(const std::function<bool(Repositories&)>& fn) = 0;
};

}  // namespace tdkt::app

#pragma once
// The audit log is a hash chain: each entry's hash covers its own fields and the previous entry's
// hash, so editing, inserting or deleting any entry breaks every hash after it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tdkt::domain {

struct AuditEntry {
    std::int64_t id = 0;
    std::string at;  // ISO-8601 UTC, as stored
    std::optional<std::int64_t> user_id;
    std::string user_login;
    std::string action;       // e.g. "user.create"
    std::string entity_type;  // e.g. "user"
    std::string entity_id;
    std::string before_json;  // "" when the entity did not exist
    std::string after_json;   // "" when the entity was removed
    std::string request_id;
    std::string prev_hash;
    std::string hash;
};

// The hash of the chain before its first entry.
inline const std::string kAuditGenesisHash(64, '0');

// Hash of `entry` chained to `entry.prev_hash` (entry.hash and entry.id are not covered: ids are
// assigned by the database, the order is carried by prev_hash).
std::string ComputeAuditHash(const AuditEntry& entry);

struct ChainBreak {
    std::int64_t entry_id;
    std::string reason;  // Vietnamese
};

// Checks a run of consecutive entries; `expected_prev` is the hash the first one must point to.
std::optional<ChainBreak> FindChainBreak(const std::vector<AuditEntry>& entries, const std::string& expected_prev);

}  // namespace tdkt::domain

#pragma once
// Writing and checking the tamper-evident audit log (domain/audit_chain.h).
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "core/error.h"

namespace tdkt::app {

struct Change {
    std::string action;       // "user.create", "auth.login" …
    std::string entity_type;  // "user", "session", "role_grant" …
    std::string entity_id;
    nlohmann::json before;  // null when the entity did not exist
    nlohmann::json after;   // null when the entity was removed
};

// Appends one entry inside the caller's write transaction, chained to the current head.
void RecordChange(Repositories& repos, const Clock& clock, const RequestContext& ctx, const Change& change);

struct AuditVerification {
    std::int64_t entries_checked = 0;
    std::optional<domain::ChainBreak> first_break;
};

// Walks the whole chain in id order; also checks that the recorded head is the last entry
// (so deleting the newest entries is detected too).
AuditVerification VerifyAuditLog(App& app);

Result<AuditPage> ListAudit(App& app, const RequestContext& ctx, AuditFilter filter);

}  // namespace tdkt::app

#include "app/audit_log.h"

#include <algorithm>

#include "app/policy.h"
#include "domain/permission.h"

namespace tdkt::app {

void RecordChange(Repositories& repos, const Clock& clock, const RequestContext& ctx, const Change& change) {
    domain::AuditEntry e;
    e.at = FormatIsoUtc(clock.Now());
    if (ctx.actor) {
        e.user_id = ctx.actor->id.value;
        e.user_login = ctx.actor->login;
    } else if (ctx.system) {
        e.user_login = "system:" + (ctx.system_user.empty() ? std::string("cli") : ctx.system_user);
    }
    e.action = change.action;
    e.entity_type = change.entity_type;
    e.entity_id = change.entity_id;
    e.before_json = change.before.is_null() ? "" : change.before.dump();
    e.after_json = change.after.is_null() ? "" : change.after.dump();
    e.request_id = ctx.request_id;
    e.prev_hash = repos.audit.LockHeadHash();
    e.hash = domain::ComputeAuditHash(e);
    repos.audit.Append(e);
}

AuditVerification VerifyAuditLog(App& app) {
    constexpr int kBatch = 2000;
    AuditVerification result;
    app.store.Read([&](Repositories& repos) {
        std::string prev = domain::kAuditGenesisHash;
        std::int64_t last_id = 0;
        for (;;) {
            auto batch = repos.audit.After(last_id, kBatch);
            if (batch.empty()) break;
            if (auto br = domain::FindChainBreak(batch, prev)) {
                for (const auto& e : batch) {
                    if (e.id == br->entry_id) break;
                    ++result.entries_checked;
                }
                result.first_break = br;
                return;
            }
            result.entries_checked += static_cast<std::int64_t>(batch.size());
            prev = batch.back().hash;
            last_id = batch.back().id;
        }
        auto [head_id, head_hash] = repos.audit.Head();
        // The head names the last entry ever appended: when that entry is missing, the newest were deleted.
        if (head_id != last_id || head_hash != prev)
            result.first_break = domain::ChainBreak{
                head_id, "Bản ghi cuối cùng không khớp đầu chuỗi đã lưu: các bản ghi mới nhất đã bị xoá."};
    });
    return result;
}

Result<AuditPage> ListAudit(App& app, const RequestContext& ctx, AuditFilter filter) {
    if (auto allowed = AuthorizeSystemWide(ctx, domain::Action::kViewAudit); !allowed)
        return tl::unexpected(allowed.error());
    filter.limit = std::clamp(filter.limit, 1, 500);
    filter.offset = std::max(filter.offset, 0);
    AuditPage page;
    app.store.Read([&](Repositories& repos) { page = repos.audit.List(filter); });
    return page;
}

}  // namespace tdkt::app

#include "domain/audit_chain.h"

#include <fmt/format.h>

#include "core/crypto.h"

namespace tdkt::domain {
namespace {

// Length-prefixed so that no two different entries share a canonical form.
void Append(std::string& out, std::string_view field) {
    fmt::format_to(std::back_inserter(out), "{}:{};", field.size(), field);
}

}  // namespace

std::string ComputeAuditHash(const AuditEntry& e) {
    std::string canonical;
    Append(canonical, e.prev_hash);
    Append(canonical, e.at);
    Append(canonical, e.user_id ? std::to_string(*e.user_id) : std::string("-"));
    Append(canonical, e.user_login);
    Append(canonical, e.action);
    Append(canonical, e.entity_type);
    Append(canonical, e.entity_id);
    Append(canonical, e.before_json);
    Append(canonical, e.after_json);
    Append(canonical, e.request_id);
    return crypto::Sha256Hex(canonical);
}

std::optional<ChainBreak> FindChainBreak(const std::vector<AuditEntry>& entries, const std::string& expected_prev) {
    std::string prev = expected_prev;
    for (const auto& e : entries) {
        if (e.prev_hash != prev)
            return ChainBreak{e.id, "Liên kết tới bản ghi trước bị sai: có bản ghi đã bị xoá hoặc chèn thêm."};
        if (ComputeAuditHash(e) != e.hash)
            return ChainBreak{e.id, "Nội dung bản ghi không khớp mã băm: bản ghi đã bị sửa."};
        prev = e.hash;
    }
    return std::nullopt;
}

}  // namespace tdkt::domain

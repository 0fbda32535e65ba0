#include "web/audit_query.h"

#include <charconv>

#include <fmt/format.h>

#include "core/text.h"
#include "core/time.h"

namespace tdkt::web {
namespace {

Result<int> IntParam(const Request& req, const char* name, int fallback, int min, int max) {
    std::string v = req.Param(name);
    if (v.empty()) return fallback;
    int out = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || ptr != v.data() + v.size() || out < min || out > max)
        return Fail(ErrorCode::kValidation, "invalid_" + std::string(name),
                    fmt::format("Tham số «{}» phải là số nguyên từ {} đến {}.", name, min, max));
    return out;
}

Result<std::string> DayBound(const Request& req, const char* name, int add_days) {
    std::string v = req.Param(name);
    if (v.empty()) return std::string();
    auto d = ParseDateVi(v);
    if (!d) d = ParseIsoDate(v);
    if (!d)
        return Fail(ErrorCode::kValidation, "invalid_" + std::string(name),
                    fmt::format("Ngày «{}» không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 22/11/2026.", v));
    return FormatIsoUtc(StartOfVietnamDay(*d) + std::chrono::hours(24 * add_days));
}

}  // namespace

Result<app::AuditFilter> AuditFilterFrom(const Request& req) {
    app::AuditFilter f;
    f.entity_type = text::CleanLine(req.Param("entity_type"));
    f.entity_id = text::CleanLine(req.Param("entity_id"));
    f.user_login = text::CleanLine(req.Param("user"));
    auto from = DayBound(req, "from", 0);
    if (!from) return tl::unexpected(from.error());
    auto to = DayBound(req, "to", 1);  // inclusive day: up to the start of the next one
    if (!to) return tl::unexpected(to.error());
    auto limit = IntParam(req, "limit", 50, 1, 500);
    if (!limit) return tl::unexpected(limit.error());
    auto offset = IntParam(req, "offset", 0, 0, 100'000'000);
    if (!offset) return tl::unexpected(offset.error());
    f.from_at = *from;
    f.to_at = *to;
    f.limit = *limit;
    f.offset = *offset;
    return f;
}

}  // namespace tdkt::web

// GET /api/v1/audit — administrators read the audit log, filtered.
#include "app/audit_log.h"
#include "web/audit_query.h"
#include "web/json_io.h"
#include "web/routes.h"

namespace tdkt::web::api {

nlohmann::json AuditEntryJson(const domain::AuditEntry& e) {
    auto parse = [](const std::string& s) {
        return s.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(s, nullptr, false);
    };
    return {{"id", e.id},
            {"at", e.at},
            {"user_id", e.user_id ? nlohmann::json(*e.user_id) : nlohmann::json(nullptr)},
            {"user_login", e.user_login},
            {"action", e.action},
            {"entity_type", e.entity_type},
            {"entity_id", e.entity_id},
            {"before", parse(e.before_json)},
            {"after", parse(e.after_json)},
            {"request_id", e.request_id},
            {"hash", e.hash}};
}

void RegisterAudit(Router& router, app::App& app) {
    router.Get("/api/v1/audit", Kind::kApi, [&app](Request& req) {
        auto filter = AuditFilterFrom(req);
        if (!filter) return ErrorResponse(filter.error());
        auto page = app::ListAudit(app, req.Context(), *filter);
        if (!page) return ErrorResponse(page.error());
        nlohmann::json items = nlohmann::json::array();
        for (const auto& e : page->entries) items.push_back(AuditEntryJson(e));
        return JsonOk({{"items", items}, {"total", page->total}, {"limit", filter->limit}, {"offset", filter->offset}});
    });
}

}  // namespace tdkt::web::api

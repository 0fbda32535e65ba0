// GET /nhat-ky — administrators read the audit log, filtered and paged.
#include <fmt/format.h>

#include "app/audit_log.h"
#include "core/text.h"
#include "web/audit_query.h"
#include "web/page_util.h"
#include "web/routes.h"

namespace tdkt::web::pages {
namespace {

std::string PrettyJson(const std::string& s) {
    if (s.empty()) return "";
    auto j = nlohmann::json::parse(s, nullptr, false);
    return j.is_discarded() ? s : j.dump(2, ' ', false);
}

std::string PageLink(const Request& req, int offset) {
    std::string out = "/nhat-ky?offset=" + std::to_string(offset);
    for (const char* key : {"entity_type", "entity_id", "user", "from", "to", "limit"}) {
        std::string v = req.Param(key);
        if (v.empty()) continue;
        out += "&" + std::string(key) + "=";
        for (unsigned char c : v)
            out += std::isalnum(c) || c == '-' || c == '.' || c == '_' ? std::string(1, static_cast<char>(c))
                                                                       : fmt::format("%{:02X}", c);
    }
    return out;
}

// The same filter, as an Excel download.
std::string ExportLink(const Request& req) {
    std::string link = PageLink(req, 0);
    return "/nhat-ky.xlsx" + link.substr(link.find('?'));
}

}  // namespace

void RegisterAudit(Router& router, app::App& app) {
    router.Get("/nhat-ky", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        PageMeta meta{
            "Nhật ký hệ thống", "/nhat-ky",
            nlohmann::json::array({{{"label", "Tổng quan"}, {"href", "/"}}, {{"label", "Nhật ký hệ thống"}}})};
        nlohmann::json filter_values{{"entity_type", req.Param("entity_type")},
                                     {"user", req.Param("user")},
                                     {"from", req.Param("from")},
                                     {"to", req.Param("to")}};
        auto filter = AuditFilterFrom(req);
        if (!filter)
            return RenderPage(
                req, 422, meta, "audit",
                {{"filter", filter_values}, {"error", filter.error().message}, {"rows", nlohmann::json::array()}});
        auto page = app::ListAudit(app, req.Context(), *filter);
        if (!page) return PageError(req, page.error());
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& e : page->entries) {
            auto at = ParseIsoUtc(e.at);
            rows.push_back({{"id", std::to_string(e.id)},
                            {"at", at ? FormatDateTimeVi(*at) : e.at},
                            {"user", e.user_login.empty() ? "Khách (chưa đăng nhập)" : e.user_login},
                            {"action", AuditActionLabel(e.action)},
                            {"action_code", e.action},
                            {"entity", EntityTypeLabel(e.entity_type) + " #" + e.entity_id},
                            {"before", PrettyJson(e.before_json)},
                            {"after", PrettyJson(e.after_json)},
                            {"request_id", e.request_id},
                            {"hash", e.hash.substr(0, 12)}});
        }
        int shown_to = filter->offset + static_cast<int>(page->entries.size());
        return RenderPage(
            req, 200, meta, "audit",
            {{"filter", filter_values},
             {"rows", rows},
             {"empty", rows.empty()},
             {"total", text::FormatNumberVi(page->total)},
             {"range", fmt::format("{}–{}", rows.empty() ? 0 : filter->offset + 1, shown_to)},
             {"prev", filter->offset > 0 ? PageLink(req, std::max(0, filter->offset - filter->limit)) : ""},
             {"next", shown_to < page->total ? PageLink(req, shown_to) : ""},
             {"export", ExportLink(req)}});
    });
}

}  // namespace tdkt::web::pages

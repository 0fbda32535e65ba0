// GET /nhat-ky.xlsx — the filtered audit log as an Excel workbook (administrators).
#include <fmt/format.h>

#include "app/audit_log.h"
#include "reports/xlsx_table.h"
#include "web/audit_query.h"
#include "web/page_util.h"
#include "web/routes.h"

namespace tdkt::web::pages {

void RegisterAuditExport(Router& router, app::App& app) {
    router.Get(R"(/nhat-ky\.xlsx)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto filter = AuditFilterFrom(req);
        if (!filter) return PageError(req, filter.error());
        constexpr int kMaxRows = 10'000;  // one export; narrow the filter for more
        filter->limit = 500;
        reports::Table table{
            "Nhật ký",
            "NHẬT KÝ HỆ THỐNG",
            "Xuất lúc " + FormatDateTimeVi(app.clock.Now()) + " bởi " + req.session->actor.login,
            {"Mã", "Thời điểm", "Người thực hiện", "Thao tác", "Đối tượng", "Trước", "Sau", "Mã yêu cầu", "Mã băm"},
            {}};
        for (int offset = filter->offset; static_cast<int>(table.rows.size()) < kMaxRows; offset += filter->limit) {
            filter->offset = offset;
            auto page = app::ListAudit(app, req.Context(), *filter);
            if (!page) return PageError(req, page.error());
            for (const auto& e : page->entries) {
                auto at = ParseIsoUtc(e.at);
                table.rows.push_back({std::to_string(e.id), at ? FormatDateTimeVi(*at) : e.at,
                                      e.user_login.empty() ? "Khách (chưa đăng nhập)" : e.user_login,
                                      AuditActionLabel(e.action), EntityTypeLabel(e.entity_type) + " #" + e.entity_id,
                                      e.before_json, e.after_json, e.request_id, e.hash});
            }
            if (static_cast<int>(page->entries.size()) < filter->limit) break;
        }
        Response res{
            200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", reports::WriteXlsx(table), {}};
        res.headers.emplace_back("Content-Disposition", "attachment; filename=\"nhat-ky-he-thong.xlsx\"");
        return res;
    });
}

}  // namespace tdkt::web::pages

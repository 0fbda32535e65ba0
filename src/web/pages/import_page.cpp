// Excel import: GET /nhap-du-lieu (choose a kind, download its template, upload a file; the user's
// recent imports); POST /nhap-du-lieu starts the import in the background and shows its progress
// and result at GET /nhap-du-lieu/{job}; GET /nhap-du-lieu/mau/{kind}.xlsx is the template. The same through
// POST /api/v1/imports?kind=… with the xlsx as the body (synchronous).
#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/import.h"
#include "core/text.h"
#include "reports/xlsx_reader.h"
#include "reports/xlsx_table.h"
#include "web/error_mapper.h"
#include "web/json_io.h"
#include "web/page_util.h"
#include "web/routes.h"

namespace tdkt::web::pages {
namespace {

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The live progress of the imports this server runs (the job itself and its result are in the
// database: app::OpenImportJob, app::RunImportJob). Another server, or this one after a restart,
// shows a running job without its row count. Destroyed with the routes, after the server stops: it
// waits for running imports, so none is cut off half way (each is one transaction anyway).
struct Live {
    std::atomic<int> done{0}, total{0};
};

class Jobs {
  public:
    ~Jobs() {
        for (auto& t : threads_)
            if (t.joinable()) t.join();
    }
    Result<app::ImportJobRecord> Start(app::App& app, const app::RequestContext& ctx, app::ImportKind kind,
                                       const std::string& filename, std::vector<std::vector<std::string>> cells) {
        auto job = app::OpenImportJob(app, ctx, kind, filename, static_cast<int>(cells.size()));
        if (!job) return job;
        auto live = std::make_shared<Live>();
        live->total = static_cast<int>(cells.size());
        std::lock_guard lock(mu_);
        live_[job->id] = live;
        threads_.emplace_back([this, &app, ctx, record = *job, live, cells = std::move(cells)] {
            auto failure = app::RunImportJob(app, ctx, record, cells, [&](std::string_view, int done, int total) {
                live->done = done;
                live->total = total;
            });
            if (failure) spdlog::error("import {} failed: {}", record.id, *failure);
            std::lock_guard done_lock(mu_);
            live_.erase(record.id);
        });
        return job;
    }
    std::shared_ptr<Live> Find(const std::string& id) {
        std::lock_guard lock(mu_);
        auto it = live_.find(id);
        return it == live_.end() ? nullptr : it->second;
    }

  private:
    std::mutex mu_;
    std::unordered_map<std::string, std::shared_ptr<Live>> live_;
    std::vector<std::thread> threads_;
};

nlohmann::json Crumbs(const std::string& last) {
    return nlohmann::json::array({{{"label", "Tổng quan"}, {"href", "/"}},
                                  {{"label", "Nhập dữ liệu"}, {"href", "/nhap-du-lieu"}},
                                  {{"label", last}}});
}

nlohmann::json KindOptions(app::ImportKind selected) {
    nlohmann::json out = nlohmann::json::array();
    for (auto kind :
         {app::ImportKind::kPeople, app::ImportKind::kUnits, app::ImportKind::kRatings, app::ImportKind::kAwards}) {
        nlohmann::json columns = nlohmann::json::array();
        for (const auto& c : app::ImportColumns(kind))
            columns.push_back(
                {{"label", std::string(c.label)}, {"required", c.required}, {"note", std::string(c.note)}});
        out.push_back({{"code", std::string(app::ImportKindCode(kind))},
                       {"label", std::string(app::ImportKindLabel(kind))},
                       {"selected", kind == selected},
                       {"columns", columns}});
    }
    return out;
}

std::string StateLabel(const app::ImportJob& j) {
    if (j.interrupted) return "Bị gián đoạn";
    if (j.record.state == "running") return "Đang nhập";
    if (j.record.state == "done") return j.record.rows_read ? "Đã nhập" : "Tệp trống";
    if (j.record.state == "rejected") return "Có dòng lỗi, chưa nhập";
    return "Lỗi hệ thống";
}

Response UploadPage(app::App& app, const Request& req, int status, const std::string& error, app::ImportKind kind) {
    nlohmann::json recent = nlohmann::json::array();
    if (auto jobs = app::RecentImportJobs(app, req.Context(), 10))
        for (const auto& j : *jobs)
            recent.push_back({{"id", j.record.id},
                              {"filename", j.record.file_name},
                              {"kind", std::string(app::ImportKindLabel(j.kind))},
                              {"started", WhenVi(j.record.started_at)},
                              {"state", StateLabel(j)},
                              {"ok", j.record.state == "done" && j.record.rows_read > 0}});
    return RenderPage(
        req, status,
        {"Nhập dữ liệu", "/nhap-du-lieu",
         nlohmann::json::array({{{"label", "Tổng quan"}, {"href", "/"}}, {{"label", "Nhập dữ liệu"}}})},
        "import",
        {{"kinds", KindOptions(kind)}, {"error", error}, {"recent", recent}, {"has_recent", !recent.empty()}});
}

Response JobPage(const Request& req, const app::ImportJob& job, const std::shared_ptr<Live>& live) {
    const auto& r = job.record;
    bool running = r.state == "running" && !job.interrupted;
    nlohmann::json data{{"id", r.id},
                        {"kind", std::string(app::ImportKindLabel(job.kind))},
                        {"filename", r.file_name},
                        {"started", WhenVi(r.started_at)},
                        {"running", running},
                        {"live", running && live != nullptr}};
    if (running && live) {
        int done = live->done, total = std::max(1, live->total.load());
        data["percent"] = std::to_string(std::min(100, done * 100 / total));
        data["done"] = text::FormatNumberVi(done);
        data["total"] = text::FormatNumberVi(live->total.load());
    }
    if (!running) {
        data["error"] = job.interrupted ? "Lượt nhập bị gián đoạn vì máy chủ dừng khi đang nhập; chưa có dòng nào được "
                                          "ghi. Vui lòng nhập lại tệp."
                                        : r.error;
        data["imported"] = text::FormatNumberVi(r.imported);
        data["rows"] = text::FormatNumberVi(r.rows_read);
        data["success"] = r.state == "done" && r.rows_read > 0;
        data["empty_file"] = r.state == "done" && r.rows_read == 0;
        nlohmann::json problems = nlohmann::json::array();
        for (const auto& p : job.problems)
            problems.push_back({{"row", std::to_string(p.row)}, {"column", p.column}, {"message", p.message}});
        data["problems"] = problems;
        data["has_problems"] = !problems.empty();
        data["problem_count"] = text::FormatNumberVi(static_cast<std::int64_t>(problems.size()));
    }
    // htmx polls the progress block; the block stops polling once the job has finished.
    if (req.Header("HX-Request") == "true" && req.Header("HX-Target") == "import-progress")
        return Response::Html(200, RenderTemplate("import_progress", data));
    data["progress"] = RenderTemplate("import_progress", data);
    return RenderPage(req, 200, {"Kết quả nhập dữ liệu", "/nhap-du-lieu", Crumbs(r.file_name)}, "import_job", data);
}

reports::Table Template(app::ImportKind kind) {
    reports::Table t{std::string(app::ImportKindLabel(kind)),
                     "MẪU NHẬP DỮ LIỆU — " + std::string(app::ImportKindLabel(kind)),
                     "Cột có dấu * là bắt buộc. Dòng 5 là ví dụ: sửa hoặc xoá trước khi nhập. Giữ nguyên dòng tiêu đề.",
                     {},
                     {}};
    std::vector<std::string> example;
    for (const auto& c : app::ImportColumns(kind)) {
        t.columns.push_back(std::string(c.label) + (c.required ? " *" : ""));
        example.push_back(std::string(c.example));
    }
    t.rows.push_back(example);
    return t;
}

}  // namespace

void RegisterImport(Router& router, app::App& app) {
    auto jobs = std::make_shared<Jobs>();
    router.Get("/nhap-du-lieu", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto kind = app::ImportKindFromCode(req.Param("loai")).value_or(app::ImportKind::kPeople);
        return UploadPage(app, req, 200, "", kind);
    });
    router.Get(R"(/nhap-du-lieu/mau/(units|people|ratings|awards)\.xlsx)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto kind = *app::ImportKindFromCode(req.captures[0]);
        Response res{200, kXlsxType, reports::WriteXlsx(Template(kind)), {}};
        res.headers.emplace_back("Content-Disposition",
                                 fmt::format("attachment; filename=\"mau-nhap-{}.xlsx\"", app::ImportKindCode(kind)));
        return res;
    });
    router.Post("/nhap-du-lieu", Kind::kPage, [&app, jobs](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto kind = app::ImportKindFromCode(req.Param("kind"));
        if (!kind) return UploadPage(app, req, 422, "Vui lòng chọn loại dữ liệu cần nhập.", app::ImportKind::kPeople);
        const UploadedFile* file = nullptr;
        for (const auto& f : req.files)
            if (f.field == "file" && !f.content.empty()) file = &f;
        if (!file) return UploadPage(app, req, 422, "Vui lòng chọn tệp Excel (.xlsx) cần nhập.", *kind);
        auto sheet = reports::ReadXlsx(file->content);
        if (!sheet) return UploadPage(app, req, HttpStatus(sheet.error().code), sheet.error().message, *kind);
        auto job = jobs->Start(app, req.Context(), *kind, file->filename, std::move(sheet->rows));
        if (!job) return UploadPage(app, req, HttpStatus(job.error().code), job.error().message, *kind);
        return Response::Redirect("/nhap-du-lieu/" + job->id);
    });
    router.Get(R"(/nhap-du-lieu/([A-Za-z0-9_-]{16,64}))", Kind::kPage, [&app, jobs](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto job = app::GetImportJob(app, req.Context(), req.captures[0]);
        if (!job) return RenderErrorPage(req, 404, job.error().message);
        return JobPage(req, *job, jobs->Find(req.captures[0]));
    });
    // The API: the body is the xlsx file; answers when the import is done.
    router.Post("/api/v1/imports", Kind::kApi, [&app](Request& req) {
        auto kind = app::ImportKindFromCode(req.Param("kind"));
        if (!kind)
            return ErrorResponse(Error{ErrorCode::kValidation,
                                       "invalid_kind",
                                       "Tham số «kind» phải là units, people, ratings hoặc awards.",
                                       "",
                                       {}});
        auto sheet = reports::ReadXlsx(req.body);
        if (!sheet) return ErrorResponse(sheet.error());
        auto report = app::ImportTable(app, req.Context(), *kind, sheet->rows);
        if (!report) return ErrorResponse(report.error());
        nlohmann::json problems = nlohmann::json::array();
        for (const auto& p : report->problems)
            problems.push_back({{"row", p.row}, {"column", p.column}, {"message", p.message}});
        if (!report->problems.empty())
            return JsonOk(
                {{"error",
                  {{"code", "import_rejected"},
                   {"message", fmt::format("Tệp có {} lỗi; chưa nhập dòng nào. Sửa các dòng được nêu rồi nhập lại.",
                                           report->problems.size())},
                   {"problems", problems}}}},
                422);
        return JsonOk({{"rows", report->rows}, {"imported", report->imported}});
    });
}

}  // namespace tdkt::web::pages

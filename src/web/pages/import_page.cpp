// Excel import: GET /nhap-du-lieu (choose a kind, download its template, upload a file);
// POST /nhap-du-lieu starts the import in the background and shows its progress at
// GET /nhap-du-lieu/{job}; GET /nhap-du-lieu/mau/{kind}.xlsx is the template. The same through
// POST /api/v1/imports?kind=… with the xlsx as the body (synchronous).
#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/import.h"
#include "core/crypto.h"
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

// An import running in the background, polled by its page.
struct Job {
    std::string id;
    std::string owner;  // login of the user who started it; only they see it
    app::ImportKind kind = app::ImportKind::kPeople;
    std::string filename;
    std::atomic<int> done{0}, total{0};
    std::atomic<bool> finished{false};
    std::mutex mu;  // guards report and error
    app::ImportReport report;
    std::string error;
};

// Jobs of this server (an import is polled on the server that runs it; behind a load balancer, use
// sticky sessions for /nhap-du-lieu). Destroyed with the routes, after the server stops: it waits
// for running imports, so none is cut off half way (each is one transaction anyway).
class Jobs {
  public:
    ~Jobs() {
        for (auto& t : threads_)
            if (t.joinable()) t.join();
    }
    std::shared_ptr<Job> Start(app::App& app, const app::RequestContext& ctx, app::ImportKind kind,
                               std::string filename, std::vector<std::vector<std::string>> cells) {
        auto job = std::make_shared<Job>();
        job->id = crypto::RandomToken(16);
        job->owner = ctx.actor ? ctx.actor->login : "";
        job->kind = kind;
        job->filename = std::move(filename);
        job->total = static_cast<int>(cells.size());
        std::lock_guard lock(mu_);
        jobs_[job->id] = job;
        threads_.emplace_back([&app, ctx, job, cells = std::move(cells)] {
            try {
                auto report = app::ImportTable(app, ctx, job->kind, cells, [&](std::string_view, int done, int total) {
                    job->done = done;
                    job->total = total;
                });
                std::lock_guard job_lock(job->mu);
                if (report)
                    job->report = std::move(*report);
                else
                    job->error = report.error().message;
            } catch (const std::exception& e) {
                spdlog::error("import {} failed: {}", job->id, e.what());
                std::lock_guard job_lock(job->mu);
                job->error = "Hệ thống gặp lỗi khi nhập dữ liệu; chưa có dòng nào được ghi. Vui lòng thử lại.";
            }
            job->finished = true;
        });
        return job;
    }
    std::shared_ptr<Job> Find(const std::string& id) {
        std::lock_guard lock(mu_);
        auto it = jobs_.find(id);
        return it == jobs_.end() ? nullptr : it->second;
    }

  private:
    std::mutex mu_;
    std::unordered_map<std::string, std::shared_ptr<Job>> jobs_;
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

Response UploadPage(const Request& req, int status, const std::string& error, app::ImportKind kind) {
    return RenderPage(req, status,
                      {"Nhập dữ liệu", "/nhap-du-lieu",
                       nlohmann::json::array({{{"label", "Tổng quan"}, {"href", "/"}}, {{"label", "Nhập dữ liệu"}}})},
                      "import", {{"kinds", KindOptions(kind)}, {"error", error}});
}

Response JobPage(const Request& req, Job& job) {
    nlohmann::json data{{"id", job.id},
                        {"kind", std::string(app::ImportKindLabel(job.kind))},
                        {"filename", job.filename},
                        {"running", !job.finished.load()}};
    int done = job.done, total = std::max(1, job.total.load());
    data["percent"] = std::to_string(std::min(100, done * 100 / total));
    data["done"] = text::FormatNumberVi(done);
    data["total"] = text::FormatNumberVi(job.total.load());
    if (job.finished) {
        std::lock_guard lock(job.mu);
        data["error"] = job.error;
        data["imported"] = text::FormatNumberVi(job.report.imported);
        data["rows"] = text::FormatNumberVi(job.report.rows);
        data["success"] = job.error.empty() && job.report.problems.empty() && job.report.rows > 0;
        data["empty_file"] = job.error.empty() && job.report.rows == 0;
        nlohmann::json problems = nlohmann::json::array();
        for (const auto& p : job.report.problems)
            problems.push_back({{"row", std::to_string(p.row)}, {"column", p.column}, {"message", p.message}});
        data["problems"] = problems;
        data["has_problems"] = !problems.empty();
        data["problem_count"] = text::FormatNumberVi(static_cast<std::int64_t>(problems.size()));
    }
    // htmx polls the progress block; the block stops polling once the job has finished.
    if (req.Header("HX-Request") == "true" && req.Header("HX-Target") == "import-progress")
        return Response::Html(200, RenderTemplate("import_progress", data));
    data["progress"] = RenderTemplate("import_progress", data);
    return RenderPage(req, 200, {"Kết quả nhập dữ liệu", "/nhap-du-lieu", Crumbs(job.filename)}, "import_job", data);
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
        return UploadPage(req, 200, "", kind);
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
        if (!kind) return UploadPage(req, 422, "Vui lòng chọn loại dữ liệu cần nhập.", app::ImportKind::kPeople);
        const UploadedFile* file = nullptr;
        for (const auto& f : req.files)
            if (f.field == "file" && !f.content.empty()) file = &f;
        if (!file) return UploadPage(req, 422, "Vui lòng chọn tệp Excel (.xlsx) cần nhập.", *kind);
        auto sheet = reports::ReadXlsx(file->content);
        if (!sheet) return UploadPage(req, HttpStatus(sheet.error().code), sheet.error().message, *kind);
        auto job = jobs->Start(app, req.Context(), *kind, text::CleanLine(file->filename), std::move(sheet->rows));
        return Response::Redirect("/nhap-du-lieu/" + job->id);
    });
    router.Get(R"(/nhap-du-lieu/([A-Za-z0-9_-]{16,64}))", Kind::kPage, [jobs](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto job = jobs->Find(req.captures[0]);
        if (!job || job->owner != req.session->actor.login)
            return RenderErrorPage(req, 404, "Không tìm thấy lượt nhập dữ liệu này (chỉ người nhập mới xem được).");
        return JobPage(req, *job);
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

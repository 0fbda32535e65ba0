// Checking the officer's list: GET /xet-khen-thuong (upload the December list, download its template
// at /xet-khen-thuong/mau.xlsx); POST /xet-khen-thuong shows each proposal's verdict, reasons with
// their articles, what is missing and the prize, or returns them as an xlsx (action=excel).
// People and units are read from the database within the user's reach (app::LoadStoredSubjects).
#include <unordered_map>

#include <fmt/format.h>

#include "app/catalog.h"
#include "app/eligibility.h"
#include "core/text.h"
#include "reports/check_workbook.h"
#include "reports/eligibility_report.h"
#include "reports/xlsx_reader.h"
#include "web/error_mapper.h"
#include "web/page_util.h"
#include "web/render.h"
#include "web/routes.h"

namespace tdkt::web::pages {
namespace {

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

PageMeta Meta() {
    return {"Xét điều kiện khen thưởng", "/xet-khen-thuong",
            nlohmann::json::array({{{"label", "Tổng quan"}, {"href", "/"}}, {{"label", "Xét điều kiện khen thưởng"}}})};
}

nlohmann::json Columns() {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : app::CheckListColumns())
        out.push_back({{"label", std::string(c.label)}, {"required", c.required}, {"note", std::string(c.note)}});
    return out;
}

Response FormPage(const Request& req, int status, const std::string& decision_date, const Error* error,
                  const nlohmann::json& results = nullptr) {
    nlohmann::json data{{"columns", Columns()}, {"decision_date", decision_date}};
    if (error) {
        data["error"] = error->message;
        data["problems"] = ProblemList(error->fields);
    }
    if (!results.is_null()) data["results"] = results;
    return RenderPage(req, status, Meta(), "eligibility", data);
}

Response SuggestionsPage(app::App& app, Request& req, UnitId unit) {
    int year = YearParam(req, VietnamDate(app.clock.Now()).year);
    auto s = app::SuggestAwards(app, req.Context(), unit, year, VietnamDate(app.clock.Now()));
    if (!s) return PageError(req, s.error());
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : s->rows) {
        auto row = CandidateJson(r.candidate);
        row["name"] = r.name;
        row["subject"] = r.subject_type == "collective" ? r.unit_code : r.national_id;
        row["href"] = r.person ? "/ca-nhan/" + std::to_string(r.person->value) + "?nam=" + std::to_string(year)
                               : "/don-vi/" + std::to_string(unit.value);
        row["unit"] = r.subject_type == "collective" ? "Tập thể" : r.unit_name;
        rows.push_back(std::move(row));
    }
    std::string base = "/don-vi/" + std::to_string(unit.value);
    return RenderPage(req, 200,
                      {"Gợi ý khen thưởng", "/xet-khen-thuong",
                       nlohmann::json::array({{{"label", "Tổng quan"}, {"href", "/"}},
                                              {{"label", "Đơn vị"}, {"href", "/don-vi"}},
                                              {{"label", s->unit.name}, {"href", base}},
                                              {{"label", "Gợi ý khen thưởng"}}})},
                      "suggestions",
                      {{"unit", s->unit.name},
                       {"unit_id", std::to_string(unit.value)},
                       {"year", std::to_string(year)},
                       {"decision", FormatDateVi(s->decision)},
                       {"rule_set", s->rule_set},
                       {"people", text::FormatNumberVi(s->people)},
                       {"count", text::FormatNumberVi(static_cast<std::int64_t>(rows.size()))},
                       {"rows", rows}});
}

}  // namespace

void RegisterEligibility(Router& router, app::App& app) {
    router.Get(R"(/don-vi/(\d{1,18})/goi-y-khen-thuong)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return SuggestionsPage(app, req, UnitId{std::stoll(req.captures[0])});
    });
    router.Get(R"(/don-vi/(\d{1,18})/goi-y-khen-thuong\.xlsx)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        int year = YearParam(req, VietnamDate(app.clock.Now()).year);
        auto s = app::SuggestAwards(app, req.Context(), UnitId{std::stoll(req.captures[0])}, year,
                                    VietnamDate(app.clock.Now()));
        if (!s) return PageError(req, s.error());
        Response res{200, kXlsxType, reports::WriteXlsx(reports::SuggestionsTable(*s)), {}};
        res.headers.emplace_back("Content-Disposition",
                                 fmt::format("attachment; filename=\"goi-y-khen-thuong-{}.xlsx\"", year));
        return res;
    });
    router.Get("/xet-khen-thuong", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return FormPage(req, 200, FormatDateVi(VietnamDate(app.clock.Now())), nullptr);
    });
    router.Get("/xet-khen-thuong/mau.xlsx", Kind::kPage, [](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        Response res{200, kXlsxType, reports::WriteXlsx(reports::CheckListTemplate()), {}};
        res.headers.emplace_back("Content-Disposition", "attachment; filename=\"mau-danh-sach-de-nghi.xlsx\"");
        return res;
    });
    router.Get("/xet-khen-thuong/mau-day-du.xlsx", Kind::kPage, [](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        Response res{200, kXlsxType, reports::WriteXlsx(reports::CheckWorkbookTemplate()), {}};
        res.headers.emplace_back("Content-Disposition", "attachment; filename=\"mau-ho-so-xet-khen-thuong.xlsx\"");
        return res;
    });
    router.Post("/xet-khen-thuong", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        std::string date_text = text::CleanLine(req.Param("decision_date"));
        auto decision = date_text.empty() ? std::optional(VietnamDate(app.clock.Now())) : ParseDateVi(date_text);
        if (!decision) {
            Error e{ErrorCode::kValidation,
                    "invalid_decision_date",
                    fmt::format("Ngày quyết định «{}» không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 20/12/2025.",
                                date_text),
                    "",
                    {}};
            return FormPage(req, 422, date_text, &e);
        }
        const UploadedFile* file = nullptr;
        for (const auto& f : req.files)
            if (f.field == "file" && !f.content.empty()) file = &f;
        if (!file) {
            Error e{
                ErrorCode::kValidation, "missing_file", "Vui lòng chọn tệp Excel (.xlsx) danh sách đề nghị.", "", {}};
            return FormPage(req, 422, date_text, &e);
        }
        const auto& catalog = app::CatalogOf(app);
        auto doc = reports::CheckDocumentFromXlsx(file->content, catalog, *decision);
        if (!doc)
            return FormPage(req,
                            doc.error().code == ErrorCode::kInternal ? 500
                            : doc.error().reason == "not_xlsx"       ? 400
                                                                     : 422,
                            date_text, &doc.error());
        if (auto loaded = app::LoadStoredSubjects(app, req.Context(), *doc); !loaded)
            return FormPage(req, 422, date_text, &loaded.error());
        auto verdicts = app::CheckAll(catalog, *doc);
        if (req.Param("action") == "excel") {
            auto table = reports::EligibilityTable(
                *doc, verdicts, catalog,
                fmt::format("Tệp {} — kiểm tra lúc {} bởi {}", text::CleanLine(file->filename),
                            FormatDateTimeVi(app.clock.Now()), req.session->actor.login));
            Response res{200, kXlsxType, reports::WriteXlsx(table), {}};
            res.headers.emplace_back("Content-Disposition", "attachment; filename=\"ket-qua-xet-khen-thuong.xlsx\"");
            return res;
        }
        std::unordered_map<std::string, std::string> names;
        for (const auto& s : doc->subjects) names.emplace(s.id, s.name);
        nlohmann::json rows = nlohmann::json::array();
        int counts[3] = {0, 0, 0};
        std::int64_t total_prize = 0;
        for (std::size_t i = 0; i < doc->proposals.size(); ++i) {
            const auto& p = doc->proposals[i];
            const auto& v = verdicts[i];
            ++counts[static_cast<int>(v.verdict)];
            if (v.prize_vnd) total_prize += *v.prize_vnd;
            auto found = names.find(p.subject);
            std::string name = found == names.end() ? "" : found->second;
            const domain::RuleSet* rules = catalog.InForce(p.decision_date);
            const domain::AwardDef* award = rules ? rules->Find(p.award) : nullptr;
            auto row = VerdictJson(v, p.award, award ? award->name : p.award);
            row["n"] = i + 1;
            row["subject"] = p.subject;
            row["name"] = name;
            row["year"] = p.year;
            row["rule_set"] = rules ? rules->name : "";
            rows.push_back(std::move(row));
        }
        nlohmann::json results{{"rows", rows},
                               {"filename", text::CleanLine(file->filename)},
                               {"eligible", counts[0]},
                               {"not_eligible", counts[1]},
                               {"needs_evidence", counts[2]},
                               {"total_prize", text::FormatNumberVi(total_prize)}};
        return FormPage(req, 200, date_text.empty() ? FormatDateVi(*decision) : date_text, nullptr, results);
    });
}

}  // namespace tdkt::web::pages

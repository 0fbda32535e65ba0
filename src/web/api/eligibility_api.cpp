// The award catalogue, prize money and batch eligibility checking:
// GET /api/v1/catalog?as_of=, GET /api/v1/prize?award=&subject_type=&decision_date=,
// POST /api/v1/eligibility/check (docs/eligibility.md).
#include <algorithm>

#include <fmt/format.h>

#include "app/catalog.h"
#include "app/eligibility.h"
#include "app/suggestions.h"
#include "domain/prize.h"
#include "web/json_io.h"
#include "web/routes.h"

namespace tdkt::web::api {
namespace {

// ?name=YYYY-MM-DD, today in Vietnam when absent.
Result<Date> DateParam(const Request& req, const char* name, const app::App& app, bool required) {
    std::string text = req.Param(name);
    if (text.empty()) {
        if (!required) return VietnamDate(app.clock.Now());
        return Fail(ErrorCode::kInvalidInput, "missing_" + std::string(name),
                    fmt::format("Thiếu tham số {} (ngày dạng YYYY-MM-DD).", name));
    }
    auto d = ParseIsoDate(text);
    if (!d)
        return Fail(ErrorCode::kInvalidInput, "bad_" + std::string(name),
                    fmt::format("Tham số {}: «{}» không phải ngày dạng YYYY-MM-DD.", name, text));
    return *d;
}

}  // namespace

void RegisterEligibility(Router& router, app::App& app) {
    router.Get("/api/v1/catalog", Kind::kApi, [&app](Request& req) {
        if (auto denied = RequireSession(req)) return *denied;
        auto as_of = DateParam(req, "as_of", app, false);
        if (!as_of) return ErrorResponse(as_of.error());
        auto out = app::CatalogJson(app::CatalogOf(app), *as_of);
        return out ? JsonOk(*out) : ErrorResponse(out.error());
    });
    router.Get("/api/v1/prize", Kind::kApi, [&app](Request& req) {
        if (auto denied = RequireSession(req)) return *denied;
        auto date = DateParam(req, "decision_date", app, true);
        if (!date) return ErrorResponse(date.error());
        std::string award = req.Param("award"), subject = req.Param("subject_type");
        if (subject.empty()) subject = "individual";
        auto prize = domain::PrizeFor(app::CatalogOf(app), award, subject, *date);
        if (!prize) return ErrorResponse(prize.error());
        return JsonOk({{"award", award},
                       {"subject_type", subject},
                       {"decision_date", FormatIsoDate(*date)},
                       {"amount_vnd", prize->amount_vnd},
                       {"multiplier", prize->multiplier_milli / 1000.0},
                       {"base_salary_vnd", prize->base_salary_vnd},
                       {"rule_set", prize->rule_set},
                       {"legal_ref", prize->legal_ref},
                       {"base_salary_legal_ref", prize->salary_legal_ref},
                       {"unconfirmed", prize->unconfirmed}});
    });
    router.Get(R"(/api/v1/units/(\d{1,18})/suggestions)", Kind::kApi, [&app](Request& req) {
        if (auto denied = RequireSession(req)) return *denied;
        auto date = DateParam(req, "decision_date", app, false);
        if (!date) return ErrorResponse(date.error());
        int year = date->year;
        if (std::string y = req.Param("year"); !y.empty()) {
            if (y.size() != 4 || !std::all_of(y.begin(), y.end(), ::isdigit))
                return ErrorResponse(Error{ErrorCode::kInvalidInput,
                                           "bad_year",
                                           fmt::format("Tham số year: «{}» không phải năm.", y),
                                           "",
                                           {}});
            year = std::stoi(y);
        }
        auto s = app::SuggestAwards(app, req.Context(), UnitId{std::stoll(req.captures[0])}, year, *date);
        if (!s) return ErrorResponse(s.error());
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& r : s->rows) {
            const auto& v = r.candidate.verdict;
            nlohmann::json row{{"subject_type", r.subject_type},
                               {"name", r.name},
                               {"award", r.candidate.award},
                               {"award_name", r.candidate.award_name},
                               {"verdict", domain::VerdictCode(v.verdict)},
                               {"missing", v.missing},
                               {"prize_vnd", v.prize_vnd ? nlohmann::json(*v.prize_vnd) : nlohmann::json(nullptr)},
                               {"assumes", r.candidate.assumes}};
            if (r.person) row["person_id"] = r.person->value, row["national_id"] = r.national_id;
            if (r.subject_type == "collective") row["unit_id"] = r.unit->value, row["unit_code"] = r.unit_code;
            rows.push_back(std::move(row));
        }
        return JsonOk({{"unit_id", s->unit.id.value},
                       {"year", year},
                       {"decision_date", FormatIsoDate(*date)},
                       {"people", s->people},
                       {"suggestions", rows}});
    });
    router.Post("/api/v1/eligibility/check", Kind::kApi, [&app](Request& req) {
        if (auto denied = RequireSession(req)) return *denied;
        const auto& catalog = app::CatalogOf(app);
        auto doc = app::ParseCheckText(req.body, catalog);
        if (!doc) return ErrorResponse(doc.error());
        if (auto loaded = app::LoadStoredSubjects(app, req.Context(), *doc); !loaded)
            return ErrorResponse(loaded.error());
        return JsonOk(app::ResultsJson(*doc, app::CheckAll(catalog, *doc)));
    });
}

}  // namespace tdkt::web::api

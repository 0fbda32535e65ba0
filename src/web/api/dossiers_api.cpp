// Nomination dossiers (docs/workflow.md): GET/POST /api/v1/dossiers, GET /api/v1/dossiers/{id},
// POST /api/v1/dossiers/{id}/nominees, DELETE /api/v1/dossiers/{id}/nominees/{nominee}.
#include <fmt/format.h>

#include "app/catalog.h"
#include "app/dossiers.h"
#include "app/eligibility.h"
#include "domain/codes.h"
#include "web/json_io.h"
#include "web/routes.h"

namespace tdkt::web::api {
namespace {

using nlohmann::json;

json DossierJson(const app::App& app, const app::DossierRecord& d) {
    const auto* state = app::CatalogOf(app).workflow.State(d.state);
    return {{"id", d.id.value},
            {"code", d.code},
            {"title", d.title},
            {"kind", d.kind},
            {"procedure", d.procedure_kind},
            {"year", d.year},
            {"unit", {{"id", d.unit.value}, {"name", d.unit_name}}},
            {"board_unit_id", d.board_unit.value},
            {"state", d.state},
            {"state_name", state ? state->name : d.state},
            {"state_since", d.state_since},
            {"due_date", DateJson(d.due_date)},
            {"created_by", d.created_by},
            {"created_at", d.created_at},
            {"version", d.version}};
}

json NomineeJson(const app::NomineeRecord& n) {
    return {{"id", n.id},
            {"position", n.position},
            {"subject_type", n.subject_type},
            {"person_id", n.person ? json(n.person->value) : json(nullptr)},
            {"unit_id", n.unit ? json(n.unit->value) : json(nullptr)},
            {"household_name", n.household_name},
            {"name", n.subject_name},
            {"award", n.award_code},
            {"override_reason", n.override_reason},
            {"outcome", n.outcome}};
}

DossierId PathDossier(const Request& req) { return DossierId{std::stoll(req.captures[0])}; }

}  // namespace

void RegisterDossiers(Router& router, app::App& app) {
    router.Get("/api/v1/dossiers", Kind::kApi, [&app](Request& req) {
        if (auto denied = RequireSession(req)) return *denied;
        app::DossierFilter f;
        f.state = req.Param("state");
        f.kind = req.Param("kind");
        if (std::string year = req.Param("year"); !year.empty()) {
            if (year.size() != 4 || !std::all_of(year.begin(), year.end(), ::isdigit))
                return ErrorResponse(
                    Error{ErrorCode::kInvalidInput, "bad_year", "Tham số year phải là năm, ví dụ 2025.", "", {}});
            f.year = std::stoi(year);
        }
        if (std::string due = req.Param("due_before"); !due.empty()) {
            f.due_before = ParseIsoDate(due);
            if (!f.due_before)
                return ErrorResponse(
                    Error{ErrorCode::kInvalidInput,
                          "bad_due_before",
                          fmt::format("Tham số due_before: «{}» không phải ngày dạng YYYY-MM-DD.", due),
                          "",
                          {}});
        }
        int page_size = std::clamp(std::atoi(req.Param("page_size").c_str()), 0, 200);
        int page = std::max(1, std::atoi(req.Param("page").c_str()));
        f.limit = page_size > 0 ? page_size : 50;
        f.offset = (page - 1) * f.limit;
        auto list = app::ListDossiers(app, req.Context(), f);
        if (!list) return ErrorResponse(list.error());
        json items = json::array();
        for (const auto& d : list->items) items.push_back(DossierJson(app, d));
        return JsonOk({{"items", items}, {"total", list->total}, {"page", page}, {"page_size", f.limit}});
    });
    router.Post("/api/v1/dossiers", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        app::DossierInput in;
        if (auto bad = ReadText(
                *body,
                {{"title", &in.title}, {"kind", &in.kind}, {"procedure", &in.procedure_kind}, {"year", &in.year}}))
            return ErrorResponse(*bad);
        auto unit = IdField(*body, "unit_id");
        if (!unit) return ErrorResponse(unit.error());
        if (*unit) in.unit = UnitId{**unit};
        auto d = app::CreateDossier(app, req.Context(), in);
        if (!d) return ErrorResponse(d.error());
        return JsonOk(DossierJson(app, *d), 201);
    });
    router.Get(R"(/api/v1/dossiers/(\d{1,18}))", Kind::kApi, [&app](Request& req) {
        auto view = app::GetDossier(app, req.Context(), PathDossier(req));
        if (!view) return ErrorResponse(view.error());
        auto out = DossierJson(app, view->dossier);
        out["holder"] = view->holder;
        out["can_edit"] = view->can_edit;
        out["nominees"] = json::array();
        for (const auto& n : view->nominees) {
            auto row = NomineeJson(n.record);
            row["award_name"] = n.award_name;
            row["eligibility"] = app::VerdictFields(n.verdict);
            out["nominees"].push_back(std::move(row));
        }
        out["events"] = json::array();
        for (const auto& e : view->events)
            out["events"].push_back({{"action", e.action},
                                     {"from", e.from_state},
                                     {"to", e.to_state},
                                     {"by", e.actor_login},
                                     {"at", e.at},
                                     {"reason", e.reason}});
        return JsonOk(out);
    });
    router.Post(R"(/api/v1/dossiers/(\d{1,18})/nominees)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        app::NomineeInput in;
        if (auto bad = ReadText(*body, {{"subject_type", &in.subject_type},
                                        {"household_name", &in.household_name},
                                        {"award", &in.award_code}}))
            return ErrorResponse(*bad);
        auto person = IdField(*body, "person_id");
        if (!person) return ErrorResponse(person.error());
        if (*person) in.person = PersonId{**person};
        auto unit = IdField(*body, "unit_id");
        if (!unit) return ErrorResponse(unit.error());
        if (*unit) in.unit = UnitId{**unit};
        auto n = app::AddNominee(app, req.Context(), PathDossier(req), in);
        if (!n) return ErrorResponse(n.error());
        return JsonOk(NomineeJson(*n), 201);
    });
    router.Delete(R"(/api/v1/dossiers/(\d{1,18})/nominees/(\d{1,17}))", Kind::kApi, [&app](Request& req) {
        auto done = app::RemoveNominee(app, req.Context(), PathDossier(req), std::stoll(req.captures[1]));
        return done ? Response::NoContent() : ErrorResponse(done.error());
    });
}

}  // namespace tdkt::web::api

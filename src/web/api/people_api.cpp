// People, their records and award history: /api/v1/people …, /api/v1/awards …
#include <algorithm>

#include "app/awards.h"
#include "app/people.h"
#include "web/json_io.h"
#include "web/routes.h"

namespace tdkt::web::api {
namespace {

Response StatusResponse(const Status& s) { return s ? Response::NoContent() : ErrorResponse(s.error()); }

PersonId PathPerson(const Request& req) { return PersonId{std::stoll(req.captures[0])}; }

Result<app::PersonInput> PersonFrom(const nlohmann::json& body) {
    app::PersonInput in;
    if (auto bad = ReadText(body, {{"full_name", &in.full_name},
                                   {"gender", &in.gender},
                                   {"birth_date", &in.birth_date},
                                   {"national_id", &in.national_id},
                                   {"category", &in.category},
                                   {"direct_worker", &in.direct_worker},
                                   {"position", &in.position},
                                   {"phone", &in.phone},
                                   {"email", &in.email},
                                   {"start_date", &in.start_date}}))
        return tl::unexpected(*bad);
    auto unit = IdField(body, "unit_id");
    if (!unit) return tl::unexpected(unit.error());
    if (*unit) in.unit = UnitId{**unit};
    return in;
}

nlohmann::json FileJson(const app::PersonFile& f) {
    auto out = PersonJson(f.person);
    auto list = [](const auto& items, auto encode) {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& x : items) a.push_back(encode(x));
        return a;
    };
    out["memberships"] = list(f.memberships, MembershipJson);
    out["ratings"] = list(f.ratings, RatingJson);
    out["leaves"] = list(f.leaves, LeaveJson);
    out["disciplines"] = list(f.disciplines, DisciplineJson);
    out["initiatives"] = list(f.initiatives, InitiativeJson);
    out["awards"] = list(f.awards, AwardJson);
    out["can_edit"] = f.can_edit;
    return out;
}

int IntParam(const Request& req, const char* name, int fallback) {
    std::string v = req.Param(name);
    if (v.empty() || v.size() > 6 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return fallback;
    return std::stoi(v);
}

}  // namespace

void RegisterPeople(Router& router, app::App& app) {
    router.Get("/api/v1/people", Kind::kApi, [&app](Request& req) {
        app::PeopleSearch s;
        s.text = req.Param("q");
        s.category = req.Param("category");
        if (req.HasParam("sort")) s.sort = req.Param("sort");
        s.descending = req.Param("order") == "desc";
        s.page = IntParam(req, "page", 1);
        s.page_size = IntParam(req, "page_size", 50);
        if (auto unit = req.Param("unit_id"); !unit.empty()) {
            if (unit.size() > 18 || !std::all_of(unit.begin(), unit.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return ErrorResponse(Error{
                    ErrorCode::kValidation, "invalid_unit_id", "Tham số «unit_id» phải là mã số đơn vị.", "", {}});
            s.unit = UnitId{std::stoll(unit)};
        }
        auto result = app::SearchPeople(app, req.Context(), s);
        if (!result) return ErrorResponse(result.error());
        nlohmann::json items = nlohmann::json::array();
        for (const auto& p : result->items) items.push_back(PersonJson(p));
        return JsonOk({{"items", items},
                       {"total", result->total},
                       {"total_capped", result->total_capped},
                       {"page", result->page},
                       {"page_size", result->page_size}});
    });
    router.Post("/api/v1/people", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto in = PersonFrom(*body);
        if (!in) return ErrorResponse(in.error());
        auto person = app::AddPerson(app, req.Context(), *in);
        if (!person) return ErrorResponse(person.error());
        return JsonOk(PersonJson(*person), 201);
    });
    router.Get(R"(/api/v1/people/(\d{1,18}))", Kind::kApi, [&app](Request& req) {
        auto file = app::GetPersonFile(app, req.Context(), PathPerson(req));
        if (!file) return ErrorResponse(file.error());
        return JsonOk(FileJson(*file));
    });
    router.Put(R"(/api/v1/people/(\d{1,18}))", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto in = PersonFrom(*body);
        if (!in) return ErrorResponse(in.error());
        auto person = app::UpdatePerson(app, req.Context(), PathPerson(req), *in);
        if (!person) return ErrorResponse(person.error());
        return JsonOk(PersonJson(*person));
    });
    router.Post(R"(/api/v1/people/(\d{1,18})/transfer)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        std::string date, position, document;
        if (auto bad = ReadText(*body, {{"date", &date}, {"position", &position}, {"document", &document}}))
            return ErrorResponse(*bad);
        auto unit = IdField(*body, "unit_id");
        if (!unit) return ErrorResponse(unit.error());
        if (!*unit)
            return ErrorResponse(Error{ErrorCode::kValidation,
                                       "invalid_unit_id",
                                       "Vui lòng chọn đơn vị chuyển đến.",
                                       "",
                                       {{"unit_id", "Vui lòng chọn đơn vị chuyển đến."}}});
        auto person =
            app::TransferPerson(app, req.Context(), PathPerson(req), UnitId{**unit}, date, position, document);
        if (!person) return ErrorResponse(person.error());
        return JsonOk(PersonJson(*person));
    });
    router.Post(R"(/api/v1/people/(\d{1,18})/ratings)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        std::string year, rating, document;
        if (auto bad = ReadText(*body, {{"year", &year}, {"rating", &rating}, {"document", &document}}))
            return ErrorResponse(*bad);
        return StatusResponse(app::SetPersonRating(app, req.Context(), PathPerson(req), year, rating, document));
    });
    router.Delete(R"(/api/v1/people/(\d{1,18})/ratings/(\d{4}))", Kind::kApi, [&app](Request& req) {
        return StatusResponse(app::DeletePersonRating(app, req.Context(), PathPerson(req), std::stoi(req.captures[1])));
    });
    router.Post(R"(/api/v1/people/(\d{1,18})/(leaves|disciplines|initiatives))", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        const std::string& kind = req.captures[1];
        Result<std::int64_t> id = 0;
        if (kind == "leaves") {
            app::LeaveInput in;
            if (auto bad =
                    ReadText(*body, {{"start_date", &in.start_date}, {"end_date", &in.end_date}, {"note", &in.note}}))
                return ErrorResponse(*bad);
            id = app::AddLeave(app, req.Context(), PathPerson(req), in);
        } else if (kind == "disciplines") {
            app::DisciplineInput in;
            if (auto bad = ReadText(*body, {{"form", &in.form},
                                            {"start_date", &in.start_date},
                                            {"end_date", &in.end_date},
                                            {"decision", &in.decision},
                                            {"note", &in.note}}))
                return ErrorResponse(*bad);
            id = app::AddDiscipline(app, req.Context(), PathPerson(req), in);
        } else {
            app::InitiativeInput in;
            if (auto bad = ReadText(*body, {{"kind", &in.kind},
                                            {"title", &in.title},
                                            {"year", &in.year},
                                            {"scope", &in.scope},
                                            {"decision", &in.decision}}))
                return ErrorResponse(*bad);
            id = app::AddInitiative(app, req.Context(), PathPerson(req), in);
        }
        if (!id) return ErrorResponse(id.error());
        return JsonOk({{"id", *id}}, 201);
    });
    router.Delete(
        R"(/api/v1/people/(\d{1,18})/(leaves|disciplines|initiatives)/(\d{1,17}))", Kind::kApi, [&app](Request& req) {
            // leaves → leave, disciplines → discipline, initiatives → initiative
            std::string kind = req.captures[1] == "leaves" ? "leave" : req.captures[1];
            if (kind.back() == 's') kind.pop_back();
            return StatusResponse(
                app::DeletePersonRecord(app, req.Context(), PathPerson(req), kind, std::stoll(req.captures[2])));
        });
    router.Post("/api/v1/awards", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        app::AwardInput in;
        if (auto bad = ReadText(*body, {{"subject_type", &in.subject_type},
                                        {"household_name", &in.household_name},
                                        {"award_code", &in.award_code},
                                        {"year", &in.year},
                                        {"kind", &in.kind},
                                        {"decision_number", &in.decision_number},
                                        {"decision_date", &in.decision_date},
                                        {"authority", &in.authority},
                                        {"prize_vnd", &in.prize_vnd},
                                        {"note", &in.note}}))
            return ErrorResponse(*bad);
        auto person = IdField(*body, "person_id");
        auto unit = IdField(*body, "unit_id");
        auto initiative = IdField(*body, "initiative_id");
        for (const auto* r : {&person, &unit, &initiative})
            if (!*r) return ErrorResponse(r->error());
        if (*person) in.person = PersonId{**person};
        if (*unit) in.unit = UnitId{**unit};
        in.initiative_id = *initiative;
        auto award = app::RecordAward(app, req.Context(), in);
        if (!award) return ErrorResponse(award.error());
        return JsonOk(AwardJson(*award), 201);
    });
    router.Delete(R"(/api/v1/awards/(\d{1,18}))", Kind::kApi, [&app](Request& req) {
        return StatusResponse(app::DeleteAward(app, req.Context(), AwardId{std::stoll(req.captures[0])}));
    });
}

}  // namespace tdkt::web::api

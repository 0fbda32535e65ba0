// The organisation over time: /api/v1/units …
#include <fmt/format.h>

#include "app/organisation.h"
#include "app/units.h"
#include "web/json_io.h"
#include "web/routes.h"

namespace tdkt::web::api {
namespace {

Response StatusResponse(const Status& s) { return s ? Response::NoContent() : ErrorResponse(s.error()); }

UnitId PathUnit(const Request& req, std::size_t i = 0) { return UnitId{std::stoll(req.captures[i])}; }

Result<app::UnitChangeInput> ChangeFrom(const nlohmann::json& body) {
    app::UnitChangeInput in;
    for (auto [field, target] :
         {std::pair{"effective_date", &in.effective_date}, {"document", &in.document}, {"note", &in.note}}) {
        auto value = TextField(body, field);
        if (!value) return tl::unexpected(value.error());
        *target = *value;
    }
    return in;
}

Result<app::NewUnitInput> NewUnitFrom(const nlohmann::json& body) {
    app::NewUnitInput in;
    for (auto [field, target] : {std::pair{"code", &in.code}, {"name", &in.name}, {"unit_type", &in.unit_type}}) {
        auto value = TextField(body, field);
        if (!value) return tl::unexpected(value.error());
        *target = *value;
    }
    auto parent = IdField(body, "parent_id");
    if (!parent) return tl::unexpected(parent.error());
    if (*parent) in.parent = UnitId{**parent};
    return in;
}

Result<std::optional<Date>> AsOf(const Request& req) {
    std::string text = req.Param("as_of");
    if (text.empty()) return std::optional<Date>();
    auto date = text.find('/') != std::string::npos ? ParseDateVi(text) : ParseIsoDate(text);
    if (!date)
        return Fail(ErrorCode::kValidation, "invalid_as_of",
                    fmt::format("Ngày «{}» không hợp lệ; dùng dạng YYYY-MM-DD hoặc dd/mm/yyyy.", text));
    return std::optional<Date>(*date);
}

nlohmann::json UnitList(const std::vector<app::UnitRecord>& units) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& u : units) items.push_back(UnitJson(u));
    return items;
}

nlohmann::json DetailJson(const app::UnitDetail& d) {
    nlohmann::json versions = nlohmann::json::array(), events = nlohmann::json::array(),
                   ratings = nlohmann::json::array(), awards = nlohmann::json::array(),
                   predecessor_ratings = nlohmann::json::array();
    for (const auto& v : d.versions) versions.push_back(UnitVersionJson(v));
    for (const auto& e : d.events) events.push_back(UnitEventJson(e));
    for (const auto& r : d.ratings) ratings.push_back(RatingJson(r));
    for (const auto& a : d.awards) awards.push_back(AwardJson(a));
    for (const auto& [unit, list] : d.predecessor_ratings)
        for (const auto& r : list) {
            auto row = RatingJson(r);
            row["unit_id"] = unit.id.value;
            row["unit_name"] = unit.name;
            predecessor_ratings.push_back(row);
        }
    auto out = UnitJson(d.unit);
    out["parent"] = d.parent ? UnitJson(*d.parent) : nlohmann::json(nullptr);
    out["children"] = UnitList(d.children);
    out["versions"] = versions;
    out["events"] = events;
    out["predecessors"] = UnitList(d.predecessors);
    out["successors"] = UnitList(d.successors);
    out["ratings"] = ratings;
    out["predecessor_ratings"] = predecessor_ratings;
    out["awards"] = awards;
    out["current_members"] = d.current_members;
    return out;
}

}  // namespace

void RegisterUnits(Router& router, app::App& app) {
    router.Get("/api/v1/units", Kind::kApi, [&app](Request& req) {
        auto as_of = AsOf(req);
        if (!as_of) return ErrorResponse(as_of.error());
        auto units = app::ListUnitsAsOf(app, req.Context(), *as_of, req.Param("q"));
        if (!units) return ErrorResponse(units.error());
        return JsonOk({{"items", UnitList(*units)}, {"total", units->size()}});
    });
    router.Post("/api/v1/units", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto unit = NewUnitFrom(*body);
        if (!unit) return ErrorResponse(unit.error());
        auto change = ChangeFrom(*body);
        if (!change) return ErrorResponse(change.error());
        auto created = app::CreateUnit(app, req.Context(), *unit, *change);
        if (!created) return ErrorResponse(created.error());
        return JsonOk(UnitJson(*created), 201);
    });
    router.Post("/api/v1/units/merge", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        app::MergeInput merge;
        auto ids = body->find("predecessor_ids");
        if (ids == body->end() || !ids->is_array())
            return ErrorResponse(Error{ErrorCode::kValidation,
                                       "invalid_predecessor_ids",
                                       "Trường «predecessor_ids» phải là danh sách mã số đơn vị.",
                                       "",
                                       {}});
        for (const auto& id : *ids) {
            if (!id.is_number_integer() || id.get<std::int64_t>() <= 0)
                return ErrorResponse(Error{ErrorCode::kValidation,
                                           "invalid_predecessor_ids",
                                           "Trường «predecessor_ids» phải là danh sách mã số đơn vị.",
                                           "",
                                           {}});
            merge.predecessors.push_back(UnitId{id.get<std::int64_t>()});
        }
        auto into = IdField(*body, "into_id");
        if (!into) return ErrorResponse(into.error());
        if (*into) merge.into = UnitId{**into};
        if (auto it = body->find("new_unit"); it != body->end() && !it->is_null()) {
            if (!it->is_object())
                return ErrorResponse(Error{
                    ErrorCode::kValidation, "invalid_new_unit", "Trường «new_unit» phải là một đối tượng.", "", {}});
            auto unit = NewUnitFrom(*it);
            if (!unit) return ErrorResponse(unit.error());
            merge.new_unit = *unit;
        }
        auto change = ChangeFrom(*body);
        if (!change) return ErrorResponse(change.error());
        auto successor = app::MergeUnits(app, req.Context(), merge, *change);
        if (!successor) return ErrorResponse(successor.error());
        return JsonOk(UnitJson(*successor), 201);
    });
    // One unit (a single indexed read after the role check): what lists and forms need.
    router.Get(R"(/api/v1/units/(\d{1,18}))", Kind::kApi, [&app](Request& req) {
        auto unit = app::GetUnit(app, req.Context(), PathUnit(req));
        if (!unit) return ErrorResponse(unit.error());
        return JsonOk(UnitJson(*unit));
    });
    // Everything the unit page shows: versions, events, predecessors and their records, awards.
    router.Get(R"(/api/v1/units/(\d{1,18})/history)", Kind::kApi, [&app](Request& req) {
        auto detail = app::GetUnitDetail(app, req.Context(), PathUnit(req));
        if (!detail) return ErrorResponse(detail.error());
        return JsonOk(DetailJson(*detail));
    });
    router.Post(R"(/api/v1/units/(\d{1,18})/changes)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        app::UnitAmendment amendment;
        if (body->contains("name")) {
            auto name = TextField(*body, "name");
            if (!name) return ErrorResponse(name.error());
            amendment.name = *name;
        }
        if (body->contains("unit_type")) {
            auto type = TextField(*body, "unit_type");
            if (!type) return ErrorResponse(type.error());
            amendment.unit_type = *type;
        }
        auto parent = IdField(*body, "parent_id");
        if (!parent) return ErrorResponse(parent.error());
        if (*parent) amendment.parent = UnitId{**parent};
        auto change = ChangeFrom(*body);
        if (!change) return ErrorResponse(change.error());
        auto unit = app::AmendUnit(app, req.Context(), PathUnit(req), amendment, *change);
        if (!unit) return ErrorResponse(unit.error());
        return JsonOk(UnitJson(*unit));
    });
    router.Post(R"(/api/v1/units/(\d{1,18})/split)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        app::SplitInput split;
        auto parts = body->find("parts");
        if (parts == body->end() || !parts->is_array())
            return ErrorResponse(
                Error{ErrorCode::kValidation, "invalid_parts", "Trường «parts» phải là danh sách đơn vị mới.", "", {}});
        for (const auto& part : *parts) {
            if (!part.is_object())
                return ErrorResponse(
                    Error{ErrorCode::kValidation, "invalid_parts", "Mỗi đơn vị mới phải là một đối tượng.", "", {}});
            auto unit = NewUnitFrom(part);
            if (!unit) return ErrorResponse(unit.error());
            split.parts.push_back(*unit);
        }
        if (auto it = body->find("members_to"); it != body->end() && it->is_number_integer() && it->get<int>() >= 0)
            split.members_to = it->get<std::size_t>();
        auto change = ChangeFrom(*body);
        if (!change) return ErrorResponse(change.error());
        auto created = app::SplitUnit(app, req.Context(), PathUnit(req), split, *change);
        if (!created) return ErrorResponse(created.error());
        return JsonOk({{"items", UnitList(*created)}}, 201);
    });
    router.Post(R"(/api/v1/units/(\d{1,18})/dissolve)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto change = ChangeFrom(*body);
        if (!change) return ErrorResponse(change.error());
        auto unit = app::DissolveUnit(app, req.Context(), PathUnit(req), *change);
        if (!unit) return ErrorResponse(unit.error());
        return JsonOk(UnitJson(*unit));
    });
    router.Post(R"(/api/v1/units/(\d{1,18})/ratings)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto year = TextField(*body, "year");
        auto rating = TextField(*body, "rating");
        auto document = TextField(*body, "document");
        for (const auto* r : {&year, &rating, &document})
            if (!*r) return ErrorResponse(r->error());
        return StatusResponse(app::SetUnitRating(app, req.Context(), PathUnit(req), *year, *rating, *document));
    });
    router.Delete(R"(/api/v1/units/(\d{1,18})/ratings/(\d{4}))", Kind::kApi, [&app](Request& req) {
        return StatusResponse(app::DeleteUnitRating(app, req.Context(), PathUnit(req), std::stoi(req.captures[1])));
    });
}

}  // namespace tdkt::web::api

// GET /api/v1/units, GET /api/v1/units/{id}
#include "app/units.h"
#include "web/json_io.h"
#include "web/routes.h"

namespace tdkt::web::api {

void RegisterUnits(Router& router, app::App& app) {
    router.Get("/api/v1/units", Kind::kApi, [&app](Request& req) {
        auto units = app::ListVisibleUnits(app, req.Context());
        if (!units) return ErrorResponse(units.error());
        nlohmann::json items = nlohmann::json::array();
        for (const auto& u : *units) items.push_back(UnitJson(u));
        return JsonOk({{"items", items}, {"total", units->size()}});
    });
    router.Get(R"(/api/v1/units/(\d{1,18}))", Kind::kApi, [&app](Request& req) {
        auto unit = app::GetUnit(app, req.Context(), UnitId{std::stoll(req.captures[0])});
        if (!unit) return ErrorResponse(unit.error());
        return JsonOk(UnitJson(*unit));
    });
}

}  // namespace tdkt::web::api

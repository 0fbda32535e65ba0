// GET /healthz, GET /api/v1/openapi.json
#include "app/health.h"
#include "web/json_io.h"
#include "web/openapi.h"
#include "web/routes.h"

namespace tdkt::web::api {

void RegisterSystem(Router& router, app::App& app, const ServerOptions& options) {
    router.Get("/healthz", Kind::kApi, [&app, &options](Request&) {
        bool up = app::DatabaseAnswers(app);
        return JsonOk(
            {{"status", up ? "ok" : "unavailable"}, {"db", app.store.Backend()}, {"version", options.version}},
            up ? 200 : 503);
    });
    router.Get("/api/v1/openapi.json", Kind::kApi,
               [&options](Request&) { return JsonOk(OpenApiDocument(options.version)); });
}

}  // namespace tdkt::web::api

// GET /healthz, GET /api/v1/openapi.json
#include "web/json_io.h"
#include "web/openapi.h"
#include "web/routes.h"

namespace tdkt::web::api {

void RegisterSystem(Router& router, app::App& app, const ServerOptions& options) {
    router.Get("/healthz", Kind::kApi, [&app, &options](Request&) {
        try {
            app.store.Read([](app::Repositories&) {});  // one round trip: the database answers
        } catch (const std::exception&) {
            return JsonOk({{"status", "unavailable"}, {"db", app.store.Backend()}, {"version", options.version}}, 503);
        }
        return JsonOk({{"status", "ok"}, {"db", app.store.Backend()}, {"version", options.version}});
    });
    router.Get("/api/v1/openapi.json", Kind::kApi,
               [&options](Request&) { return JsonOk(OpenApiDocument(options.version)); });
}

}  // namespace tdkt::web::api

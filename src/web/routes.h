#pragma once
// Every route of the server, registered by the module that owns it.
#include "app/app.h"
#include "web/http.h"
#include "web/server.h"

namespace tdkt::web {

void RegisterRoutes(Router& router, app::App& app, const ServerOptions& options);

namespace api {
void RegisterSystem(Router& router, app::App& app, const ServerOptions& options);
void RegisterAuth(Router& router, app::App& app, const ServerOptions& options);
void RegisterUnits(Router& router, app::App& app);
void RegisterUsers(Router& router, app::App& app);
void RegisterAudit(Router& router, app::App& app);
void RegisterPeople(Router& router, app::App& app);
void RegisterDossiers(Router& router, app::App& app);
void RegisterCouncils(Router& router, app::App& app);
void RegisterEligibility(Router& router, app::App& app);
}  // namespace api

namespace pages {
void RegisterAuth(Router& router, app::App& app, const ServerOptions& options);
void RegisterHome(Router& router, app::App& app);
void RegisterUnits(Router& router, app::App& app);
void RegisterUsers(Router& router, app::App& app);
void RegisterAudit(Router& router, app::App& app);
void RegisterAuditExport(Router& router, app::App& app);
void RegisterAccount(Router& router, app::App& app);
void RegisterPeople(Router& router, app::App& app);
void RegisterImport(Router& router, app::App& app);
void RegisterEligibility(Router& router, app::App& app);
void RegisterCatalog(Router& router, app::App& app);
void RegisterDossierPages(Router& router, app::App& app);
void RegisterConsultationPages(Router& router, app::App& app);
void RegisterCouncilPages(Router& router, app::App& app);
void RegisterDecisionPages(Router& router, app::App& app);
}  // namespace pages

}  // namespace tdkt::web

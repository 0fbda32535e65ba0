#include "web/routes.h"

namespace tdkt::web {

void RegisterRoutes(Router& router, app::App& app, const ServerOptions& options) {
    api::RegisterSystem(router, app, options);
    api::RegisterAuth(router, app, options);
    api::RegisterUnits(router, app);
    api::RegisterUsers(router, app);
    api::RegisterAudit(router, app);
    api::RegisterPeople(router, app);
    api::RegisterEligibility(router, app);
    api::RegisterCouncils(router, app);
    api::RegisterDossiers(router, app);
    pages::RegisterAuth(router, app, options);
    pages::RegisterHome(router, app);
    pages::RegisterUnits(router, app);
    pages::RegisterUsers(router, app);
    pages::RegisterAudit(router, app);
    pages::RegisterAuditExport(router, app);
    pages::RegisterAccount(router, app);
    pages::RegisterPeople(router, app);
    pages::RegisterEligibility(router, app);
    pages::RegisterCatalog(router, app);
    pages::RegisterDossierPages(router, app);
    pages::RegisterConsultationPages(router, app);
    pages::RegisterCouncilPages(router, app);
    pages::RegisterDecisionPages(router, app);
    pages::RegisterImport(router, app);
}

}  // namespace tdkt::web

#pragma once
// Reading the audit filter from a query string, shared by the API and the page.
// Parameters: entity_type, entity_id, user (login), from and to (dd/mm/yyyy or yyyy-mm-dd, days in
// Vietnam, inclusive), limit (1–500, default 50), offset.
#include "app/ports.h"
#include "core/error.h"
#include "web/http.h"

namespace tdkt::web {

Result<app::AuditFilter> AuditFilterFrom(const Request& req);

}  // namespace tdkt::web

#pragma once
// The one place that decides who may do what where. Every use case calls it before it changes or
// reveals anything; a refusal carries a Vietnamese reason naming the action and the unit.
#include "app/context.h"
#include "app/ports.h"
#include "core/error.h"
#include "domain/permission.h"

namespace tdkt::app {

// Allowed when the actor holds, on `unit` or one of its ancestors, a role that allows `action`.
Status Authorize(UnitRepository& units, const RequestContext& ctx, domain::Action action, UnitId unit);
// The same check, returning the unit it had to load anyway.
Result<UnitRecord> AuthorizeUnit(UnitRepository& units, const RequestContext& ctx, domain::Action action, UnitId unit);
// For actions over the whole system (users, audit): a role allowing it on a root unit is needed.
Status AuthorizeSystemWide(const RequestContext& ctx, domain::Action action);
// Ids of the units the actor may see: every unit in the subtree of a grant allowing kViewUnit.
std::vector<UnitId> VisibleUnits(UnitRepository& units, const RequestContext& ctx);
// The same, given every unit (units.List()) when the caller has read them already.
std::vector<UnitId> VisibleUnits(UnitRepository& units, const std::vector<UnitRecord>& all, const RequestContext& ctx);
// People are reached through their current unit; someone with no current unit only through a
// province-wide role.
Status AuthorizePerson(UnitRepository& units, const RequestContext& ctx, domain::Action action,
                       const PersonRecord& person);
// Whether the actor holds `role` on `unit` or one of its ancestors (the workflow's "who may"); the
// system context holds every role.
bool HoldsRole(UnitRepository& units, const RequestContext& ctx, domain::Role role, UnitId unit);
// The units whose grants reach `unit`: itself and its ancestors (and, for a unit that has ended,
// its successors' ancestors).
std::vector<UnitId> AuthoritiesOf(UnitRepository& units, UnitId unit);
// Anonymous contexts get the 401 every protected use case returns.
Status RequireSignedIn(const RequestContext& ctx);

}  // namespace tdkt::app

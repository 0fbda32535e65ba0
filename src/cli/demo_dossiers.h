#pragma once
// Dossiers for the demo province (`tdkt seed demo --dossiers`, used by `make run`): three dossiers of
// the Department of Education and its school, taken through the real workflow by the demo users, so
// that a newcomer finds work in every stage: one in draft, one waiting for the board's appraisal (its
// due date running), one decided by the council's secret ballot, issued with certificates and
// published. Lives here, not in app/, because the papers are PDFs written by reports/.
#include "app/app.h"
#include "core/error.h"

namespace tdkt::cli {

struct DemoDossiers {
    bool already_there = false;  // some dossier exists: nothing was added
    int dossiers = 0, nominees = 0, certificates = 0;
};

// Needs `SeedDemo` first (its users, council and the school's people). Idempotent: does nothing
// when any dossier exists.
Result<DemoDossiers> SeedDemoDossiers(app::App& app);

}  // namespace tdkt::cli

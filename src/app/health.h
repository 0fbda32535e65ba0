#pragma once
// Liveness of the database, for load balancers (/healthz).
#include "app/app.h"

namespace tdkt::app {

// True when the database answers one round trip (an empty read transaction).
bool DatabaseAnswers(App& app);

}  // namespace tdkt::app

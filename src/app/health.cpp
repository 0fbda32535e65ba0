#include "app/health.h"

#include <exception>

namespace tdkt::app {

bool DatabaseAnswers(App& app) {
    try {
        app.store.Read([](Repositories&) {});
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace tdkt::app

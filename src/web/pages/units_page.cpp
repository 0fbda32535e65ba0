// GET /don-vi — the units the user may see, as a tree.
#include <functional>
#include <unordered_map>

#include "app/organisation.h"
#include "app/units.h"
#include "web/page_util.h"
#include "web/routes.h"

namespace tdkt::web::pages {

void RegisterUnits(Router& router, app::App& app) {
    router.Get("/don-vi", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto units = app::ListUnitsAsOf(app, req.Context(), std::nullopt);  // already in Vietnamese order
        if (!units) return PageError(req, units.error());
        std::unordered_map<std::int64_t, std::vector<const app::UnitRecord*>> children;
        std::unordered_map<std::int64_t, bool> visible;
        for (const auto& u : *units) visible[u.id.value] = true;
        std::vector<const app::UnitRecord*> roots;
        for (const auto& u : *units) {
            if (u.parent && visible.count(u.parent->value))
                children[u.parent->value].push_back(&u);
            else
                roots.push_back(&u);
        }
        nlohmann::json rows = nlohmann::json::array();
        std::function<void(const app::UnitRecord*, int)> walk = [&](const app::UnitRecord* u, int depth) {
            rows.push_back({{"id", std::to_string(u->id.value)},
                            {"code", u->code},
                            {"name", u->name},
                            {"depth_class", "depth-" + std::to_string(std::min(depth, 6))},
                            {"children", std::to_string(children[u->id.value].size())}});
            for (const auto* child : children[u->id.value]) walk(child, depth + 1);
        };
        for (const auto* root : roots) walk(root, 0);
        return RenderPage(req, 200,
                          {"Đơn vị", "/don-vi",
                           nlohmann::json::array({{{"label", "Tổng quan"}, {"href", "/"}}, {{"label", "Đơn vị"}}})},
                          "units", {{"rows", rows}, {"count", std::to_string(rows.size())}, {"empty", rows.empty()}});
    });
}

}  // namespace tdkt::web::pages

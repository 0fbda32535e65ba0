#pragma once
// The award catalogue from its JSON files (docs/rules.md): the rule sets and base salary shipped in
// catalog/*.jsonc (compiled into the binary), then a province's overlays, which add its own criteria,
// local titles or later base salaries from a date without changing code.
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "domain/catalog.h"

namespace tdkt::app {

struct CatalogFile {
    std::string name;  // for messages: "catalog/2024-01-01_luat06_nd98.jsonc", "hung-yen.jsonc"
    std::string text;  // JSON; // and /* */ comments allowed
};

// The files shipped with tdkt (catalog/*.jsonc), in name order.
std::vector<CatalogFile> BuiltInCatalogFiles();

// Builds the catalogue: files with "base_salary" add to the salary table; files with "id" are rule
// sets ("extends" another and changes what it lists); files with "overlay" patch every rule set over
// their own validity (rule sets are split at the overlay's dates). Every problem comes back at once,
// in Vietnamese, naming the file and the place in it.
Result<domain::Catalog> BuildCatalog(const std::vector<CatalogFile>& files);

// The built-in catalogue plus `overlays`; BuiltInCatalog() alone is built once and shared.
Result<std::shared_ptr<const domain::Catalog>> LoadCatalog(const std::vector<CatalogFile>& overlays = {});
const domain::Catalog& BuiltInCatalog();

struct App;
// The catalogue an App works with: its own, else the built-in one.
const domain::Catalog& CatalogOf(const App& app);

}  // namespace tdkt::app

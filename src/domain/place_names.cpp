#include "domain/place_names.h"

#include <utility>

namespace tdkt::domain {
namespace {

constexpr std::pair<std::string_view, std::string_view> kPrefixes[] = {{"Tỉnh ", "tỉnh "},
                                                                       {"Thành phố ", "thành phố "}};

}  // namespace

std::string PlaceName(std::string_view name) {
    for (const auto& [upper, lower] : kPrefixes)
        if (name.substr(0, upper.size()) == upper) return std::string(name.substr(upper.size()));
    return std::string(name);
}

std::string InRunningText(std::string_view name) {
    for (const auto& [upper, lower] : kPrefixes)
        if (name.substr(0, upper.size()) == upper) return std::string(lower) + std::string(name.substr(upper.size()));
    return std::string(name);
}

}  // namespace tdkt::domain

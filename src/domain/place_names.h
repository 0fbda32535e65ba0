#pragma once
// How a province's name reads in documents: "Tỉnh Hưng Yên" is the unit's name; "Hưng Yên" the
// place ("Hưng Yên, ngày …"); "tỉnh Hưng Yên" in running text ("Hội đồng … tỉnh Hưng Yên").
#include <string>
#include <string_view>

namespace tdkt::domain {

// "Tỉnh Hưng Yên" → "Hưng Yên", "Thành phố Hà Nội" → "Hà Nội"; other names unchanged.
std::string PlaceName(std::string_view unit_name);
// "Tỉnh Hưng Yên" → "tỉnh Hưng Yên", "Thành phố Hà Nội" → "thành phố Hà Nội"; others unchanged.
std::string InRunningText(std::string_view unit_name);

}  // namespace tdkt::domain

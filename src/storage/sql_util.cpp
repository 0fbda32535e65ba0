#include "storage/sql_util.h"

#include "core/text.h"

namespace tdkt::storage {

std::string FoldedKey(std::string_view name) { return text::Fold(name); }

std::string SortKey(std::string_view name) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string key = text::CollationKey(name);
    std::string out;
    out.reserve(key.size() * 2);
    for (unsigned char c : key) {
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
    return out;
}

std::string PersonSortKey(std::string_view full_name) {
    std::string name(full_name);
    auto space = name.find_last_of(' ');
    if (space == std::string::npos) return SortKey(name);
    return SortKey(name.substr(space + 1) + ", " + name.substr(0, space));
}

std::string LikeSafe(std::string_view folded) {
    std::string out;
    for (char c : folded)
        if (c != '%' && c != '_' && c != '\\') out.push_back(c);
    return out;
}

}  // namespace tdkt::storage

#include "storage/sql_util.h"

#include <algorithm>
#include <cctype>

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

std::vector<std::string> NameWords(std::string_view folded) {
    std::vector<std::string> words(1);
    for (char c : folded) {
        bool ascii_other = static_cast<unsigned char>(c) < 0x80 && !std::isalnum(static_cast<unsigned char>(c));
        if (!ascii_other)
            words.back().push_back(c);
        else if (!words.back().empty())
            words.emplace_back();
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

std::string WordPairKey(const std::string& a, const std::string& b) { return a < b ? a + ' ' + b : b + ' ' + a; }

NameWordRows NameWordRowsOf(std::string_view folded) {
    NameWordRows out;
    out.spaced = " ";
    std::vector<std::string> distinct;
    for (auto& w : NameWords(folded)) {
        out.spaced += w + ' ';
        if (std::find(distinct.begin(), distinct.end(), w) == distinct.end()) distinct.push_back(std::move(w));
    }
    out.keys = distinct;
    for (std::size_t i = 0; i < distinct.size(); ++i)
        for (std::size_t j = i + 1; j < distinct.size(); ++j) out.keys.push_back(WordPairKey(distinct[i], distinct[j]));
    return out;
}

void WriteNameWords(soci::session& s, long long person, std::string_view folded, const std::string& sort_key,
                    bool remove) {
    auto rows = NameWordRowsOf(folded);
    for (const auto& w : rows.keys) {
        if (remove)
            s << "DELETE FROM name_words WHERE word = :w AND sort_key = :k AND person_id = :p", soci::use(w),
                soci::use(sort_key), soci::use(person);
        else
            s << "INSERT INTO name_words (word, sort_key, person_id, words) VALUES (:w, :k, :p, :s)", soci::use(w),
                soci::use(sort_key), soci::use(person), soci::use(rows.spaced);
    }
}

std::string LikeSafe(std::string_view folded) {
    std::string out;
    for (char c : folded)
        if (c != '%' && c != '_' && c != '\\') out.push_back(c);
    return out;
}

}  // namespace tdkt::storage

#pragma once
// URL pieces the HTTP adapter needs: percent-decoding and query / form parsing.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tdkt::web {

// "%C4%90%C3%A0o" → "Đào". With plus_as_space (query strings and forms) '+' is a space.
// nullopt on a malformed escape ("%4", "%zz").
std::optional<std::string> PercentDecode(std::string_view s, bool plus_as_space);
// "Đào 1/2" → "%C4%90%C3%A0o%201%2F2": every byte but letters, digits and -_.~ escaped.
std::string PercentEncode(std::string_view s);
// {q:"dang thi", page:"2"} → "page=2&q=dang%20thi" (keys in order); "" when empty.
std::string EncodeQuery(const std::multimap<std::string, std::string>& params);
// "a=1&b=x+y&a=2" → {a:1, a:2, b:"x y"}; pairs with a malformed escape are skipped.
void ParseQuery(std::string_view query, std::multimap<std::string, std::string>& out);
struct UploadedFile {
    std::string field;         // the form field name
    std::string filename;      // as sent by the browser (never used as a path)
    std::string content_type;  // as sent by the browser (not trusted)
    std::string content;
};

// multipart/form-data: text fields go to `fields`, files to `files`. False when the body is malformed.
bool ParseMultipart(std::string_view content_type, std::string_view body,
                    std::multimap<std::string, std::string>& fields, std::vector<UploadedFile>& files);

// "/don-vi?as_of=2025-06-30" → path "/don-vi", query "as_of=2025-06-30".
std::pair<std::string_view, std::string_view> SplitTarget(std::string_view target);

}  // namespace tdkt::web

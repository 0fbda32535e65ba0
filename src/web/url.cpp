#include "web/url.h"

#include <cctype>

namespace tdkt::web {
namespace {

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string PercentEncode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                     c == '_' || c == '.' || c == '~';
        if (plain) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

std::string EncodeQuery(const std::multimap<std::string, std::string>& params) {
    std::string out;
    for (const auto& [k, v] : params) out += (out.empty() ? "" : "&") + PercentEncode(k) + "=" + PercentEncode(v);
    return out;
}

std::optional<std::string> PercentDecode(std::string_view s, bool plus_as_space) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '%') {
            int hi = i + 1 < s.size() ? HexValue(s[i + 1]) : -1;
            int lo = i + 2 < s.size() ? HexValue(s[i + 2]) : -1;
            if (hi < 0 || lo < 0) return std::nullopt;
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (c == '+' && plus_as_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

void ParseQuery(std::string_view query, std::multimap<std::string, std::string>& out) {
    while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty()) continue;
        auto eq = pair.find('=');
        auto key = PercentDecode(pair.substr(0, eq), true);
        auto value =
            eq == std::string_view::npos ? std::optional<std::string>("") : PercentDecode(pair.substr(eq + 1), true);
        if (key && value && !key->empty()) out.emplace(std::move(*key), std::move(*value));
    }
}

namespace {

// The value of `name="…"` inside a header line, "" when absent.
std::string QuotedParam(std::string_view header, std::string_view name) {
    std::string key = std::string(name) + "=\"";
    for (std::size_t pos = header.find(key); pos != std::string_view::npos; pos = header.find(key, pos + 1)) {
        if (pos > 0 && header[pos - 1] != ' ' && header[pos - 1] != ';') continue;  // "filename=" is not "name="
        auto start = pos + key.size();
        auto end = header.find('"', start);
        if (end == std::string_view::npos) return {};
        return std::string(header.substr(start, end - start));
    }
    return {};
}

}  // namespace

bool ParseMultipart(std::string_view content_type, std::string_view body,
                    std::multimap<std::string, std::string>& fields, std::vector<UploadedFile>& files) {
    auto b = content_type.find("boundary=");
    if (b == std::string_view::npos) return false;
    std::string_view boundary = content_type.substr(b + 9);
    if (auto semi = boundary.find(';'); semi != std::string_view::npos) boundary = boundary.substr(0, semi);
    if (boundary.size() >= 2 && boundary.front() == '"' && boundary.back() == '"')
        boundary = boundary.substr(1, boundary.size() - 2);
    if (boundary.empty() || boundary.size() > 200) return false;
    std::string delimiter = "--" + std::string(boundary);
    auto pos = body.find(delimiter);
    if (pos == std::string_view::npos) return false;
    while (true) {
        pos += delimiter.size();
        if (body.substr(pos, 2) == "--") return true;  // the closing delimiter
        if (body.substr(pos, 2) != "\r\n") return false;
        pos += 2;
        auto headers_end = body.find("\r\n\r\n", pos);
        if (headers_end == std::string_view::npos) return false;
        std::string_view headers = body.substr(pos, headers_end - pos);
        auto content_start = headers_end + 4;
        auto next = body.find("\r\n" + delimiter, content_start);
        if (next == std::string_view::npos) return false;
        std::string_view content = body.substr(content_start, next - content_start);
        std::string name, filename, type;
        std::size_t line_start = 0;
        while (line_start <= headers.size()) {
            auto line_end = headers.find("\r\n", line_start);
            std::string_view line = headers.substr(
                line_start, line_end == std::string_view::npos ? std::string_view::npos : line_end - line_start);
            std::string lower(line.substr(0, line.find(':')));
            for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (lower == "content-disposition") {
                name = QuotedParam(line, "name");
                filename = QuotedParam(line, "filename");
            } else if (lower == "content-type" && line.find(':') != std::string_view::npos) {
                auto v = line.substr(line.find(':') + 1);
                while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
                type = std::string(v);
            }
            if (line_end == std::string_view::npos) break;
            line_start = line_end + 2;
        }
        if (headers.find("filename=") == std::string_view::npos)
            fields.emplace(name, std::string(content));
        else
            files.push_back({name, filename, type, std::string(content)});
        pos = next + 2;
    }
}

std::pair<std::string_view, std::string_view> SplitTarget(std::string_view target) {
    auto q = target.find('?');
    if (q == std::string_view::npos) return {target, {}};
    return {target.substr(0, q), target.substr(q + 1)};
}

}  // namespace tdkt::web

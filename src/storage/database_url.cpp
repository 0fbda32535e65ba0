#include "storage/database_url.h"

#include <fmt/format.h>

namespace tdkt::storage {
namespace {

constexpr const char* kForms =
    "Dạng hợp lệ: sqlite:ĐƯỜNG_DẪN, sqlite::memory: hoặc postgresql://NGƯỜI_DÙNG@MÁY:CỔNG/TÊN_CSDL";

tl::unexpected<Error> Bad(std::string_view url, std::string_view why) {
    return Fail(ErrorCode::kInvalidInput, "invalid_database_url",
                fmt::format("URL cơ sở dữ liệu không hợp lệ «{}»: {}. {}", url, why, kForms));
}

// libpq keyword/value strings quote values with single quotes and escape \ and '.
std::string Quote(std::string_view v) {
    std::string out = "'";
    for (char c : v) {
        if (c == '\\' || c == '\'') out.push_back('\\');
        out.push_back(c);
    }
    return out + "'";
}

Result<DatabaseUrl> ParsePostgres(std::string_view url, std::string_view rest) {
    auto at = rest.rfind('@');
    auto slash = rest.find('/', at == std::string_view::npos ? 0 : at);
    if (at == std::string_view::npos || at == 0) return Bad(url, "thiếu tên người dùng (NGƯỜI_DÙNG@)");
    if (slash == std::string_view::npos || slash + 1 >= rest.size())
        return Bad(url, "thiếu tên cơ sở dữ liệu (/TÊN_CSDL)");
    std::string_view userinfo = rest.substr(0, at), hostport = rest.substr(at + 1, slash - at - 1);
    std::string_view db = rest.substr(slash + 1);
    std::string_view user = userinfo.substr(0, userinfo.find(':'));
    std::string_view password =
        userinfo.find(':') == std::string_view::npos ? "" : userinfo.substr(userinfo.find(':') + 1);
    std::string_view host = hostport.substr(0, hostport.rfind(':'));
    std::string_view port =
        hostport.rfind(':') == std::string_view::npos ? "5432" : hostport.substr(hostport.rfind(':') + 1);
    if (host.empty()) return Bad(url, "thiếu tên máy chủ");
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos)
        return Bad(url, "cổng phải là số");
    if (db.find_first_of("/?#") != std::string_view::npos) return Bad(url, "tên cơ sở dữ liệu không hợp lệ");
    DatabaseUrl out;
    out.backend = Backend::kPostgresql;
    out.connect_string = fmt::format("host={} port={} dbname={} user={}", Quote(host), port, Quote(db), Quote(user));
    if (!password.empty()) out.connect_string += " password=" + Quote(password);
    out.display = fmt::format("postgresql://{}@{}:{}/{}", user, host, port, db);
    return out;
}

}  // namespace

std::string_view BackendName(Backend b) { return b == Backend::kSqlite ? "sqlite" : "postgresql"; }

Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url) {
    if (url.rfind("sqlite:", 0) == 0) {
        std::string_view path = url.substr(7);
        if (path.empty()) return Bad(url, "thiếu đường dẫn tệp");
        DatabaseUrl out;
        out.backend = Backend::kSqlite;
        out.path = path == ":memory:" ? ":memory:" : std::string(path);
        out.connect_string = "db=" + out.path;
        out.display = std::string(url);
        if (out.path.find_first_of(" '\"") != std::string::npos)
            return Bad(url, "đường dẫn không được chứa dấu cách hay dấu nháy");
        return out;
    }
    for (std::string_view scheme : {"postgresql://", "postgres://"})
        if (url.rfind(scheme, 0) == 0) return ParsePostgres(url, url.substr(scheme.size()));
    return Bad(url, "không nhận ra loại cơ sở dữ liệu");
}

}  // namespace tdkt::storage

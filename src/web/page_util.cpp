#include "web/page_util.h"

#include <map>

#include "web/error_mapper.h"

namespace tdkt::web {

std::optional<Response> RequirePageSession(const Request& req) {
    if (req.session) return std::nullopt;
    std::string next = req.path == "/" ? "" : "?next=" + req.path;
    return Response::Redirect("/dang-nhap" + next);
}

Response PageError(const Request& req, const Error& e) {
    if (e.code == ErrorCode::kUnauthenticated) return Response::Redirect("/dang-nhap");
    return RenderErrorPage(req, HttpStatus(e.code), e.message);
}

std::string AuditActionLabel(const std::string& action) {
    static const std::map<std::string, std::string> kLabels{
        {"auth.login", "Đăng nhập"},
        {"auth.logout", "Đăng xuất"},
        {"auth.login_failed", "Đăng nhập sai mật khẩu"},
        {"auth.account_locked", "Tạm khoá tài khoản"},
        {"user.create", "Tạo người dùng"},
        {"user.disable", "Vô hiệu hoá người dùng"},
        {"user.enable", "Kích hoạt lại người dùng"},
        {"user.password_change", "Đổi mật khẩu"},
        {"role.grant", "Giao vai trò"},
        {"role.revoke", "Thu hồi vai trò"},
        {"unit.create", "Tạo đơn vị"},
    };
    auto it = kLabels.find(action);
    return it == kLabels.end() ? action : it->second;
}

std::string EntityTypeLabel(const std::string& entity_type) {
    static const std::map<std::string, std::string> kLabels{
        {"user", "Người dùng"}, {"unit", "Đơn vị"}, {"session", "Phiên đăng nhập"}, {"role_grant", "Vai trò"}};
    auto it = kLabels.find(entity_type);
    return it == kLabels.end() ? entity_type : it->second;
}

std::string SafeNext(const std::string& next) {
    bool local = next.size() > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\' &&
                 next.find_first_of("\r\n") == std::string::npos;
    return local ? next : "/";
}

}  // namespace tdkt::web

#include "domain/account.h"

#include "core/text.h"

namespace tdkt::domain {

std::optional<std::string> CheckLoginName(std::string_view login) {
    if (login.size() < 3 || login.size() > 64) return "Tên đăng nhập phải dài từ 3 đến 64 ký tự.";
    for (char c : login) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!ok) return "Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và các dấu . _ -";
    }
    return std::nullopt;
}

std::optional<std::string> CheckPassword(std::string_view password) {
    if (text::Length(password) < 10) return "Mật khẩu phải có ít nhất 10 ký tự.";
    if (password.size() > 256) return "Mật khẩu quá dài (tối đa 256 byte).";
    return std::nullopt;
}

std::optional<std::string> CheckDisplayName(std::string_view name) {
    std::size_t n = text::Length(name);
    if (n == 0) return "Họ và tên không được để trống.";
    if (n > 100) return "Họ và tên dài tối đa 100 ký tự.";
    return std::nullopt;
}

bool IsLocked(const SignInState& s, Timestamp now) { return now < s.locked_until; }

SignInState AfterFailedSignIn(const SignInState& s, Timestamp now, const LockoutPolicy& policy) {
    SignInState next{s.failed_count + 1, s.locked_until};
    if (next.failed_count >= policy.max_failures) {
        next.failed_count = 0;
        next.locked_until = now + policy.lock_duration;
    }
    return next;
}

}  // namespace tdkt::domain

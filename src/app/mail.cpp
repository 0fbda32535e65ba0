#include "app/mail.h"

#include <chrono>

#include <fmt/format.h>

#include "app/audit_log.h"
#include "app/policy.h"
#include "app/validation.h"
#include "core/text.h"

namespace tdkt::app {
namespace {

// Minutes to wait before attempt 2, 3, … (attempt 1 is at once).
constexpr int kBackoffMinutes[] = {1, 5, 15, 60, 240};

// An address as a person types it: one @, a local part and a domain with a dot, no spaces or
// control characters, at most 254 characters (RFC 5321's limit).
bool LooksLikeEmail(std::string_view e) {
    if (e.size() > 254 || e.size() < 5) return false;
    auto at = e.find('@');
    if (at == std::string_view::npos || at == 0 || e.find('@', at + 1) != std::string_view::npos) return false;
    auto domain = e.substr(at + 1);
    auto dot = domain.find('.');
    if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
    for (unsigned char c : e)
        if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"') return false;
    return true;
}

}  // namespace

MailMessage ComposeMail(const MailItem& item, const std::string& base_url) {
    std::string subject = item.message;
    if (subject.size() > 300) {  // bytes; Vietnamese takes up to 3 a letter
        std::size_t cut = 297;   // not inside a UTF-8 sequence
        while (cut > 0 && (static_cast<unsigned char>(subject[cut]) & 0xC0) == 0x80) --cut;
        subject = subject.substr(0, cut) + "…";
    }
    std::string body = fmt::format("Kính gửi {},\n\n{}\n", item.to_name, item.message);
    if (!item.link.empty()) body += fmt::format("\nXem và xử lý: {}{}\n", base_url, item.link);
    body +=
        "\n--\nHệ thống quản lý Thi đua – Khen thưởng\n"
        "Thư gửi tự động, vui lòng không trả lời. Muốn thôi nhận thư, xoá địa chỉ thư điện tử trong «Tài khoản "
        "của tôi».\n";
    return {item.to_email, item.to_name, "[Thi đua – Khen thưởng] " + subject, body};
}

MailRun DeliverMail(App& app, Mailer& mailer, const std::string& base_url, int limit) {
    MailRun run;
    std::vector<MailItem> due;
    app.store.Read(
        [&](Repositories& repos) { due = repos.notifications.DueMail(FormatIsoUtc(app.clock.Now()), limit); });
    for (const auto& item : due) {
        // Sending happens outside any transaction; only its outcome is written.
        auto sent = mailer.Send(ComposeMail(item, base_url));
        int attempts = item.attempts + 1;
        app.store.Write([&](Repositories& repos) {
            if (sent) {
                repos.notifications.MailSent(item.notification, FormatIsoUtc(app.clock.Now()));
                ++run.sent;
            } else if (attempts < kMailAttempts) {
                auto wait = std::chrono::minutes(kBackoffMinutes[attempts - 1]);
                repos.notifications.MailFailed(item.notification, attempts, FormatIsoUtc(app.clock.Now() + wait),
                                               sent.error().message);
                ++run.retried;
            } else {
                repos.notifications.MailFailed(item.notification, attempts, std::nullopt, sent.error().message);
                ++run.failed;
            }
            return true;
        });
        if (!sent)
            run.errors.push_back(fmt::format("notification {} to {} (attempt {}): {}", item.notification, item.to_email,
                                             attempts, sent.error().message));
    }
    return run;
}

Status SetOwnEmail(App& app, const RequestContext& ctx, std::string_view email) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in || !ctx.actor)
        return Fail(ErrorCode::kUnauthenticated, "unauthenticated", "Bạn cần đăng nhập để tiếp tục.");
    std::string value = text::CleanLine(email);
    if (!value.empty() && !LooksLikeEmail(value)) {
        Checker c;
        c.Add("email", "Thư điện tử",
              fmt::format("«{}» không phải địa chỉ thư điện tử hợp lệ (ví dụ: ten@sonv.hungyen.gov.vn).", value));
        return tl::unexpected(c.AsError());
    }
    app.store.Write([&](Repositories& repos) {
        auto before = repos.users.Email(ctx.actor->id);
        if (before == value) return false;
        repos.users.SetEmail(ctx.actor->id, value);
        RecordChange(
            repos, app.clock, ctx,
            {"user.email", "user", std::to_string(ctx.actor->id.value), {{"email", before}}, {{"email", value}}});
        return true;
    });
    return {};
}

Result<std::string> OwnEmail(App& app, const RequestContext& ctx) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in || !ctx.actor)
        return Fail(ErrorCode::kUnauthenticated, "unauthenticated", "Bạn cần đăng nhập để tiếp tục.");
    std::string email;
    app.store.Read([&](Repositories& repos) { email = repos.users.Email(ctx.actor->id); });
    return email;
}

}  // namespace tdkt::app

#include "storage/smtp_mailer.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <random>

#include <curl/curl.h>
#include <fmt/format.h>

#include "core/crypto.h"

namespace tdkt::storage {
namespace {

// The text as RFC 2047 encoded words when it is not plain ASCII: UTF-8 in base64, cut between
// characters into words of at most 75 characters, folded onto continuation lines.
std::string Encoded(const std::string& text) {
    bool ascii = true;
    for (unsigned char c : text)
        if (c >= 0x80 || c < 0x20) ascii = false;
    if (ascii) return text;
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t n = std::min<std::size_t>(45, text.size() - at);  // 45 bytes → 60 base64 characters
        while (at + n < text.size() && (static_cast<unsigned char>(text[at + n]) & 0xC0) == 0x80) --n;
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + crypto::Base64Encode(text.substr(at, n)) + "?=";
        at += n;
    }
    return out;
}

std::string Mailbox(const std::string& name, const std::string& email) {
    return name.empty() ? "<" + email + ">" : fmt::format("{} <{}>", Encoded(name), email);
}

// The date as RFC 5322 wants it, in UTC.
std::string MailDate() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    return buf;
}

struct Upload {
    const std::string* text;
    std::size_t sent = 0;
};

std::size_t ReadChunk(char* buffer, std::size_t size, std::size_t items, void* userdata) {
    auto* up = static_cast<Upload*>(userdata);
    std::size_t n = std::min(size * items, up->text->size() - up->sent);
    std::memcpy(buffer, up->text->data() + up->sent, n);
    up->sent += n;
    return n;
}

}  // namespace

std::string FormatMail(const SmtpConfig& config, const app::MailMessage& m, const std::string& date,
                       const std::string& message_id) {
    std::string body = crypto::Base64Encode(m.body);
    std::string wrapped;
    for (std::size_t i = 0; i < body.size(); i += 76) wrapped += body.substr(i, 76) + "\r\n";
    return fmt::format(
        "Date: {}\r\nFrom: {}\r\nTo: {}\r\nSubject: {}\r\nMessage-ID: <{}>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n"
        "Auto-Submitted: auto-generated\r\n\r\n{}",
        date, Mailbox(config.from_name, config.from_email), Mailbox(m.to_name, m.to_email), Encoded(m.subject),
        message_id, wrapped);
}

SmtpMailer::SmtpMailer(SmtpConfig config) : config_(std::move(config)) { curl_global_init(CURL_GLOBAL_DEFAULT); }

Status SmtpMailer::Send(const app::MailMessage& message) {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    auto domain = config_.from_email.substr(config_.from_email.find('@') + 1);
    std::string text = FormatMail(config_, message, MailDate(), fmt::format("{:016x}@{}", rng(), domain));
    CURL* curl = curl_easy_init();
    if (!curl) return Fail(ErrorCode::kInternal, "smtp_unavailable", "Không khởi tạo được kết nối gửi thư.");
    std::string from = "<" + config_.from_email + ">", to = "<" + message.to_email + ">";
    curl_slist* recipients = curl_slist_append(nullptr, to.c_str());
    Upload up{&text};
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, config_.url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadChunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &up);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, config_.timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    if (!config_.user.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, config_.user.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.password.c_str());
    }
    CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK)
        return Fail(ErrorCode::kInternal, "smtp_failed",
                    fmt::format("Máy chủ thư không nhận thư: {}", error[0] ? error : curl_easy_strerror(rc)));
    return {};
}

}  // namespace tdkt::storage

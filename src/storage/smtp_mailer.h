#pragma once
// E-mail over SMTP with libcurl (docs/workflow.md "E-mail"): the app's Mailer port. The server is a
// URL: smtp://host:25 (STARTTLS when the server offers it), smtp://host:587, or smtps://host:465;
// a user name and password when the server asks for them. Each message is plain UTF-8 text, its
// subject and names encoded as RFC 2047 words and its body in base64.
#include <string>

#include "app/ports.h"

namespace tdkt::storage {

struct SmtpConfig {
    std::string url;                            // smtp://mail.hungyen.gov.vn:587
    std::string from_email = "tdkt@localhost";  // the envelope and From address
    std::string from_name = "Thi đua – Khen thưởng";
    std::string user, password;  // empty: no authentication
    long timeout_seconds = 30;
};

class SmtpMailer final : public app::Mailer {
  public:
    explicit SmtpMailer(SmtpConfig config);
    Status Send(const app::MailMessage& message) override;

  private:
    SmtpConfig config_;
};

// The RFC 5322 text of a message (exposed for tests): headers, a blank line, the base64 body.
std::string FormatMail(const SmtpConfig& config, const app::MailMessage& message, const std::string& date,
                       const std::string& message_id);

}  // namespace tdkt::storage

#pragma once
// Notifications by e-mail (docs/workflow.md "E-mail"). When `serve` is given an SMTP server, every
// notification to a user with an address is queued with it (app/notifications.h); a sender thread
// calls DeliverMail every few seconds. A failed send is tried again after 1, 5, 15, 60 and 240
// minutes, then marked failed with the server's answer. The notification in the app is unaffected.
#include <string>
#include <string_view>
#include <vector>

#include "app/app.h"
#include "app/context.h"
#include "core/error.h"

namespace tdkt::app {

struct MailRun {
    int sent = 0, retried = 0, failed = 0;
    std::vector<std::string> errors;  // one line per failed send, for the server's log
};

constexpr int kMailAttempts = 6;

// Sends the queued e-mails that are due; `base_url` makes the links absolute ("https://tdkt.tinh.vn").
MailRun DeliverMail(App& app, Mailer& mailer, const std::string& base_url, int limit = 50);
// The message for one notification (subject and body in Vietnamese).
MailMessage ComposeMail(const MailItem& item, const std::string& base_url);

// The signed-in user's own address ("" to stop e-mails); checked, audited.
Status SetOwnEmail(App& app, const RequestContext& ctx, std::string_view email);
Result<std::string> OwnEmail(App& app, const RequestContext& ctx);

}  // namespace tdkt::app

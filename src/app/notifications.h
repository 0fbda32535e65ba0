#pragma once
// Notifications (docs/workflow.md "Notifications"): whoever must act next on a dossier is told in the
// app; the header shows the unread count and the list links to the dossier.
#include <string>
#include <vector>

#include "app/app.h"
#include "app/context.h"
#include "core/error.h"
#include "domain/role.h"

namespace tdkt::app {

// Inside a write: one notification to every user holding one of `roles` on `unit` or an ancestor,
// except the actor. Returns how many were written. While the app e-mails notifications, each one
// to a user with an address is queued for e-mail in the same transaction (app/mail.h).
int NotifyHolders(App& app, Repositories& repos, const RequestContext& ctx, const std::vector<domain::Role>& roles,
                  UnitId unit, std::optional<DossierId> dossier, const std::string& message, const std::string& link);
// The same to the given users (each once, the actor left out).
int NotifyUsers(App& app, Repositories& repos, const RequestContext& ctx, std::vector<UserId> users,
                std::optional<DossierId> dossier, const std::string& message, const std::string& link);

struct NotificationList {
    std::vector<NotificationRecord> items;  // newest first
    std::int64_t unread = 0;
};

Result<NotificationList> ListNotifications(App& app, const RequestContext& ctx, bool unread_only, int limit = 50);
std::int64_t CountUnreadNotifications(App& app, const RequestContext& ctx);
// Marks one notification (or, with id 0, all of the actor's) read; returns how many changed.
Result<std::int64_t> MarkNotificationsRead(App& app, const RequestContext& ctx, std::int64_t id);

}  // namespace tdkt::app

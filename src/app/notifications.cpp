#include "app/notifications.h"

#include <algorithm>

#include "app/policy.h"

namespace tdkt::app {

int NotifyUsers(App& app, Repositories& repos, const RequestContext& ctx, std::vector<UserId> users,
                std::optional<DossierId> dossier, const std::string& message, const std::string& link) {
    std::sort(users.begin(), users.end(), [](UserId a, UserId b) { return a.value < b.value; });
    users.erase(std::unique(users.begin(), users.end()), users.end());
    int written = 0;
    std::string now = FormatIsoUtc(app.clock.Now());
    for (const auto& user : users) {
        if (ctx.actor && ctx.actor->id == user) continue;
        NotificationRecord n{0, user, dossier, message, link, now, std::nullopt};
        n.email = app.mail_notifications;
        repos.notifications.Insert(n);
        ++written;
    }
    return written;
}

int NotifyHolders(App& app, Repositories& repos, const RequestContext& ctx, const std::vector<domain::Role>& roles,
                  UnitId unit, std::optional<DossierId> dossier, const std::string& message, const std::string& link) {
    return NotifyUsers(app, repos, ctx, repos.users.Holders(roles, AuthoritiesOf(repos.units, unit)), dossier, message,
                       link);
}

Result<NotificationList> ListNotifications(App& app, const RequestContext& ctx, bool unread_only, int limit) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    NotificationList out;
    if (!ctx.actor) return out;
    app.store.Read([&](Repositories& repos) {
        out.items = repos.notifications.ForUser(ctx.actor->id, unread_only, std::clamp(limit, 1, 500));
        out.unread = repos.notifications.CountUnread(ctx.actor->id);
    });
    return out;
}

std::int64_t CountUnreadNotifications(App& app, const RequestContext& ctx) {
    std::int64_t n = 0;
    if (!ctx.actor) return n;
    app.store.Read([&](Repositories& repos) { n = repos.notifications.CountUnread(ctx.actor->id); });
    return n;
}

Result<std::int64_t> MarkNotificationsRead(App& app, const RequestContext& ctx, std::int64_t id) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    std::int64_t changed = 0;
    if (!ctx.actor) return changed;
    // Reading one's own notifications is not a change of the record: not audited.
    app.store.Write([&](Repositories& repos) {
        changed = repos.notifications.MarkRead(ctx.actor->id, id, FormatIsoUtc(app.clock.Now()));
        return true;
    });
    return changed;
}

}  // namespace tdkt::app

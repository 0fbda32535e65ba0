#include "app/notifications.h"

#include <algorithm>

#include "app/policy.h"

namespace tdkt::app {

int NotifyHolders(Repositories& repos, const Clock& clock, const RequestContext& ctx,
                  const std::vector<domain::Role>& roles, UnitId unit, std::optional<DossierId> dossier,
                  const std::string& message, const std::string& link) {
    auto holders = repos.users.Holders(roles, AuthoritiesOf(repos.units, unit));
    int written = 0;
    std::string now = FormatIsoUtc(clock.Now());
    for (const auto& user : holders) {
        if (ctx.actor && ctx.actor->id == user) continue;
        repos.notifications.Insert({0, user, dossier, message, link, now, std::nullopt});
        ++written;
    }
    return written;
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

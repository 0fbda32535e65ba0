#pragma once
// Everything a use case needs besides its input: storage, the clock and settings. Built once by
// the composition root (bin/) and shared by the web and command-line adapters.
#include <memory>
#include <mutex>
#include <semaphore>
#include <string>
#include <unordered_map>

#include "app/context.h"
#include "app/ports.h"
#include "core/time.h"
#include "domain/catalog.h"

namespace tdkt::app {

// argon2id needs ~64 MiB and ~0.1 s per hash: at most this many run at once (STACK.md).
class PasswordHasher {
  public:
    std::string Hash(std::string_view password);
    bool Verify(std::string_view encoded_hash, std::string_view password);

  private:
    std::counting_semaphore<2> slots_{2};
};

// Decides which request refreshes a session's last-seen time: when it is due, exactly one request
// per process writes it, instead of every request that is in flight for that session at that moment.
class TouchThrottle {
  public:
    // True when the caller should write; it then owns the refresh until `interval` has passed.
    bool Claim(const std::string& token_hash, Timestamp now, std::chrono::milliseconds interval);

  private:
    std::mutex mutex_;
    std::unordered_map<std::string, Timestamp> claimed_;  // token hash → when it was last claimed
};

struct App {
    Store& store;
    const Clock& clock;
    AuthConfig auth;
    PasswordHasher hasher;
    TouchThrottle touches;
    // The award catalogue with the province's overlays (app/catalog.h); null = the built-in one.
    std::shared_ptr<const domain::Catalog> catalog;
    // Where dossier files' bytes live (app/files.h); null = the database.
    std::shared_ptr<FileStore> files;
    // Notifications are also e-mailed: an SMTP server is configured (app/mail.h).
    bool mail_notifications = false;
};

}  // namespace tdkt::app

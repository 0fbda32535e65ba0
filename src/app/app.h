#pragma once
// Everything a use case needs besides its input: storage, the clock and settings. Built once by
// the composition root (bin/) and shared by the web and command-line adapters.
#include <memory>
#include <semaphore>

#include "app/context.h"
#include "app/ports.h"
#include "core/time.h"

namespace tdkt::app {

// argon2id needs ~64 MiB and ~0.1 s per hash: at most this many run at once (STACK.md).
class PasswordHasher {
  public:
    std::string Hash(std::string_view password);
    bool Verify(std::string_view encoded_hash, std::string_view password);

  private:
    std::counting_semaphore<2> slots_{2};
};

struct App {
    Store& store;
    const Clock& clock;
    AuthConfig auth;
    PasswordHasher hasher;
};

}  // namespace tdkt::app

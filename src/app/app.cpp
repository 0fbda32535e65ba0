#include "app/app.h"

#include "core/crypto.h"

namespace tdkt::app {
namespace {

template <class F>
auto WithSlot(std::counting_semaphore<2>& slots, F&& f) {
    slots.acquire();
    struct Release {
        std::counting_semaphore<2>& slots;
        ~Release() { slots.release(); }
    } release{slots};
    return f();
}

}  // namespace

std::string PasswordHasher::Hash(std::string_view password) {
    return WithSlot(slots_, [&] { return crypto::HashPassword(password); });
}

bool PasswordHasher::Verify(std::string_view encoded_hash, std::string_view password) {
    return WithSlot(slots_, [&] { return crypto::VerifyPassword(encoded_hash, password); });
}

}  // namespace tdkt::app

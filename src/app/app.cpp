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

bool TouchThrottle::Claim(const std::string& token_hash, Timestamp now, std::chrono::milliseconds interval) {
    std::lock_guard lock(mutex_);
    if (claimed_.size() > 100'000) std::erase_if(claimed_, [&](const auto& e) { return now >= e.second + interval; });
    auto [it, inserted] = claimed_.try_emplace(token_hash, now);
    if (!inserted && now < it->second + interval) return false;
    it->second = now;
    return true;
}

bool PasswordHasher::Verify(std::string_view encoded_hash, std::string_view password) {
    return WithSlot(slots_, [&] { return crypto::VerifyPassword(encoded_hash, password); });
}

}  // namespace tdkt::app

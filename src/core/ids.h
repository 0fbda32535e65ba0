#pragma once
// Strong ID types (STYLE habit 6): a UnitId cannot be passed where a UserId is expected.
#include <compare>
#include <cstdint>
#include <functional>

namespace tdkt {

template <class Tag>
struct StrongId {
    std::int64_t value = 0;
    constexpr StrongId() = default;
    constexpr explicit StrongId(std::int64_t v) : value(v) {}
    constexpr bool valid() const { return value > 0; }
    auto operator<=>(const StrongId&) const = default;
};

using UserId = StrongId<struct UserTag>;
using UnitId = StrongId<struct UnitTag>;
using AuditId = StrongId<struct AuditTag>;
using PersonId = StrongId<struct PersonTag>;
using AwardId = StrongId<struct AwardTag>;
using DossierId = StrongId<struct DossierTag>;

}  // namespace tdkt

template <class Tag>
struct std::hash<tdkt::StrongId<Tag>> {
    std::size_t operator()(const tdkt::StrongId<Tag>& id) const noexcept { return std::hash<std::int64_t>{}(id.value); }
};

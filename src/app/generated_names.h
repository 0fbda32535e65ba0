#pragma once
// Deterministic generated data (demo and synthetic seeds): a small random generator whose output
// is the same on every platform (std distributions are not), and Vietnamese personal names.
#include <cstdint>
#include <string>

namespace tdkt::app {

// splitmix64
class SeededRandom {
  public:
    explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
    std::uint64_t Next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int Below(int n) { return static_cast<int>(Next() % static_cast<std::uint64_t>(n)); }
    bool Chance(int percent) { return Below(100) < percent; }

  private:
    std::uint64_t state_;
};

// "Nguyễn Thị Hoa": a surname weighted roughly by its frequency in Vietnam, a middle name and a
// given name usual for the gender. Draws three numbers, surname first.
std::string GeneratedName(SeededRandom& random, bool female);

}  // namespace tdkt::app

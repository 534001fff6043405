// The demo generator's randomness: splitmix64 (Steele, Lea and Flood, 2014), small
// and the same on every platform, unlike std::*_distribution. Each decision draws
// from a stream keyed by what it is for (seed, purpose, organisation, period), so
// one figure never shifts because another was added or the run order changed.
#ifndef PROFKPI_ADAPTERS_DEMO_DEMORANDOM_H
#define PROFKPI_ADAPTERS_DEMO_DEMORANDOM_H

#include <cstdint>
#include <string_view>

namespace profkpi::adapters::demo {

// A bijection on 64-bit values: distinct inputs give distinct outputs.
inline std::uint64_t mix64(std::uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// FNV-1a over the parts, each closed by a separator, then mixed.
inline std::uint64_t streamKey(std::uint64_t seed, std::string_view purpose, std::string_view a = {},
                               std::string_view b = {}, std::uint64_t n = 0) {
  std::uint64_t h = 0xcbf29ce484222325ULL ^ mix64(seed);
  for (std::string_view part : {purpose, a, b}) {
    for (char c : part) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    h = (h ^ 0xffU) * 0x100000001b3ULL;
  }
  return mix64(h ^ mix64(n));
}

class Random {
 public:
  explicit Random(std::uint64_t key) : _state(key) {}

  std::uint64_t next() { return mix64(_state++ * 0x9e3779b97f4a7c15ULL); }
  // In [lo, hi]; REQUIRES: lo <= hi. The modulo bias is far below anything a demo shows.
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  // True with probability perMille / 1000.
  bool chance(int perMille) { return between(0, 999) < perMille; }

 private:
  std::uint64_t _state;
};

}  // namespace profkpi::adapters::demo

#endif

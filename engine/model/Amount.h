// An exact decimal with two fraction digits (FTE, CPD days), held as hundredths so
// that sums and comparisons never depend on binary floating point.
#ifndef PROFKPI_ENGINE_MODEL_AMOUNT_H
#define PROFKPI_ENGINE_MODEL_AMOUNT_H

#include <cstdint>
#include <string>

namespace profkpi::engine {

class Amount {
 public:
  constexpr Amount() = default;
  static constexpr Amount fromHundredths(std::int64_t hundredths) { return Amount(hundredths); }
  static constexpr Amount fromWhole(std::int64_t whole) { return Amount(whole * 100); }

  constexpr std::int64_t hundredths() const { return _hundredths; }
  double toDouble() const { return static_cast<double>(_hundredths) / 100.0; }

  // Shortest plain form: "38.5", "12", "0.05".
  std::string toString() const;

  constexpr Amount& operator+=(Amount other) { _hundredths += other._hundredths; return *this; }
  friend constexpr bool operator==(Amount a, Amount b) { return a._hundredths == b._hundredths; }
  friend constexpr bool operator!=(Amount a, Amount b) { return !(a == b); }
  friend constexpr bool operator<(Amount a, Amount b) { return a._hundredths < b._hundredths; }
  friend constexpr bool operator>(Amount a, Amount b) { return b < a; }
  friend constexpr bool operator<=(Amount a, Amount b) { return !(b < a); }
  friend constexpr bool operator>=(Amount a, Amount b) { return !(a < b); }

 private:
  constexpr explicit Amount(std::int64_t hundredths) : _hundredths(hundredths) {}
  std::int64_t _hundredths = 0;
};

}  // namespace profkpi::engine

#endif

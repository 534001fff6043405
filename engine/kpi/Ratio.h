// An exact non-negative rational number: KPI values are kept as the fraction they
// are computed from, so that rounding and target comparisons never depend on
// binary floating point (53/400 x 100 = 13.25 rounds to 13.3).
#ifndef PROFKPI_ENGINE_KPI_RATIO_H
#define PROFKPI_ENGINE_KPI_RATIO_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace profkpi::engine {

class Ratio {
 public:
  // REQUIRES: numerator >= 0, denominator > 0.
  Ratio(__int128 numerator, __int128 denominator);

  // Rounded half away from zero to a multiple of 1/10 (returned in tenths), or to a whole number.
  std::int64_t roundedTenths() const;
  std::int64_t roundedWhole() const;
  // "73.2"
  std::string toOneDecimal() const;
  double toDouble() const;
  bool isZero() const { return _num == 0; }

  // Comparisons are exact; arithmetic throws std::overflow_error where the exact
  // result does not fit (only with absurd inputs; callers fall back to doubles).
  friend bool operator<(const Ratio& a, const Ratio& b) { return a._num * b._den < b._num * a._den; }
  friend bool operator>(const Ratio& a, const Ratio& b) { return b < a; }
  friend bool operator<=(const Ratio& a, const Ratio& b) { return !(b < a); }
  friend bool operator>=(const Ratio& a, const Ratio& b) { return !(a < b); }
  friend bool operator==(const Ratio& a, const Ratio& b) { return a._num * b._den == b._num * a._den; }

  Ratio operator*(const Ratio& other) const;
  Ratio operator/(const Ratio& other) const;  // REQUIRES: other > 0
  Ratio operator+(const Ratio& other) const;
  Ratio operator-(const Ratio& other) const;  // REQUIRES: *this >= other

 private:
  __int128 _num;
  __int128 _den;
};

// The exact value of a non-negative decimal text ("0.8", "90", "12.345"); nothing
// when it is not one.
std::optional<Ratio> parseDecimalRatio(std::string_view text);

// Formats tenths as "13.3", "-0.4", "100.0".
std::string formatTenths(std::int64_t tenths);

}  // namespace profkpi::engine

#endif

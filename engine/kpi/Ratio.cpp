#include "engine/kpi/Ratio.h"

#include <numeric>
#include <stdexcept>

namespace profkpi::engine {

namespace {
__int128 gcd128(__int128 a, __int128 b) {
  while (b != 0) {
    __int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// Products of numerators and denominators; throws std::overflow_error rather than wrap.
__int128 mul(__int128 a, __int128 b) {
  __int128 result;
  if (__builtin_mul_overflow(a, b, &result)) throw std::overflow_error("Ratio: arithmetic overflow");
  return result;
}

__int128 add(__int128 a, __int128 b) {
  __int128 result;
  if (__builtin_add_overflow(a, b, &result)) throw std::overflow_error("Ratio: arithmetic overflow");
  return result;
}

// round(num / den) half away from zero, for num >= 0 and den > 0.
std::int64_t roundHalfUp(__int128 num, __int128 den) {
  return static_cast<std::int64_t>(add(mul(2, num), den) / mul(2, den));
}
}  // namespace

Ratio::Ratio(__int128 numerator, __int128 denominator) : _num(numerator), _den(denominator) {
  if (denominator <= 0 || numerator < 0) throw std::invalid_argument("Ratio needs num >= 0, den > 0");
  __int128 g = gcd128(_num, _den);
  if (g > 1) {
    _num /= g;
    _den /= g;
  }
}

std::int64_t Ratio::roundedTenths() const { return roundHalfUp(mul(_num, 10), _den); }
std::int64_t Ratio::roundedWhole() const { return roundHalfUp(_num, _den); }
std::string Ratio::toOneDecimal() const { return formatTenths(roundedTenths()); }
double Ratio::toDouble() const { return static_cast<double>(_num) / static_cast<double>(_den); }

Ratio Ratio::operator*(const Ratio& other) const { return Ratio(mul(_num, other._num), mul(_den, other._den)); }

Ratio Ratio::operator/(const Ratio& other) const { return Ratio(mul(_num, other._den), mul(_den, other._num)); }

Ratio Ratio::operator+(const Ratio& other) const {
  if (_den == other._den) return Ratio(add(_num, other._num), _den);
  return Ratio(add(mul(_num, other._den), mul(other._num, _den)), mul(_den, other._den));
}

std::optional<Ratio> parseDecimalRatio(std::string_view text) {
  __int128 num = 0;
  __int128 den = 1;
  bool seenDot = false;
  bool seenDigit = false;
  for (char c : text) {
    if (c == '.' && !seenDot) {
      seenDot = true;
    } else if (c >= '0' && c <= '9') {
      if (num > (static_cast<__int128>(1) << 100)) return std::nullopt;
      num = num * 10 + (c - '0');
      if (seenDot) den *= 10;
      seenDigit = true;
    } else {
      return std::nullopt;
    }
  }
  if (!seenDigit) return std::nullopt;
  return Ratio(num, den);
}

Ratio Ratio::operator-(const Ratio& other) const {
  return Ratio(mul(_num, other._den) - mul(other._num, _den), mul(_den, other._den));
}

std::string formatTenths(std::int64_t tenths) {
  // Unsigned, so that INT64_MIN has a magnitude too.
  std::uint64_t magnitude = tenths < 0 ? 0 - static_cast<std::uint64_t>(tenths) : static_cast<std::uint64_t>(tenths);
  return (tenths < 0 ? "-" : "") + std::to_string(magnitude / 10) + "." + std::to_string(magnitude % 10);
}

}  // namespace profkpi::engine

#include "engine/Ratio.h"

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

// round(num / den) half away from zero, for num >= 0 and den > 0.
std::int64_t roundHalfUp(__int128 num, __int128 den) {
  return static_cast<std::int64_t>((2 * num + den) / (2 * den));
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

std::int64_t Ratio::roundedTenths() const { return roundHalfUp(_num * 10, _den); }
std::int64_t Ratio::roundedWhole() const { return roundHalfUp(_num, _den); }
std::string Ratio::toOneDecimal() const { return formatTenths(roundedTenths()); }
double Ratio::toDouble() const { return static_cast<double>(_num) / static_cast<double>(_den); }

Ratio Ratio::operator*(const Ratio& other) const { return Ratio(_num * other._num, _den * other._den); }

Ratio Ratio::operator-(const Ratio& other) const {
  return Ratio(_num * other._den - other._num * _den, _den * other._den);
}

std::string formatTenths(std::int64_t tenths) {
  std::int64_t magnitude = tenths < 0 ? -tenths : tenths;
  return (tenths < 0 ? "-" : "") + std::to_string(magnitude / 10) + "." + std::to_string(magnitude % 10);
}

}  // namespace profkpi::engine

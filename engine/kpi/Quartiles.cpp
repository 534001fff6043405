#include "engine/kpi/Quartiles.h"

#include <cmath>
#include <stdexcept>

namespace profkpi::engine {

double quantileType7(const std::vector<double>& sorted, double p) {
  double h = static_cast<double>(sorted.size() - 1) * p;
  auto j = static_cast<std::size_t>(std::floor(h));
  double g = h - static_cast<double>(j);
  if (j + 1 >= sorted.size()) return sorted.back();
  return sorted[j] + g * (sorted[j + 1] - sorted[j]);
}

FiveNumbers summarise(const std::vector<double>& sorted) {
  FiveNumbers f;
  f.n = sorted.size();
  f.min = sorted.front();
  f.lowerQuartile = quantileType7(sorted, 0.25);
  f.median = quantileType7(sorted, 0.5);
  f.upperQuartile = quantileType7(sorted, 0.75);
  f.max = sorted.back();
  return f;
}

namespace {
// The quantile at p = quarters / 4, exactly: h = (n - 1) p = j + remainder / 4.
Ratio exactQuartile(const std::vector<Ratio>& sorted, std::size_t quarters) {
  std::size_t h4 = (sorted.size() - 1) * quarters;
  std::size_t j = h4 / 4;
  std::size_t remainder = h4 % 4;
  if (remainder == 0 || j + 1 >= sorted.size()) return sorted[j];
  return sorted[j] + Ratio(static_cast<__int128>(remainder), 4) * (sorted[j + 1] - sorted[j]);
}
}  // namespace

FiveNumbers summarise(const std::vector<Ratio>& sorted) {
  try {
    FiveNumbers f;
    f.n = sorted.size();
    f.min = sorted.front().toDouble();
    f.lowerQuartile = exactQuartile(sorted, 1).toDouble();
    f.median = exactQuartile(sorted, 2).toDouble();
    f.upperQuartile = exactQuartile(sorted, 3).toDouble();
    f.max = sorted.back().toDouble();
    return f;
  } catch (const std::overflow_error&) {
    std::vector<double> approximate;
    approximate.reserve(sorted.size());
    for (const Ratio& r : sorted) approximate.push_back(r.toDouble());
    return summarise(approximate);
  }
}

}  // namespace profkpi::engine

#include "engine/Quartiles.h"

#include <cmath>

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

}  // namespace profkpi::engine

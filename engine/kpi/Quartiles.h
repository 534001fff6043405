// Five-number summary of a sample, with quartiles by linear interpolation between
// order statistics: R's quantile type 7, the same as spreadsheet QUARTILE /
// QUARTILE.INC. For sorted x[0..n-1], the p-quantile is x[j] + g (x[j+1] - x[j])
// where h = (n - 1) p, j = floor(h), g = h - j.
#ifndef PROFKPI_ENGINE_KPI_QUARTILES_H
#define PROFKPI_ENGINE_KPI_QUARTILES_H

#include "engine/kpi/Ratio.h"

#include <cstddef>
#include <vector>

namespace profkpi::engine {

struct FiveNumbers {
  std::size_t n = 0;
  double min = 0, lowerQuartile = 0, median = 0, upperQuartile = 0, max = 0;
};

// REQUIRES: sorted ascending, not empty.
double quantileType7(const std::vector<double>& sorted, double p);
// REQUIRES: sorted ascending, not empty.
FiveNumbers summarise(const std::vector<double>& sorted);
// The same from exact values: each figure is interpolated exactly and then
// rounded to a double once, so one shown to a tenth is rounded from its exact
// value (halfway between 20/3 and 425/6 is 38.75, where doubles give 38.7499...).
// Falls back to the doubles should the exact arithmetic overflow.
// REQUIRES: sorted ascending, not empty.
FiveNumbers summarise(const std::vector<Ratio>& sorted);

}  // namespace profkpi::engine

#endif

// The two charts of a KPI panel, drawn on any canvas (the PDF pages, or SVG in
// the HTML report): where a value stands in its peers' distribution, and its
// trend over up to eight periods. Each chart is built from the assembled report
// first, so that both formats plot the same numbers.
#ifndef PROFKPI_REPORTS_CHARTS_H
#define PROFKPI_REPORTS_CHARTS_H

#include "engine/reporting/Reports.h"
#include "reports/Canvas.h"

#include <optional>
#include <string>
#include <vector>

namespace profkpi::reports {

struct DistributionRow {
  std::string label;      // "All organisations", "Unitary"
  std::size_t organisations = 0;
  bool disclosed = false;  // false: too few to show (disclosure control)
  double min = 0, lowerQuartile = 0, median = 0, upperQuartile = 0, max = 0;
  std::optional<double> rate;
};

struct DistributionChart {
  std::vector<DistributionRow> rows;
  std::optional<double> value;  // the organisation's own, marked on every row; absent in the sector report
  bool valueWarned = false;     // the value carries a data-quality warning
  std::string valueShown;       // the value as the reports print it
  engine::Status status = engine::Status::None;
  std::optional<double> target;
  std::optional<std::size_t> rank;  // the organisation's among all organisations (1 = best), when shown
  std::size_t ranked = 0;           // organisations ranked
  double scaleMax = 100;  // the axis runs from 0; a figure beyond it is drawn off-scale, marked, with its value
  std::size_t minimumGroupSize = 5;
  double rowHeight = 26;  // points per group
};

struct TrendChart {
  std::vector<std::string> periods;  // codes, oldest first
  std::vector<std::optional<double>> values;
  std::vector<std::string> shown;  // each value as the reports print it ("73.2", "n/a")
  std::vector<bool> warned;        // the value carries a data-quality warning
  std::vector<std::string> noReturn;  // periods in the window the organisation missed
  std::optional<double> target;
  double scaleMax = 100;  // a value beyond it is drawn off-scale, marked, with its value
};

// Orders periods of one length on one axis: consecutive periods differ by 1.
long periodOrdinal(const std::string& code);

DistributionChart distributionChart(const engine::KpiResult& kpi, std::size_t minimumGroupSize);
// Only the groups large enough to show; the table beside the chart lists the others.
DistributionChart distributionChart(const engine::SectorKpi& kpi, std::size_t minimumGroupSize);
// `noReturn`: the periods the organisation missed (OrganisationResults::missedReturns).
TrendChart trendChart(const engine::KpiResult& kpi, const std::vector<std::string>& noReturn = {});

// The height the chart needs.
double distributionHeight(const DistributionChart& chart);

// Draw inside the box whose top-left corner is (x, y).
void drawDistribution(Canvas& canvas, double x, double y, double w, double h, const DistributionChart& chart);
void drawTrend(Canvas& canvas, double x, double y, double w, double h, const TrendChart& chart);

// One sentence each, for a chart's text alternative: the SVG <desc> of the
// HTML report and the Figure's Alt in the tagged PDF, so both say the same.
std::string describe(const DistributionChart& chart, const std::string& unit);
std::string describe(const TrendChart& chart, const std::string& unit);

}  // namespace profkpi::reports

#endif

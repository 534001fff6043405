#include "reports/Charts.h"

#include "engine/common/Counted.h"
#include "engine/model/Period.h"
#include "engine/reporting/ReportText.h"
#include "reports/Draw.h"
#include "reports/Style.h"

#include <algorithm>
#include <cmath>

namespace profkpi::reports {

using namespace style;
namespace text = engine::report;

namespace {

constexpr double LABEL_SIZE = 7.2;
constexpr double TOP_PAD = 13;
constexpr double AXIS_HEIGHT = 15;
constexpr double LEGEND_HEIGHT = 13;
constexpr Colour TARGET{0.25, 0.27, 0.30};
constexpr Colour GRID{0.90, 0.91, 0.93};

double niceStep(double max) {
  double raw = max / 4;
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * magnitude >= raw - 1e-9) return m * magnitude;
  }
  return 10 * magnitude;
}

// A round axis maximum above every value shown.
double scaleFor(const engine::KpiDefinition& kpi, double highest) {
  if (kpi.unit == "%") return 100;
  double top = std::max(highest * 1.15, 1.0);
  double step = niceStep(top);
  return std::ceil(top / step) * step;
}

std::string tickLabel(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(v)));
  return text::oneDecimal(v);
}

DistributionRow rowFor(const engine::PeerComparison& c) {
  DistributionRow row;
  row.label = text::groupName(c.group);
  row.organisations = c.organisations;
  row.disclosed = c.disclosed && c.distribution.has_value();
  if (row.disclosed) {
    row.min = c.distribution->min;
    row.lowerQuartile = c.distribution->lowerQuartile;
    row.median = c.distribution->median;
    row.upperQuartile = c.distribution->upperQuartile;
    row.max = c.distribution->max;
    if (c.groupRate) row.rate = c.groupRate->toDouble();
  }
  return row;
}

double highestIn(const DistributionChart& chart) {
  double highest = chart.target.value_or(0);
  if (chart.value) highest = std::max(highest, *chart.value);
  for (const DistributionRow& r : chart.rows) {
    if (!r.disclosed) continue;
    highest = std::max(highest, r.max);
    if (r.rate) highest = std::max(highest, *r.rate);
  }
  return highest;
}

// Orders periods on one axis, so that a missing period leaves a gap.
long ordinal(const std::string& code) {
  auto p = engine::Period::parse(code);
  if (!p) return 0;
  return p->isQuarter() ? p->firstYear() * 4L + (p->quarter() - 1) : p->firstYear();
}

void diamond(Canvas& canvas, double cx, double cy, double r, Colour colour) {
  canvas.fillPolygon({{cx, cy - r}, {cx + r, cy}, {cx, cy + r}, {cx - r, cy}}, colour);
}

void valueMarker(Canvas& canvas, double cx, double cy, engine::Status status) {
  canvas.fillCircle(cx, cy, 5.4, WHITE);
  canvas.fillCircle(cx, cy, 4.3, statusColour(status));
  canvas.fillCircle(cx, cy, 1.3, WHITE);
}

}  // namespace

DistributionChart distributionChart(const engine::KpiResult& kpi, std::size_t minimumGroupSize) {
  DistributionChart chart;
  chart.rows.push_back(rowFor(kpi.sector));
  if (!kpi.type.group.empty()) chart.rows.push_back(rowFor(kpi.type));
  if (kpi.current.value) chart.value = kpi.current.value->toDouble();
  chart.valueShown = text::value(kpi.current.value);
  chart.status = kpi.current.status;
  if (kpi.sector.disclosed && kpi.sector.rank) {
    chart.rank = kpi.sector.rank;
    chart.ranked = kpi.sector.organisations;
  }
  chart.target = kpi.current.kpi->target.toDouble();
  chart.minimumGroupSize = minimumGroupSize;
  chart.scaleMax = scaleFor(*kpi.current.kpi, highestIn(chart));
  return chart;
}

DistributionChart distributionChart(const engine::SectorKpi& kpi, std::size_t minimumGroupSize) {
  DistributionChart chart;
  for (const engine::GroupDistribution& g : kpi.groups) {
    if (g.current.disclosed) chart.rows.push_back(rowFor(g.current));
  }
  chart.rowHeight = 20;
  chart.target = kpi.kpi->target.toDouble();
  chart.minimumGroupSize = minimumGroupSize;
  chart.scaleMax = scaleFor(*kpi.kpi, highestIn(chart));
  return chart;
}

TrendChart trendChart(const engine::KpiResult& kpi) {
  TrendChart chart;
  double highest = kpi.current.kpi->target.toDouble();
  for (const engine::TrendPoint& p : kpi.trend) {
    chart.periods.push_back(p.period);
    chart.values.push_back(p.value ? std::optional<double>(p.value->toDouble()) : std::nullopt);
    chart.shown.push_back(text::value(p.value));
    if (p.value) highest = std::max(highest, p.value->toDouble());
  }
  chart.target = kpi.current.kpi->target.toDouble();
  chart.scaleMax = scaleFor(*kpi.current.kpi, highest);
  return chart;
}

double distributionHeight(const DistributionChart& chart) {
  return TOP_PAD + chart.rowHeight * static_cast<double>(std::max<std::size_t>(chart.rows.size(), 1)) + AXIS_HEIGHT +
         LEGEND_HEIGHT;
}

void drawDistribution(Canvas& canvas, double x, double y, double w, double h, const DistributionChart& chart) {
  const double labelWidth = std::min(w * 0.27, 100.0);
  const double plotX = x + labelWidth + 8;
  const double plotW = w - labelWidth - 8 - 10;
  const std::size_t n = std::max<std::size_t>(chart.rows.size(), 1);
  const double rowsTop = y + TOP_PAD;
  const double rowH = std::min(chart.rowHeight * 1.4, (h - TOP_PAD - AXIS_HEIGHT - LEGEND_HEIGHT) / static_cast<double>(n));
  const double rowsBottom = rowsTop + rowH * static_cast<double>(n);
  auto at = [&](double v) { return plotX + std::clamp(v / chart.scaleMax, 0.0, 1.0) * plotW; };
  TextStyle label{Face::Regular, LABEL_SIZE, MUTED, 1.2};

  // Axis and grid.
  double step = niceStep(chart.scaleMax);
  for (double t = 0; t <= chart.scaleMax + 1e-9; t += step) {
    canvas.line(at(t), rowsTop, at(t), rowsBottom, 0.5, GRID);
    drawLine(canvas, at(t), rowsBottom + 10, 30, tickLabel(t), label, Align::Centre);
  }
  canvas.line(plotX, rowsBottom, plotX + plotW, rowsBottom, 0.6, RULE);

  for (std::size_t i = 0; i < chart.rows.size(); ++i) {
    const DistributionRow& row = chart.rows[i];
    double cy = rowsTop + rowH * (static_cast<double>(i) + 0.5);
    TextStyle rowLabel{Face::Bold, LABEL_SIZE, INK, 1.2};
    std::string count = engine::counted(row.organisations, "organisation");
    if (!row.disclosed) {
      // Disclosure control: the group is named, its figures are not.
      drawLine(canvas, x, cy - 5, labelWidth, row.label, rowLabel);
      drawLine(canvas, x, cy + 3.5, labelWidth, count, label);
      drawLine(canvas, x, cy + 12, labelWidth, "too few to show", label);
      canvas.line(plotX, cy, plotX + plotW, cy, 0.6, GRID);
      continue;
    }
    drawLine(canvas, x, cy - 1, labelWidth, row.label, rowLabel);
    drawLine(canvas, x, cy + LABEL_SIZE + 0.5, labelWidth, count, label);
    double boxH = std::min(11.0, rowH * 0.46);
    canvas.line(at(row.min), cy, at(row.max), cy, 1.1, RANGE);
    canvas.line(at(row.min), cy - 3, at(row.min), cy + 3, 1.1, RANGE);
    canvas.line(at(row.max), cy - 3, at(row.max), cy + 3, 1.1, RANGE);
    canvas.fillRect(at(row.lowerQuartile), cy - boxH / 2, std::max(at(row.upperQuartile) - at(row.lowerQuartile), 1.0),
                    boxH, BAND_QUARTILE);
    canvas.line(at(row.median), cy - boxH / 2 - 1.5, at(row.median), cy + boxH / 2 + 1.5, 2.0, NAVY);
    if (row.rate) diamond(canvas, at(*row.rate), cy + boxH / 2 + 4.2, 3.2, NAVY);
  }

  if (chart.target) {
    double tx = at(*chart.target);
    canvas.line(tx, rowsTop - 2, tx, rowsBottom, 1.0, TARGET, true);
    TextStyle targetStyle{Face::Regular, LABEL_SIZE, TARGET};
    std::string words = "target " + tickLabel(*chart.target);
    double width = canvas.width(cleanFor(canvas, words), targetStyle.face, targetStyle.size);
    double left = std::clamp(tx - width / 2, plotX, plotX + plotW - width);
    drawLine(canvas, left, rowsTop - 4, width + 2, words, targetStyle);
  }
  if (chart.value) {
    for (std::size_t i = 0; i < chart.rows.size(); ++i) {
      double cy = rowsTop + rowH * (static_cast<double>(i) + 0.5);
      valueMarker(canvas, at(*chart.value), cy, chart.status);
    }
  }

  // Legend.
  double ly = rowsBottom + AXIS_HEIGHT + 7;
  double lx = plotX;
  TextStyle legend{Face::Regular, 6.8, MUTED};
  auto item = [&](const std::string& words) {
    lx += drawLine(canvas, lx, ly + 2.4, 120, words, legend) + 9;
  };
  canvas.fillRect(lx, ly - 2.5, 10, 5, BAND_QUARTILE);
  lx += 13;
  item("middle half");
  canvas.line(lx + 1, ly - 3.5, lx + 1, ly + 3.5, 2.0, NAVY);
  lx += 5;
  item("median");
  diamond(canvas, lx + 3, ly, 3.0, NAVY);
  lx += 8;
  item("rate");
  canvas.line(lx + 1, ly - 3.5, lx + 1, ly + 3.5, 1.0, TARGET, true);
  lx += 5;
  item("target");
  if (chart.value) {
    valueMarker(canvas, lx + 4, ly, chart.status);
    lx += 11;
    item("this organisation");
  }
}

void drawTrend(Canvas& canvas, double x, double y, double w, double h, const TrendChart& chart) {
  const double axisW = 24;
  const double plotX = x + axisW;
  const double plotW = w - axisW - 4;
  const double plotY = y + 8;
  const double plotH = h - 8 - 24;
  auto atY = [&](double v) { return plotY + plotH - std::clamp(v / chart.scaleMax, 0.0, 1.0) * plotH; };
  TextStyle label{Face::Regular, LABEL_SIZE, MUTED, 1.15};

  double step = niceStep(chart.scaleMax);
  for (double t = 0; t <= chart.scaleMax + 1e-9; t += step) {
    canvas.line(plotX, atY(t), plotX + plotW, atY(t), 0.5, t == 0 ? RULE : GRID);
    drawLine(canvas, plotX - 3, atY(t) + 2.5, axisW - 3, tickLabel(t), label, Align::Right);
  }
  if (chart.target) {
    double ty = atY(*chart.target);
    canvas.line(plotX, ty, plotX + plotW, ty, 1.0, TARGET, true);
  }
  if (chart.periods.empty()) return;

  long last = ordinal(chart.periods.back());
  long first = ordinal(chart.periods.front());
  long slots = std::max<long>(static_cast<long>(engine::TREND_LENGTH), last - first + 1);
  double slotW = plotW / static_cast<double>(slots);
  auto atX = [&](const std::string& period) {
    return plotX + slotW * (static_cast<double>(ordinal(period) - (last - slots + 1)) + 0.5);
  };

  for (std::size_t i = 0; i + 1 < chart.periods.size(); ++i) {
    // Only neighbouring periods are joined: a line across a gap would invent data.
    if (!chart.values[i] || !chart.values[i + 1]) continue;
    if (ordinal(chart.periods[i + 1]) - ordinal(chart.periods[i]) != 1) continue;
    canvas.polyline({{atX(chart.periods[i]), atY(*chart.values[i])},
                     {atX(chart.periods[i + 1]), atY(*chart.values[i + 1])}},
                    1.6, NAVY);
  }
  TextStyle label2 = label;
  for (std::size_t i = 0; i < chart.periods.size(); ++i) {
    double px = atX(chart.periods[i]);
    std::string period = text::periodShort(chart.periods[i]);
    std::size_t space = period.find(' ');
    std::string top = space == std::string::npos ? period : period.substr(0, space);
    // The financial year under the first quarter and each Q1 only: eight
    // periods share the chart's width.
    std::string year = space == std::string::npos ? "" : period.substr(space + 1);
    auto parsed = engine::Period::parse(chart.periods[i]);
    bool newYear = i == 0 || (parsed && parsed->quarter() == 1);
    if (space == std::string::npos) {
      // A year ("2010/11") is wider than its slot: every other year goes on
      // the second line, each with two slots' width (cut to fit, neighbours
      // ran into one another as "2010.2011.2012…"). The latest is on the first.
      bool lower = (last - ordinal(chart.periods[i])) % 2 == 1;
      drawLine(canvas, px, plotY + plotH + (lower ? 17.5 : 9), 2 * slotW, top, label2, Align::Centre);
    } else {
      drawLine(canvas, px, plotY + plotH + 9, slotW + 6, top, label2, Align::Centre);
    }
    if (!year.empty() && newYear) {
      double left = std::max(px - slotW / 2, x);
      drawLine(canvas, left, plotY + plotH + 17.5, plotX + plotW - left, year, label2);
    }
    if (!chart.values[i]) {
      drawLine(canvas, px, plotY + plotH - 3, slotW + 6, "n/a", label2, Align::Centre);
      continue;
    }
    canvas.fillCircle(px, atY(*chart.values[i]), i + 1 == chart.periods.size() ? 3.4 : 2.5, NAVY);
  }

  // Value labels, the latest first; a label that would overlap one already
  // drawn is left out (the HTML version's table lists every value).
  struct Box {
    double left, right, top, bottom;
  };
  std::vector<Box> drawn;
  for (std::size_t n = chart.periods.size(); n-- > 0;) {
    if (!chart.values[n]) continue;
    bool latest = n + 1 == chart.periods.size();
    TextStyle style{latest ? Face::Bold : Face::Regular, 6.6, INK};
    double px = atX(chart.periods[n]);
    double baseline = atY(*chart.values[n]) - 5;
    double width = canvas.width(cleanFor(canvas, chart.shown[n]), style.face, style.size);
    Box box{px - width / 2 - 1.5, px + width / 2 + 1.5, baseline - style.size * 0.8, baseline + 1};
    bool clear = std::none_of(drawn.begin(), drawn.end(), [&](const Box& b) {
      return box.left < b.right && b.left < box.right && box.top < b.bottom && b.top < box.bottom;
    });
    if (!clear) continue;
    // On a white ground, so that a label crossing the target line stays legible.
    canvas.fillRect(box.left + 0.5, box.top, box.right - box.left - 1, box.bottom - box.top, WHITE);
    drawLine(canvas, px, baseline, width + 4, chart.shown[n], style, Align::Centre);
    drawn.push_back(box);
  }
}

std::string describe(const DistributionChart& chart, const std::string& unit) {
  std::string out;
  for (const DistributionRow& r : chart.rows) {
    out += r.label + " (" + std::to_string(r.organisations) + "): ";
    if (!r.disclosed) {
      out += "fewer than " + std::to_string(chart.minimumGroupSize) + " with a value, not shown. ";
      continue;
    }
    out += "lowest " + text::oneDecimal(r.min) + ", lower quartile " + text::oneDecimal(r.lowerQuartile) +
           ", median " + text::oneDecimal(r.median) + ", upper quartile " + text::oneDecimal(r.upperQuartile) +
           ", highest " + text::oneDecimal(r.max);
    if (r.rate) out += ", rate " + text::oneDecimal(*r.rate);
    out += ". ";
  }
  if (chart.value) out += "This organisation: " + chart.valueShown + " " + unit + ". ";
  if (chart.rank) out += "Rank " + std::to_string(*chart.rank) + " of " + std::to_string(chart.ranked) + ". ";
  if (chart.target) out += "Target: " + tickLabel(*chart.target) + " " + unit + ".";
  return out;
}

std::string describe(const TrendChart& chart, const std::string& unit) {
  std::string out;
  for (std::size_t i = 0; i < chart.periods.size(); ++i) {
    if (i > 0) out += "; ";
    out += text::periodShort(chart.periods[i]) + " " + chart.shown[i];
  }
  out += " (" + unit + ").";
  if (chart.target) out += " Target: " + tickLabel(*chart.target) + ".";
  return out;
}

}  // namespace profkpi::reports

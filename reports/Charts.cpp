#include "reports/Charts.h"

#include "engine/model/Period.h"
#include "engine/reporting/ReportText.h"
#include "engine/reporting/Words.h"
#include "reports/Draw.h"
#include "reports/Style.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

namespace profkpi::reports {

using namespace style;
namespace text = engine::report;
using engine::report::fill;
using engine::report::tr;
using engine::report::trn;

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

// The highest figure the axis must hold: one figure more than twice the next
// (or the target) is an outlier, drawn off-scale, so that it does not flatten
// the others; so is a value carrying a data-quality warning above the others.
double robustHighest(std::vector<double> figures, double floor, const std::vector<double>& warned = {}) {
  figures.erase(std::remove_if(figures.begin(), figures.end(),
                               [&](double f) { return std::find(warned.begin(), warned.end(), f) != warned.end(); }),
                figures.end());
  if (figures.empty()) return floor;
  std::sort(figures.begin(), figures.end());
  double rest = floor;
  for (std::size_t i = 0; i + 1 < figures.size(); ++i) rest = std::max(rest, figures[i]);
  if (figures.back() > 2 * rest && rest > 0) return rest;
  return std::max(figures.back(), floor);
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
  // The quartiles and rates always fit; the extremes and this organisation's
  // value may be drawn off-scale when they are outliers.
  double floor = chart.target.value_or(0);
  std::vector<double> figures;
  std::vector<double> warned;
  if (chart.value) {
    figures.push_back(*chart.value);
    if (chart.valueWarned) warned.push_back(*chart.value);
  }
  for (const DistributionRow& r : chart.rows) {
    if (!r.disclosed) continue;
    floor = std::max({floor, r.upperQuartile, r.rate.value_or(0)});
    figures.push_back(r.max);
  }
  return robustHighest(figures, floor, warned);
}

void diamond(Canvas& canvas, double cx, double cy, double r, Colour colour) {
  canvas.fillPolygon({{cx, cy - r}, {cx + r, cy}, {cx, cy + r}, {cx - r, cy}}, colour);
}

void valueMarker(Canvas& canvas, double cx, double cy, engine::Status status) {
  canvas.fillCircle(cx, cy, 5.4, WHITE);
  canvas.fillCircle(cx, cy, 4.3, statusColour(status));
  canvas.fillCircle(cx, cy, 1.3, WHITE);
}

// An arrow at the edge of a plot pointing right (off-scale) or up.
void offScaleArrow(Canvas& canvas, double x, double y, bool up, Colour colour) {
  if (up) {
    canvas.fillPolygon({{x - 3, y + 3}, {x + 3, y + 3}, {x, y - 2}}, colour);
  } else {
    canvas.fillPolygon({{x - 3, y - 3}, {x - 3, y + 3}, {x + 2, y}}, colour);
  }
}

}  // namespace

long periodOrdinal(const std::string& code) {
  auto p = engine::Period::parse(code);
  if (!p) return 0;
  return p->isQuarter() ? p->firstYear() * 4L + (p->quarter() - 1) : p->firstYear();
}

DistributionChart distributionChart(const engine::KpiResult& kpi, std::size_t minimumGroupSize) {
  DistributionChart chart;
  chart.rows.push_back(rowFor(kpi.sector));
  if (!kpi.type.group.empty()) chart.rows.push_back(rowFor(kpi.type));
  // A type too small to show gives way to the wider group, when that is large enough.
  if (!kpi.type.disclosed && kpi.wider.disclosed) chart.rows.push_back(rowFor(kpi.wider));
  if (kpi.current.value) chart.value = kpi.current.value->toDouble();
  chart.valueWarned = !kpi.warnings.empty();
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

TrendChart trendChart(const engine::KpiResult& kpi, const std::vector<std::string>& noReturn) {
  TrendChart chart;
  std::vector<double> figures, warned;
  for (const engine::TrendPoint& p : kpi.trend) {
    chart.periods.push_back(p.period);
    chart.values.push_back(p.value ? std::optional<double>(p.value->toDouble()) : std::nullopt);
    chart.shown.push_back(text::value(p.value));
    chart.warned.push_back(!p.warnings.empty());
    if (p.value) figures.push_back(p.value->toDouble());
    if (p.value && !p.warnings.empty()) warned.push_back(p.value->toDouble());
  }
  chart.noReturn = noReturn;
  chart.target = kpi.current.kpi->target.toDouble();
  chart.scaleMax = scaleFor(*kpi.current.kpi, robustHighest(figures, *chart.target, warned));
  return chart;
}

double distributionHeight(const DistributionChart& chart) {
  return TOP_PAD + chart.rowHeight * static_cast<double>(std::max<std::size_t>(chart.rows.size(), 1)) + AXIS_HEIGHT +
         LEGEND_HEIGHT;
}

void drawDistribution(Canvas& canvas, double x, double y, double w, double h, const DistributionChart& chart) {
  const double labelWidth = std::min(w * 0.27, 100.0);
  const double plotX = x + labelWidth + 8;
  const double plotW = w - labelWidth - 8 - 22;  // room on the right for an off-scale value
  const std::size_t n = std::max<std::size_t>(chart.rows.size(), 1);
  const double rowsTop = y + TOP_PAD;
  const double rowH = std::min(chart.rowHeight * 1.4, (h - TOP_PAD - AXIS_HEIGHT - LEGEND_HEIGHT) / static_cast<double>(n));
  const double rowsBottom = rowsTop + rowH * static_cast<double>(n);
  auto at = [&](double v) { return plotX + std::clamp(v / chart.scaleMax, 0.0, 1.0) * plotW; };
  auto beyond = [&](double v) { return v > chart.scaleMax * (1 + 1e-9); };
  TextStyle label{Face::Regular, LABEL_SIZE, MUTED, 1.2};
  TextStyle small{Face::Regular, 6.4, INK};

  // Axis and grid.
  double step = niceStep(chart.scaleMax);
  for (double t = 0; t <= chart.scaleMax + 1e-9; t += step) {
    canvas.line(at(t), rowsTop, at(t), rowsBottom, 0.5, GRID);
    drawLine(canvas, at(t), rowsBottom + 10, 30, tickLabel(t), label, Align::Centre);
  }
  canvas.line(plotX, rowsBottom, plotX + plotW, rowsBottom, 0.6, RULE);

  for (std::size_t i = 0; i < chart.rows.size(); ++i) {
    const DistributionRow& row = chart.rows[i];
    double rowTop = rowsTop + rowH * static_cast<double>(i);
    double cy = rowTop + rowH * 0.5;
    TextStyle rowLabel{Face::Bold, LABEL_SIZE, INK, 1.15};
    // TRANSLATORS: peers chart, under a group's name: {1} organisations in the group.
    std::string count = fill(trn("chart", "{1} organisation", "{1} organisations", static_cast<std::int64_t>(row.organisations)),
                             {std::to_string(row.organisations)});
    // The group's name may take two lines ("Metropolitan district"): never cut.
    std::size_t nameLines = wrapFor(canvas, labelWidth, row.label, rowLabel, 2).size();
    double nameH = static_cast<double>(nameLines) * LABEL_SIZE * 1.15;
    double labelTop = cy - (nameH + LABEL_SIZE * 1.2 * (row.disclosed ? 1 : 2)) / 2;
    drawWrapped(canvas, x, labelTop, labelWidth, row.label, rowLabel, 2);
    drawLine(canvas, x, labelTop + nameH + LABEL_SIZE, labelWidth, count, label);
    if (!row.disclosed) {
      // Disclosure control: the group is named, its figures are not.
      // TRANSLATORS: peers chart, a group too small for its figures to be shown (narrow label).
      drawLine(canvas, x, labelTop + nameH + LABEL_SIZE * 2.2, labelWidth, tr("chart", "too few to show"), label);
      canvas.line(plotX, cy, plotX + plotW, cy, 0.6, GRID);
      continue;
    }
    double boxH = std::min(10.0, rowH * 0.36);
    double boxY = cy + 2;  // the box sits low in its row; this organisation's mark sits above it
    double bc = boxY + boxH / 2;
    canvas.line(at(row.min), bc, at(row.max), bc, 1.1, RANGE);
    canvas.line(at(row.min), bc - 3, at(row.min), bc + 3, 1.1, RANGE);
    if (beyond(row.max)) {
      offScaleArrow(canvas, plotX + plotW + 3, bc, false, RANGE);
      drawLine(canvas, plotX + plotW + 7, bc + 2.3, 30, tickLabel(std::round(row.max * 10) / 10), small);
    } else {
      canvas.line(at(row.max), bc - 3, at(row.max), bc + 3, 1.1, RANGE);
    }
    canvas.fillRect(at(row.lowerQuartile), boxY, std::max(at(row.upperQuartile) - at(row.lowerQuartile), 1.0), boxH,
                    BAND_QUARTILE);
    canvas.line(at(row.median), boxY - 1.5, at(row.median), boxY + boxH + 1.5, 2.0, NAVY);
    if (row.rate) diamond(canvas, at(*row.rate), boxY + boxH + 4.2, 3.2, NAVY);
    if (chart.value) {
      // A downward pointer above the box: it hides neither the median nor a whisker.
      double vx = beyond(*chart.value) ? plotX + plotW : at(*chart.value);
      valueMarker(canvas, vx, boxY - 6.5, chart.status);
      if (beyond(*chart.value)) {
        offScaleArrow(canvas, plotX + plotW + 8, boxY - 6.5, false, INK);
        drawLine(canvas, plotX + plotW + 12, boxY - 4.2, 30, chart.valueShown, small);
      }
    }
  }

  if (chart.target) {
    double tx = at(*chart.target);
    canvas.line(tx, rowsTop - 2, tx, rowsBottom, 1.0, TARGET, true);
    TextStyle targetStyle{Face::Regular, LABEL_SIZE, TARGET};
    // TRANSLATORS: peers chart, above the target's dashed line: {1} the target.
    std::string words = fill(tr("chart", "target {1}"), {tickLabel(*chart.target)});
    double width = canvas.width(cleanFor(canvas, words), targetStyle.face, targetStyle.size);
    double left = std::clamp(tx - width / 2, plotX, plotX + plotW - width);
    drawLine(canvas, left, rowsTop - 4, width + 2, words, targetStyle);
  }

  // Legend, on as many lines as the width needs: never cut.
  double ly = rowsBottom + AXIS_HEIGHT + 7;
  double lx = plotX;
  TextStyle legend{Face::Regular, 6.8, MUTED};
  auto item = [&](double markWidth, const std::string& words, const std::function<void(double)>& mark) {
    double need = markWidth + canvas.width(cleanFor(canvas, words), legend.face, legend.size) + 9;
    if (lx + need > x + w && lx > plotX) {
      lx = plotX;
      ly += 10;
    }
    mark(lx);
    lx += markWidth;
    lx += drawLine(canvas, lx, ly + 2.4, need, words, legend) + 9;
  };
  // TRANSLATORS: peers chart legend: the box from lower to upper quartile.
  item(13, tr("chart legend", "middle half"), [&](double at) { canvas.fillRect(at, ly - 2.5, 10, 5, BAND_QUARTILE); });
  // TRANSLATORS: peers chart legend.
  item(5, tr("chart legend", "median"), [&](double at) { canvas.line(at + 1, ly - 3.5, at + 1, ly + 3.5, 2.0, NAVY); });
  // TRANSLATORS: peers chart legend: the group's rate (sum of numerators over sum of denominators).
  item(8, tr("chart legend", "rate"), [&](double at) { diamond(canvas, at + 3, ly, 3.0, NAVY); });
  // TRANSLATORS: peers chart legend.
  item(5, tr("chart legend", "target"), [&](double at) { canvas.line(at + 1, ly - 3.5, at + 1, ly + 3.5, 1.0, TARGET, true); });
  if (chart.value) {
    // TRANSLATORS: peers chart legend: the organisation the board report is about.
    item(11, tr("chart legend", "this organisation"), [&](double at) { valueMarker(canvas, at + 4, ly, chart.status); });
  }
}

void drawTrend(Canvas& canvas, double x, double y, double w, double h, const TrendChart& chart) {
  const double axisW = 24;
  const double plotX = x + axisW;
  const double plotW = w - axisW - 4;
  auto beyond = [&](double v) { return v > chart.scaleMax * (1 + 1e-9); };
  // Room above the plot for an off-scale value's arrow and label.
  const bool offScale = std::any_of(chart.values.begin(), chart.values.end(),
                                    [&](const std::optional<double>& v) { return v && beyond(*v); });
  const double headroom = offScale ? 20 : 12;
  const double plotY = y + headroom;
  const double plotH = h - headroom - 26;
  auto atY = [&](double v) { return plotY + plotH - std::clamp(v / chart.scaleMax, 0.0, 1.0) * plotH; };
  TextStyle label{Face::Regular, LABEL_SIZE, MUTED, 1.15};

  double step = niceStep(chart.scaleMax);
  for (double t = 0; t <= chart.scaleMax + 1e-9; t += step) {
    canvas.line(plotX, atY(t), plotX + plotW, atY(t), 0.5, t == 0 ? RULE : GRID);
    drawLine(canvas, plotX - 3, atY(t) + 2.5, axisW - 3, tickLabel(t), label, Align::Right);
  }
  std::optional<double> targetY;
  if (chart.target) {
    targetY = atY(*chart.target);
    canvas.line(plotX, *targetY, plotX + plotW, *targetY, 1.0, TARGET, true);
  }
  if (chart.periods.empty()) return;

  // Slots for TREND_LENGTH periods ending with the latest: a missed period keeps its slot.
  const long last = periodOrdinal(chart.periods.back());
  const long slots = std::max<long>(static_cast<long>(engine::TREND_LENGTH),
                                    last - periodOrdinal(chart.periods.front()) + 1);
  const long firstSlot = last - slots + 1;
  const double slotW = plotW / static_cast<double>(slots);
  auto atSlot = [&](long ordinal) { return plotX + slotW * (static_cast<double>(ordinal - firstSlot) + 0.5); };
  auto atX = [&](const std::string& period) { return atSlot(periodOrdinal(period)); };
  auto pointY = [&](std::size_t i) { return beyond(*chart.values[i]) ? plotY : atY(*chart.values[i]); };

  // Period labels under every slot, and each financial year once under its
  // quarters, so that no point's period is ambiguous.
  auto first = engine::Period::parse(chart.periods.front());
  const bool quarters = first && first->isQuarter();
  TextStyle yearStyle{Face::Regular, 6.4, MUTED};
  for (long o = firstSlot; o <= last; ++o) {
    double px = atSlot(o);
    if (quarters) {
      int q = static_cast<int>(((o % 4) + 4) % 4) + 1;
      // TRANSLATORS: trend chart, a quarter under its point: {1} 1 to 4 ("Q1"; Welsh councils write "Ch1").
      drawLine(canvas, px, plotY + plotH + 9, slotW, fill(tr("chart", "Q{1}"), {std::to_string(q)}), label, Align::Centre);
      bool yearStart = q == 1 || o == firstSlot;
      if (!yearStart) continue;
      long yearEnd = std::min(last, o + (4 - q));
      long year = (o - (q - 1)) / 4;
      double left = atSlot(o) - slotW / 2, right = atSlot(yearEnd) + slotW / 2;
      char full[48], brief[48];
      std::snprintf(full, sizeof full, "%04ld/%02ld", year, (year + 1) % 100);
      std::snprintf(brief, sizeof brief, "%02ld/%02ld", year % 100, (year + 1) % 100);
      double fullW = canvas.width(full, yearStyle.face, yearStyle.size);
      std::string words = fullW + 2 <= right - left ? full : brief;
      if (o != firstSlot) canvas.line(left, plotY + plotH + 2, left, plotY + plotH + 21, 0.4, RULE);
      drawLine(canvas, (left + right) / 2, plotY + plotH + 18.5, right - left, words, yearStyle, Align::Centre);
    } else {
      // A year ("2010/11") is wider than its slot: alternate lines, two slots each.
      char full[48];
      std::snprintf(full, sizeof full, "%04ld/%02ld", o, (o + 1) % 100);
      bool lower = (last - o) % 2 == 1;
      drawLine(canvas, px, plotY + plotH + (lower ? 18.5 : 9), 2 * slotW, full, yearStyle, Align::Centre);
    }
  }
  TextStyle gapStyle{Face::Regular, 5.6, MUTED, 1.1};
  for (const std::string& missed : chart.noReturn) {
    long o = periodOrdinal(missed);
    if (o < firstSlot || o > last) continue;
    // TRANSLATORS: trend chart, in the slot of a missed return (two short lines at most).
    drawWrapped(canvas, atSlot(o) - slotW / 2, plotY + plotH - 14, slotW, tr("chart", "no return"), gapStyle, 2, Align::Centre);
  }

  for (std::size_t i = 0; i + 1 < chart.periods.size(); ++i) {
    // Only neighbouring periods are joined: a line across a gap would invent data.
    if (!chart.values[i] || !chart.values[i + 1]) continue;
    if (periodOrdinal(chart.periods[i + 1]) - periodOrdinal(chart.periods[i]) != 1) continue;
    canvas.polyline({{atX(chart.periods[i]), pointY(i)}, {atX(chart.periods[i + 1]), pointY(i + 1)}}, 1.6, NAVY);
  }

  // What a value label must not touch: the target line, every point, every
  // segment, and labels already placed.
  struct Box {
    double left, right, top, bottom;
    bool meets(const Box& b) const { return left < b.right && b.left < right && top < b.bottom && b.top < bottom; }
  };
  std::vector<Box> taken;
  if (targetY) taken.push_back({plotX, plotX + plotW, *targetY - 1.2, *targetY + 1.2});
  // The words in a missed period's slot: a neighbour's value label stays off them.
  for (const std::string& missed : chart.noReturn) {
    long o = periodOrdinal(missed);
    if (o >= firstSlot && o <= last) taken.push_back({atSlot(o) - slotW / 2, atSlot(o) + slotW / 2, plotY + plotH - 15, plotY + plotH});
  }
  for (std::size_t i = 0; i < chart.periods.size(); ++i) {
    double px = atX(chart.periods[i]);
    if (!chart.values[i]) {
      drawLine(canvas, px, plotY + plotH - 3, slotW + 6, tr("figure", "n/a"), label, Align::Centre);
      taken.push_back({px - slotW / 2, px + slotW / 2, plotY + plotH - 10, plotY + plotH});
      continue;
    }
    double py = pointY(i);
    bool latest = i + 1 == chart.periods.size();
    if (chart.warned[i]) {
      // A value with a data-quality warning: a ring, not a dot.
      canvas.fillCircle(px, py, 3.6, NAVY);
      canvas.fillCircle(px, py, 2.0, WHITE);
    } else {
      canvas.fillCircle(px, py, latest ? 3.4 : 2.5, NAVY);
    }
    if (beyond(*chart.values[i])) offScaleArrow(canvas, px, py - 5, true, NAVY);
    taken.push_back({px - 4, px + 4, py - 4 - (beyond(*chart.values[i]) ? 5 : 0), py + 4});
  }
  auto segmentBoxes = [&](const Box& label) {
    for (std::size_t i = 0; i + 1 < chart.periods.size(); ++i) {
      if (!chart.values[i] || !chart.values[i + 1]) continue;
      if (periodOrdinal(chart.periods[i + 1]) - periodOrdinal(chart.periods[i]) != 1) continue;
      double x1 = atX(chart.periods[i]), y1 = pointY(i), x2 = atX(chart.periods[i + 1]), y2 = pointY(i + 1);
      // Sample the segment: a label box that contains a sample point touches it.
      for (int k = 0; k <= 12; ++k) {
        double t = k / 12.0, sx = x1 + (x2 - x1) * t, sy = y1 + (y2 - y1) * t;
        if (sx > label.left - 0.8 && sx < label.right + 0.8 && sy > label.top - 0.8 && sy < label.bottom + 0.8) return true;
      }
    }
    return false;
  };

  // Value labels, the latest first, above or below their point; a label with
  // no clear place is left out (the table beside the chart lists every value).
  for (std::size_t n = chart.periods.size(); n-- > 0;) {
    if (!chart.values[n]) continue;
    bool latest = n + 1 == chart.periods.size();
    TextStyle style{latest ? Face::Bold : Face::Regular, 6.6, INK};
    double px = atX(chart.periods[n]);
    double py = pointY(n);
    double width = canvas.width(cleanFor(canvas, chart.shown[n]), style.face, style.size);
    double lift = beyond(*chart.values[n]) ? 8 : 0;
    // Above, below, right of and left of the point, then higher above.
    const std::pair<double, double> places[] = {{0, py - 5 - lift},
                                                {0, py + 4 + style.size * 0.8},
                                                {width / 2 + 5, py + 2.3},
                                                {-width / 2 - 5, py + 2.3},
                                                {0, py - 9 - lift}};
    for (const auto& [dx, baseline] : places) {
      Box box{px + dx - width / 2 - 1, px + dx + width / 2 + 1, baseline - style.size * 0.78, baseline + 1.2};
      if (box.top < y || box.bottom > plotY + plotH || box.left < plotX || box.right > plotX + plotW + 4) continue;
      bool clear = std::none_of(taken.begin(), taken.end(), [&](const Box& b) { return box.meets(b); }) &&
                   !segmentBoxes(box);
      if (!clear) continue;
      drawLine(canvas, px + dx, baseline, width + 4, chart.shown[n], style, Align::Centre);
      taken.push_back(box);
      break;
    }
  }
}

std::string describe(const DistributionChart& chart, const std::string& unit) {
  std::string out;
  for (const DistributionRow& r : chart.rows) {
    std::string group = r.label, size = std::to_string(r.organisations);
    if (!r.disclosed) {
      // TRANSLATORS: alternative text of the peers chart, one group too small to show: {1} the group,
      // {2} its size, {3} the smallest group shown (5).
      out += fill(tr("chart description", "{1} ({2}): fewer than {3} with a value, not shown. "),
                  {group, size, std::to_string(chart.minimumGroupSize)});
      continue;
    }
    std::vector<std::string> figures = {group, size, text::oneDecimal(r.min), text::oneDecimal(r.lowerQuartile),
                                        text::oneDecimal(r.median), text::oneDecimal(r.upperQuartile), text::oneDecimal(r.max)};
    if (r.rate) {
      // TRANSLATORS: alternative text of the peers chart, one group: {1} the group, {2} its size, {3} to {7} the
      // lowest value, lower quartile, median, upper quartile and highest value, {8} the group's rate.
      out += fill(tr("chart description", "{1} ({2}): lowest {3}, lower quartile {4}, median {5}, upper quartile {6}, "
                                          "highest {7}, rate {8}. "),
                  {figures[0], figures[1], figures[2], figures[3], figures[4], figures[5], figures[6], text::oneDecimal(*r.rate)});
    } else {
      // TRANSLATORS: as above, without a rate.
      out += fill(tr("chart description", "{1} ({2}): lowest {3}, lower quartile {4}, median {5}, upper quartile {6}, highest {7}. "),
                  {figures[0], figures[1], figures[2], figures[3], figures[4], figures[5], figures[6]});
    }
  }
  // TRANSLATORS: alternative text of the peers chart: {1} the organisation's value, {2} the unit.
  if (chart.value) out += fill(tr("chart description", "This organisation: {1} {2}. "), {chart.valueShown, unit});
  if (chart.rank) {
    // TRANSLATORS: alternative text of the peers chart: {1} rank, {2} of how many.
    out += fill(tr("chart description", "Rank {1} of {2}. "), {std::to_string(*chart.rank), std::to_string(chart.ranked)});
  }
  // TRANSLATORS: alternative text of the peers chart: {1} the target, {2} the unit.
  if (chart.target) out += fill(tr("chart description", "Target: {1} {2}."), {tickLabel(*chart.target), unit});
  return out;
}

std::string describe(const TrendChart& chart, const std::string& unit) {
  std::string out;
  for (std::size_t i = 0; i < chart.periods.size(); ++i) {
    if (i > 0) out += "; ";
    out += text::periodShort(chart.periods[i]) + " " + chart.shown[i];
  }
  out += " (" + unit + ").";
  // TRANSLATORS: alternative text of a trend chart, after the values: {1} the target.
  if (chart.target) out += fill(tr("chart description", " Target: {1}."), {tickLabel(*chart.target)});
  return out;
}

}  // namespace profkpi::reports

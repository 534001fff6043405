// A trend chart's value labels never touch the target line, a point, a
// segment or another label, and an outlier is drawn off-scale with its value
// instead of flattening the others (issue 18, items 2 and 5). Drawn on a
// canvas that records what it is given.
#include "reports/Charts.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace profkpi::reports;

namespace {

struct Box {
  double left, top, right, bottom;
  bool meets(const Box& b) const { return left < b.right && b.left < right && top < b.bottom && b.top < bottom; }
};

// Records text boxes (a fixed advance per character: the chart places by the
// same measure), lines, points and segments.
class RecordingCanvas final : public Canvas {
 public:
  struct Text {
    std::string words;
    Box box;
  };
  std::vector<Text> texts;
  std::vector<Box> dashed;   // dashed lines (the target)
  std::vector<Box> dots;     // filled circles
  std::vector<std::pair<Point, Point>> segments;

  double width(std::string_view text, Face, double size) override { return static_cast<double>(text.size()) * size * 0.55; }
  bool has(char32_t) const override { return true; }
  void newPage() override {}
  int pages() const override { return 1; }
  void goToPage(int) override {}
  void text(double x, double baseline, std::string_view text, Face face, double size, Colour) override {
    texts.push_back({std::string(text), {x, baseline - size * 0.72, x + width(text, face, size), baseline + size * 0.05}});
  }
  void line(double x1, double y1, double x2, double y2, double w, Colour, bool isDashed) override {
    if (isDashed) dashed.push_back({std::min(x1, x2), std::min(y1, y2) - w / 2, std::max(x1, x2), std::max(y1, y2) + w / 2});
  }
  void fillRect(double, double, double, double, Colour) override {}
  void strokeRect(double, double, double, double, double, Colour) override {}
  void fillCircle(double cx, double cy, double r, Colour) override { dots.push_back({cx - r, cy - r, cx + r, cy + r}); }
  void fillPolygon(const std::vector<Point>&, Colour) override {}
  void polyline(const std::vector<Point>& points, double, Colour) override {
    for (std::size_t i = 0; i + 1 < points.size(); ++i) segments.emplace_back(points[i], points[i + 1]);
  }
};

bool crosses(const std::pair<Point, Point>& s, const Box& b) {
  for (int k = 0; k <= 40; ++k) {
    double t = k / 40.0;
    double x = s.first.first + (s.second.first - s.first.first) * t;
    double y = s.first.second + (s.second.second - s.first.second) * t;
    if (x > b.left && x < b.right && y > b.top && y < b.bottom) return true;
  }
  return false;
}

bool isValueLabel(const std::string& words, const TrendChart& chart) {
  return std::find(chart.shown.begin(), chart.shown.end(), words) != chart.shown.end();
}

TrendChart chartOf(std::vector<double> values, double target, double scale) {
  TrendChart chart;
  const char* periods[] = {"2023-24-Q3", "2023-24-Q4", "2024-25-Q1", "2024-25-Q2",
                           "2024-25-Q3", "2024-25-Q4", "2025-26-Q1", "2025-26-Q2"};
  for (std::size_t i = 0; i < values.size(); ++i) {
    chart.periods.push_back(periods[i]);
    chart.values.push_back(values[i]);
    char shown[16];
    std::snprintf(shown, sizeof shown, "%.1f", values[i]);
    chart.shown.push_back(shown);
    chart.warned.push_back(false);
  }
  chart.target = target;
  chart.scaleMax = scale;
  return chart;
}

void checkNoLabelTouchesAnything(const TrendChart& chart) {
  RecordingCanvas canvas;
  drawTrend(canvas, 0, 0, 210, 96, chart);
  std::vector<Box> labels;
  for (const auto& t : canvas.texts) {
    if (!isValueLabel(t.words, chart)) continue;
    BOOST_TEST_CONTEXT("label " << t.words) {
      for (const Box& line : canvas.dashed) BOOST_TEST(!t.box.meets(line));
      for (const Box& dot : canvas.dots) BOOST_TEST(!t.box.meets(dot));
      for (const auto& s : canvas.segments) BOOST_TEST(!crosses(s, t.box));
      for (const Box& other : labels) BOOST_TEST(!t.box.meets(other));
    }
    labels.push_back(t.box);
  }
  // The latest value is always labelled.
  BOOST_TEST(std::any_of(canvas.texts.begin(), canvas.texts.end(),
                         [&](const RecordingCanvas::Text& t) { return t.words == chart.shown.back(); }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ChartLabelsTest)

BOOST_AUTO_TEST_CASE(labelsOfValuesOnTheTargetLineStayClearOfIt) {
  checkNoLabelTouchesAnything(chartOf({69.8, 70.1, 69.9, 70.3, 69.7, 70.0, 70.2, 69.6}, 70, 100));
  checkNoLabelTouchesAnything(chartOf({17.2, 17.4, 17.1, 17.3, 17.5, 17.2, 17.4, 17.3}, 17.3, 100));
  checkNoLabelTouchesAnything(chartOf({4.9, 5.1, 5.0, 4.8, 5.2, 5.0, 4.9, 5.1}, 5, 10));
}

BOOST_AUTO_TEST_CASE(anOutlierIsDrawnOffScaleWithItsValue) {
  // K5 in tenths of days: seven ordinary quarters, then a one-off course (warned).
  profkpi::engine::KpiDefinition k5;
  k5.id = "K5";
  k5.unit = "days per FTE";
  k5.target = profkpi::engine::Ratio(5, 1);
  profkpi::engine::KpiResult kpi;
  kpi.current.kpi = &k5;
  const char* periods[] = {"2023-24-Q3", "2023-24-Q4", "2024-25-Q1", "2024-25-Q2",
                           "2024-25-Q3", "2024-25-Q4", "2025-26-Q1", "2025-26-Q2"};
  const int tenths[] = {73, 75, 67, 73, 71, 69, 72, 381};
  for (int i = 0; i < 8; ++i) {
    profkpi::engine::TrendPoint p{periods[i], profkpi::engine::Ratio(tenths[i], 10), {}};
    if (i == 7) p.warnings.push_back({"PQ102", "above 30", true, "A one-off course"});
    kpi.trend.push_back(p);
  }
  TrendChart chart = trendChart(kpi);
  BOOST_TEST(chart.scaleMax <= 10.0, "the axis is not stretched to " << chart.scaleMax);
  RecordingCanvas canvas;
  drawTrend(canvas, 0, 0, 210, 96, chart);
  BOOST_TEST(std::any_of(canvas.texts.begin(), canvas.texts.end(),
                         [](const RecordingCanvas::Text& t) { return t.words == "38.1"; }));
  checkNoLabelTouchesAnything(chart);
}

BOOST_AUTO_TEST_SUITE_END()

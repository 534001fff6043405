// A canvas that records every drawing operation of a report as JSON, measuring
// text with the same font advances as the PDF canvas, so that another PDF
// library (bench/reportlab-board.py) can draw exactly the same page content for
// the comparison in docs/BENCHMARKS.md. Text is recorded in drawing order
// (right-to-left runs already reversed), y from the top of the page. Not thread-safe.
#ifndef PROFKPI_BENCH_DRAWINGJSON_H
#define PROFKPI_BENCH_DRAWINGJSON_H

#include "reports/Canvas.h"
#include "reports/FontFace.h"

#include <string>
#include <vector>

namespace profkpi::bench {

class DrawingJson final : public reports::Canvas {
 public:
  // Both faces must outlive the canvas.
  DrawingJson(const reports::FontFace& regular, const reports::FontFace& bold) : _regular(regular), _bold(bold) {}

  double width(std::string_view text, reports::Face face, double size) override;
  bool has(char32_t codePoint) const override;
  void newPage() override;
  int pages() const override { return static_cast<int>(_pages.size()); }
  void goToPage(int page) override { _current = static_cast<std::size_t>(page - 1); }
  void text(double x, double baseline, std::string_view text, reports::Face face, double size,
            reports::Colour colour) override;
  void line(double x1, double y1, double x2, double y2, double width, reports::Colour colour, bool dashed) override;
  void fillRect(double x, double y, double w, double h, reports::Colour fill) override;
  void strokeRect(double x, double y, double w, double h, double width, reports::Colour colour) override;
  void fillCircle(double cx, double cy, double r, reports::Colour fill) override;
  void fillPolygon(const std::vector<reports::Point>& points, reports::Colour fill) override;
  void polyline(const std::vector<reports::Point>& points, double width, reports::Colour colour) override;

  // {"pages": [[operation, ...], ...]}: one object per operation, "op" naming it.
  std::string json() const;

 private:
  void add(std::string operation) { _pages.at(_current).push_back(std::move(operation)); }

  const reports::FontFace& _regular;
  const reports::FontFace& _bold;
  std::vector<std::vector<std::string>> _pages;
  std::size_t _current = 0;
};

}  // namespace profkpi::bench

#endif

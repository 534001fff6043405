// The first pass of a PDF report: a canvas that draws nothing but measures text
// exactly as libharu will (from the same font files), counts pages and records
// every character drawn in each face, so that the fonts can be subset to just
// those characters before the real document is drawn. Not thread-safe.
#ifndef PROFKPI_REPORTS_MEASURECANVAS_H
#define PROFKPI_REPORTS_MEASURECANVAS_H

#include "reports/Canvas.h"
#include "reports/FontFace.h"

#include <set>

namespace profkpi::reports {

class MeasureCanvas final : public Canvas {
 public:
  // Both faces must outlive the canvas.
  MeasureCanvas(const FontFace& regular, const FontFace& bold) : _regular(regular), _bold(bold) {}

  double width(std::string_view text, Face face, double size) override;
  bool has(char32_t codePoint) const override;
  void newPage() override { ++_pages; }
  int pages() const override { return _pages; }
  void goToPage(int page) override { (void)page; }
  void text(double x, double baseline, std::string_view text, Face face, double size, Colour colour) override;
  void line(double, double, double, double, double, Colour, bool) override {}
  void fillRect(double, double, double, double, Colour) override {}
  void strokeRect(double, double, double, double, double, Colour) override {}
  void fillCircle(double, double, double, Colour) override {}
  void fillPolygon(const std::vector<Point>&, Colour) override {}
  void polyline(const std::vector<Point>&, double, Colour) override {}

  // Every character drawn (or measured) in the face.
  const std::set<char32_t>& used(Face face) const { return face == Face::Bold ? _usedBold : _usedRegular; }

 private:
  const FontFace& _regular;
  const FontFace& _bold;
  std::set<char32_t> _usedRegular;
  std::set<char32_t> _usedBold;
  int _pages = 0;
};

}  // namespace profkpi::reports

#endif

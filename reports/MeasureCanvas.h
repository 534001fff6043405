// The first pass of a PDF report: a canvas that draws nothing but measures text
// exactly as libharu will (from the same font files), counts pages and records
// every character drawn in each face, so that the fonts can be subset to just
// those characters before the real document is drawn. Not thread-safe.
#ifndef PROFKPI_REPORTS_MEASURECANVAS_H
#define PROFKPI_REPORTS_MEASURECANVAS_H

#include "reports/Canvas.h"
#include "reports/FontFace.h"

#include <set>
#include <string>
#include <vector>

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
  std::set<char32_t> used(Face face) const;

 private:
  // Characters seen in one face: a bit per BMP code point (a report measures
  // tens of thousands of characters, of a hundred or so kinds), a set beyond.
  struct Seen {
    std::vector<bool> bmp = std::vector<bool>(0x10000);
    std::set<char32_t> beyond;
  };

  const FontFace& _regular;
  const FontFace& _bold;
  Seen _usedRegular;
  Seen _usedBold;
  std::u32string _decoded;  // reused by width()
  int _pages = 0;
};

}  // namespace profkpi::reports

#endif

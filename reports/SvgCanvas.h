// A canvas that writes one inline SVG image, for the charts of the HTML report:
// the same chart drawing as the PDF, measured with the same fonts, so both
// formats show the same picture. One image per canvas; not thread-safe.
#ifndef PROFKPI_REPORTS_SVGCANVAS_H
#define PROFKPI_REPORTS_SVGCANVAS_H

#include "reports/Canvas.h"
#include "reports/FontFace.h"

#include <string>

namespace profkpi::reports {

class SvgCanvas final : public Canvas {
 public:
  // The faces must outlive the canvas. The image is width x height points.
  SvgCanvas(const FontFace& regular, const FontFace& bold, double width, double height);

  double width(std::string_view text, Face face, double size) override;
  bool has(char32_t codePoint) const override;
  void newPage() override { _pages = 1; }
  int pages() const override { return _pages; }
  void goToPage(int page) override { (void)page; }
  void text(double x, double baseline, std::string_view text, Face face, double size, Colour colour) override;
  void line(double x1, double y1, double x2, double y2, double width, Colour colour, bool dashed) override;
  void fillRect(double x, double y, double w, double h, Colour fill) override;
  void strokeRect(double x, double y, double w, double h, double width, Colour colour) override;
  void fillCircle(double cx, double cy, double r, Colour fill) override;
  void fillPolygon(const std::vector<Point>& points, Colour fill) override;
  void polyline(const std::vector<Point>& points, double width, Colour colour) override;

  // The <svg> element: role="img", labelled by a <title> and described by a
  // <desc> (ids made from `id`), then the drawing. Text is escaped.
  std::string svg(const std::string& id, const std::string& title, const std::string& description) const;

 private:
  const FontFace& _regular;
  const FontFace& _bold;
  double _width;
  double _height;
  int _pages = 1;
  std::string _body;
};

}  // namespace profkpi::reports

#endif

// Pages as a board paper has them: a coloured band at the top, content flowing
// down from a cursor onto new pages as needed, and a running footer with the
// organisation, the period and "page N of M" added once the count is known.
// The band and the footer are Artifacts.
// Not thread-safe; one per document.
#ifndef PROFKPI_REPORTS_PAGEFLOW_H
#define PROFKPI_REPORTS_PAGEFLOW_H

#include "reports/Canvas.h"
#include "reports/Draw.h"

#include <string>

namespace profkpi::reports {

class PageFlow {
 public:
  // `band`: the report's name, in the band of every page; `bandRight`: beside
  // it on the right (the period); `footer`: the left of the footer.
  PageFlow(Canvas& canvas, std::string band, std::string bandRight, std::string footer);

  Canvas& canvas() { return _canvas; }
  double left() const;
  double width() const;
  double right() const { return left() + width(); }

  // The cursor: the top of the next thing to draw.
  double y = 0;

  void newPage();
  // Starts a new page unless `height` fits below the cursor.
  void need(double height);
  double remaining() const;
  void space(double points) { y += points; }

  // A section heading, tagged H2 at SIZE_H2 and above, else H3; keeps at least `keepWith` points of what follows on its page.
  void heading(std::string_view text, double size, double keepWith = 60);
  // A paragraph (tagged P) across the width at the cursor, breaking across pages between lines.
  void paragraph(std::string_view text, const TextStyle& style, double spaceAfter = 6);
  // A horizontal rule across the width at the cursor.
  void rule(double spaceAfter = 8);

  // Draws every page's footer. Call once, after the last page.
  void finish();

 private:
  Canvas& _canvas;
  std::string _band;
  std::string _bandRight;
  std::string _footer;
};

}  // namespace profkpi::reports

#endif

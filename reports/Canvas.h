// A drawing surface of A4 pages for the report layouts: text in one of two
// faces, lines and filled shapes. Coordinates are points from the top-left
// corner of the page, y growing downwards; text is placed by its baseline.
// Text handed to text() must already be clean (TextLayout::clean): no control
// characters, nothing the font lacks. One canvas draws one document; not
// thread-safe.
//
// Tagging (tagged PDF; other canvases ignore it): text belongs to the innermost
// open tag; lines, rectangles and other shapes are decoration (Artifacts)
// unless a Figure is open, where everything drawn is the figure. What is drawn
// between beginArtifact and endArtifact is an Artifact whatever is open.
#ifndef PROFKPI_REPORTS_CANVAS_H
#define PROFKPI_REPORTS_CANVAS_H

#include "reports/Tag.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace profkpi::reports {

inline constexpr double PAGE_WIDTH = 595.276;   // A4, points
inline constexpr double PAGE_HEIGHT = 841.89;

enum class Face { Regular, Bold };

struct Colour {
  double r = 0, g = 0, b = 0;  // 0..1, DeviceRGB
};

using Point = std::pair<double, double>;

class Canvas {
 public:
  Canvas() = default;
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;
  virtual ~Canvas() = default;

  // The advance width of `text` in points at `size`.
  virtual double width(std::string_view text, Face face, double size) = 0;
  // True when both faces have a glyph for the code point, so that clean text
  // can be drawn in either.
  virtual bool has(char32_t codePoint) const = 0;

  // Starts a new page; drawing goes to it. REQUIRES: called before any drawing.
  virtual void newPage() = 0;
  // Pages started so far.
  virtual int pages() const = 0;
  // Draws on an earlier page, 1-based (for running footers once the count is known).
  virtual void goToPage(int page) = 0;

  virtual void text(double x, double baseline, std::string_view text, Face face, double size, Colour colour) = 0;
  virtual void line(double x1, double y1, double x2, double y2, double width, Colour colour, bool dashed = false) = 0;
  virtual void fillRect(double x, double y, double w, double h, Colour fill) = 0;
  virtual void strokeRect(double x, double y, double w, double h, double width, Colour colour) = 0;
  virtual void fillCircle(double cx, double cy, double r, Colour fill) = 0;
  virtual void fillPolygon(const std::vector<Point>& points, Colour fill) = 0;
  virtual void polyline(const std::vector<Point>& points, double width, Colour colour) = 0;

  // Opens a structure element inside the innermost open one; endTag closes the
  // innermost. Use reports/Tagged.h's scoped guards rather than these.
  virtual void beginTag(Tag tag) { (void)tag; }
  virtual void endTag() {}
  // Marks what follows as an Artifact until endArtifact; may nest.
  virtual void beginArtifact() {}
  virtual void endArtifact() {}
};

}  // namespace profkpi::reports

#endif

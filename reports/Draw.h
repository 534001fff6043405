// Text on a canvas: every string from the report is cleaned for the canvas's
// font, then fitted by measuring (wrapped, or shortened with an ellipsis) before
// it is drawn. The layouts and charts draw text only through these helpers.
#ifndef PROFKPI_REPORTS_DRAW_H
#define PROFKPI_REPORTS_DRAW_H

#include "reports/Canvas.h"
#include "reports/TextLayout.h"

#include <string>
#include <string_view>
#include <vector>

namespace profkpi::reports {

enum class Align { Left, Centre, Right };

struct TextStyle {
  Face face = Face::Regular;
  double size = 9.5;
  Colour colour{};
  double leading = 1.3;  // line height as a multiple of the size
};

// The text cleaned for the canvas (TextLayout's cleanText with its font).
std::string cleanFor(Canvas& canvas, std::string_view text);
// Measures clean text in a style.
MeasureText measureWith(Canvas& canvas, const TextStyle& style);

// Draws `text` in at most `maxLines` lines no wider than `width`, the first
// baseline at top + size; returns the height used (lines x leading x size).
double drawWrapped(Canvas& canvas, double x, double top, double width, std::string_view text, const TextStyle& style,
                   std::size_t maxLines, Align align = Align::Left);
// The lines drawWrapped would draw.
std::vector<std::string> wrapFor(Canvas& canvas, double width, std::string_view text, const TextStyle& style,
                                 std::size_t maxLines);
// Draws one line, shortened with an ellipsis to `width`; `x` is the left edge,
// the centre or the right edge according to `align`. Returns the width drawn.
double drawLine(Canvas& canvas, double x, double baseline, double width, std::string_view text,
                const TextStyle& style, Align align = Align::Left);
// The width drawLine would draw, without drawing (to lay out what is drawn
// after it first, in reading order).
double lineWidth(Canvas& canvas, double width, std::string_view text, const TextStyle& style);

}  // namespace profkpi::reports

#endif

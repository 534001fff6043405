// The look shared by every report: page margins, type sizes and colours, and
// the status marks (a shape as well as a colour, so that status reads in
// greyscale and for colour-blind readers; the word is always printed beside it).
#ifndef PROFKPI_REPORTS_STYLE_H
#define PROFKPI_REPORTS_STYLE_H

#include "engine/kpi/KpiCalculator.h"
#include "reports/Canvas.h"

namespace profkpi::reports::style {

inline constexpr double MARGIN_LEFT = 48;
inline constexpr double MARGIN_RIGHT = 48;
inline constexpr double BAND_HEIGHT = 30;       // the coloured band at the top of every page
inline constexpr double CONTENT_TOP = 62;
inline constexpr double CONTENT_BOTTOM = PAGE_HEIGHT - 52;
inline constexpr double CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

inline constexpr double SIZE_TITLE = 22;
inline constexpr double SIZE_H2 = 13;
inline constexpr double SIZE_H3 = 10.5;
inline constexpr double SIZE_BODY = 9.5;
inline constexpr double SIZE_TABLE = 8.8;
inline constexpr double SIZE_SMALL = 7.6;

inline constexpr Colour INK{0.11, 0.13, 0.16};
inline constexpr Colour MUTED{0.38, 0.41, 0.46};
inline constexpr Colour RULE{0.80, 0.82, 0.85};
inline constexpr Colour PANEL{0.95, 0.96, 0.97};
inline constexpr Colour NAVY{0.07, 0.22, 0.40};
inline constexpr Colour WHITE{1, 1, 1};
// Every graphical mark at least 3:1 against white, text at least 4.5:1
// (WCAG 2.2 AA 1.4.11, 1.4.3).
inline constexpr Colour BAND_QUARTILE{0.45, 0.58, 0.75};  // the middle half of a distribution: 3.1:1
inline constexpr Colour RANGE{0.55, 0.58, 0.63};

inline constexpr Colour GREEN{0.10, 0.50, 0.27};
inline constexpr Colour AMBER{0.62, 0.36, 0.00};  // dark enough for its word: 5.3:1
inline constexpr Colour RED{0.75, 0.13, 0.13};
inline constexpr Colour NO_VALUE{0.50, 0.52, 0.55};

inline Colour statusColour(engine::Status status) {
  switch (status) {
    case engine::Status::Green: return GREEN;
    case engine::Status::Amber: return AMBER;
    case engine::Status::Red: return RED;
    case engine::Status::None: break;
  }
  return NO_VALUE;
}

// Draws the status shape centred on (cx, cy): a circle for green, a diamond
// for amber (a triangle would read as "up"), a square for red, a short bar for
// no value. `size` is its height.
void drawStatusMark(Canvas& canvas, double cx, double cy, double size, engine::Status status);

}  // namespace profkpi::reports::style

#endif

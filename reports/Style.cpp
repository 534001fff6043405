#include "reports/Style.h"

namespace profkpi::reports::style {

void drawStatusMark(Canvas& canvas, double cx, double cy, double size, engine::Status status) {
  double h = size / 2;
  Colour colour = statusColour(status);
  switch (status) {
    case engine::Status::Green:
      canvas.fillCircle(cx, cy, h, colour);
      break;
    case engine::Status::Amber:
      canvas.fillPolygon({{cx, cy - h * 1.1}, {cx + h * 1.1, cy}, {cx, cy + h * 1.1}, {cx - h * 1.1, cy}}, colour);
      break;
    case engine::Status::Red:
      canvas.fillRect(cx - h * 0.9, cy - h * 0.9, h * 1.8, h * 1.8, colour);
      break;
    case engine::Status::None:
      canvas.fillRect(cx - h, cy - h * 0.25, 2 * h, h * 0.5, colour);
      break;
  }
}

}  // namespace profkpi::reports::style

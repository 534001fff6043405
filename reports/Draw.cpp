#include "reports/Draw.h"

namespace profkpi::reports {

std::string cleanFor(Canvas& canvas, std::string_view text) {
  return cleanText(text, [&canvas](char32_t c) { return canvas.has(c); });
}

MeasureText measureWith(Canvas& canvas, const TextStyle& style) {
  return [&canvas, style](std::string_view text) { return canvas.width(text, style.face, style.size); };
}

namespace {
std::string ellipsis(Canvas& canvas) {
  return ellipsisFor([&canvas](char32_t c) { return canvas.has(c); });
}

double alignedX(double x, double width, double used, Align align) {
  switch (align) {
    case Align::Left: return x;
    case Align::Centre: return x + (width - used) / 2;
    case Align::Right: return x + width - used;
  }
  return x;
}
}  // namespace

std::vector<std::string> wrapFor(Canvas& canvas, double width, std::string_view text, const TextStyle& style,
                                 std::size_t maxLines) {
  std::string clean = cleanFor(canvas, text);
  if (clean.empty()) return {};
  return wrapText(clean, width, maxLines, measureWith(canvas, style), ellipsis(canvas));
}

double drawWrapped(Canvas& canvas, double x, double top, double width, std::string_view text, const TextStyle& style,
                   std::size_t maxLines, Align align) {
  std::vector<std::string> lines = wrapFor(canvas, width, text, style, maxLines);
  double lineHeight = style.size * style.leading;
  double baseline = top + style.size;
  for (const std::string& line : lines) {
    double used = canvas.width(line, style.face, style.size);
    canvas.text(alignedX(x, width, used, align), baseline, line, style.face, style.size, style.colour);
    baseline += lineHeight;
  }
  return static_cast<double>(lines.size()) * lineHeight;
}

double lineWidth(Canvas& canvas, double width, std::string_view text, const TextStyle& style) {
  std::string clean = cleanFor(canvas, text);
  if (clean.empty()) return 0;
  return canvas.width(fitText(clean, width, measureWith(canvas, style), ellipsis(canvas)), style.face, style.size);
}

double drawLine(Canvas& canvas, double x, double baseline, double width, std::string_view text,
                const TextStyle& style, Align align) {
  std::string clean = cleanFor(canvas, text);
  if (clean.empty()) return 0;
  std::string shown = fitText(clean, width, measureWith(canvas, style), ellipsis(canvas));
  double used = canvas.width(shown, style.face, style.size);
  double left = align == Align::Left ? x : align == Align::Centre ? x - used / 2 : x - used;
  canvas.text(left, baseline, shown, style.face, style.size, style.colour);
  return used;
}

}  // namespace profkpi::reports

#include "reports/MeasureCanvas.h"

#include "reports/TextLayout.h"

namespace profkpi::reports {

double MeasureCanvas::width(std::string_view text, Face face, double size) {
  const FontFace& font = face == Face::Bold ? _bold : _regular;
  Seen& used = face == Face::Bold ? _usedBold : _usedRegular;
  unsigned total = 0;
  decodeUtf8(text, _decoded);
  for (char32_t c : _decoded) {
    total += static_cast<unsigned>(font.advance(c));
    // Measured text may be drawn (a line that fits is drawn as measured), so
    // its characters go into the subset too.
    if (c < 0x10000) {
      used.bmp[c] = true;
    } else {
      used.beyond.insert(c);
    }
  }
  // The same expression as the PDF canvas, so both passes lay out identically.
  return static_cast<double>(total) * size / 1000.0;
}

std::set<char32_t> MeasureCanvas::used(Face face) const {
  const Seen& seen = face == Face::Bold ? _usedBold : _usedRegular;
  std::set<char32_t> all;
  for (char32_t c = 0; c < 0x10000; ++c) {
    if (seen.bmp[c]) all.insert(all.end(), c);
  }
  all.insert(seen.beyond.begin(), seen.beyond.end());
  return all;
}

bool MeasureCanvas::has(char32_t codePoint) const { return _regular.has(codePoint) && _bold.has(codePoint); }

void MeasureCanvas::text(double x, double baseline, std::string_view text, Face face, double size, Colour colour) {
  (void)x;
  (void)baseline;
  (void)colour;
  width(text, face, size);
}

}  // namespace profkpi::reports

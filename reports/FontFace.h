// One TrueType font file, read once with HarfBuzz: which characters it covers,
// their advance widths exactly as libharu computes them, and subsets that hold
// only the characters one document uses (libharu embeds every font table
// whole, so subsetting first is what keeps a report small). Immutable after
// construction; thread-safe.
#ifndef PROFKPI_REPORTS_FONTFACE_H
#define PROFKPI_REPORTS_FONTFACE_H

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace profkpi::reports {

class FontFace {
 public:
  // Throws engine::RenderError when the file cannot be read or holds no font.
  explicit FontFace(const std::string& path);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  const std::string& path() const { return _path; }
  // True for a character of the Basic Multilingual Plane that the font has a
  // glyph for (libharu's UTF-8 encoder cannot address the other planes).
  bool has(char32_t codePoint) const;
  // Advance width in thousandths of an em, truncated as libharu does; the
  // .notdef glyph's for a character the font lacks.
  int advance(char32_t codePoint) const;
  // The font reduced to these characters (and .notdef), as TrueType bytes.
  // Characters the font lacks are ignored. Throws engine::RenderError.
  std::string subset(const std::set<char32_t>& characters) const;

 private:
  struct Impl;
  std::string _path;
  std::unique_ptr<Impl> _impl;
  std::vector<std::uint16_t> _advance;  // per BMP code point
  std::vector<bool> _has;               // per BMP code point
};

// The two faces every report uses.
struct Fonts {
  std::shared_ptr<const FontFace> regular;
  std::shared_ptr<const FontFace> bold;
};

// The files CMake found at configure time (DejaVu Sans and DejaVu Sans Bold
// from fonts-dejavu-core, or PROFKPI_FONT_REGULAR / PROFKPI_FONT_BOLD).
std::string defaultRegularFontPath();
std::string defaultBoldFontPath();
// Loads both faces; an empty path means the default. Throws engine::RenderError.
Fonts loadFonts(const std::string& regularPath = {}, const std::string& boldPath = {});

}  // namespace profkpi::reports

#endif

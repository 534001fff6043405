#include "reports/FontFace.h"

#include "engine/ports/Errors.h"

#include <hb-subset.h>
#include <hb.h>

namespace profkpi::reports {

namespace {

constexpr std::size_t BMP = 0x10000;

// Tables libharu never copies into the PDF: dropping them before subsetting
// saves the subsetter most of its work (DejaVu's layout tables are large).
const hb_tag_t DROPPED_TABLES[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('M', 'A', 'T', 'H'), HB_TAG('k', 'e', 'r', 'n'), HB_TAG('g', 'a', 's', 'p'),
    HB_TAG('h', 'd', 'm', 'x'), HB_TAG('V', 'D', 'M', 'X'), HB_TAG('L', 'T', 'S', 'H'),
    HB_TAG('F', 'F', 'T', 'M'),
};

}  // namespace

struct FontFace::Impl {
  hb_face_t* face = nullptr;
  ~Impl() { hb_face_destroy(face); }
};

FontFace::FontFace(const std::string& path) : _path(path), _impl(std::make_unique<Impl>()) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (blob == nullptr) throw engine::RenderError("cannot read font file " + path);
  _impl->face = hb_face_create(blob, 0);
  hb_blob_destroy(blob);
  unsigned upem = hb_face_get_upem(_impl->face);
  if (hb_face_get_glyph_count(_impl->face) == 0 || upem == 0) {
    throw engine::RenderError("not a usable TrueType font: " + path);
  }
  hb_face_make_immutable(_impl->face);

  hb_font_t* font = hb_font_create(_impl->face);
  hb_font_set_scale(font, static_cast<int>(upem), static_cast<int>(upem));
  hb_codepoint_t notdefAdvance = static_cast<hb_codepoint_t>(hb_font_get_glyph_h_advance(font, 0));
  auto thousandths = [upem](hb_position_t units) {
    return static_cast<std::uint16_t>(static_cast<unsigned>(units) * 1000u / upem);
  };
  _advance.assign(BMP, thousandths(static_cast<hb_position_t>(notdefAdvance)));
  _has.assign(BMP, false);
  hb_set_t* unicodes = hb_set_create();
  hb_face_collect_unicodes(_impl->face, unicodes);
  for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &cp);) {
    if (cp >= BMP) break;
    hb_codepoint_t glyph = 0;
    if (!hb_font_get_nominal_glyph(font, cp, &glyph) || glyph == 0) continue;
    _has[cp] = true;
    _advance[cp] = thousandths(hb_font_get_glyph_h_advance(font, glyph));
  }
  hb_set_destroy(unicodes);
  hb_font_destroy(font);
}

FontFace::~FontFace() = default;

bool FontFace::has(char32_t codePoint) const { return codePoint < BMP && _has[codePoint]; }

int FontFace::advance(char32_t codePoint) const {
  return codePoint < BMP ? _advance[codePoint] : _advance[0];
}

std::string FontFace::subset(const std::set<char32_t>& characters) const {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (input == nullptr) throw engine::RenderError("font subsetting: out of memory");
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  for (char32_t c : characters) {
    if (has(c)) hb_set_add(unicodes, c);
  }
  hb_set_t* dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t tag : DROPPED_TABLES) hb_set_add(dropped, tag);
  hb_face_t* reduced = hb_subset_or_fail(_impl->face, input);
  hb_subset_input_destroy(input);
  if (reduced == nullptr) throw engine::RenderError("cannot subset font " + _path);
  hb_blob_t* blob = hb_face_reference_blob(reduced);
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  std::string bytes(data, length);
  hb_blob_destroy(blob);
  hb_face_destroy(reduced);
  if (bytes.empty()) throw engine::RenderError("cannot subset font " + _path);
  return bytes;
}

std::string defaultRegularFontPath() { return PROFKPI_FONT_REGULAR; }
std::string defaultBoldFontPath() { return PROFKPI_FONT_BOLD; }

Fonts loadFonts(const std::string& regularPath, const std::string& boldPath) {
  Fonts fonts;
  fonts.regular = std::make_shared<const FontFace>(regularPath.empty() ? defaultRegularFontPath() : regularPath);
  fonts.bold = std::make_shared<const FontFace>(boldPath.empty() ? defaultBoldFontPath() : boldPath);
  return fonts;
}

}  // namespace profkpi::reports

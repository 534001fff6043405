#include "reports/PdfFont.h"

#include "reports/PdfParts.h"
#include "reports/TextLayout.h"

#include <hpdf_conf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace profkpi::reports {

namespace {

// libharu's attributes of a font, and the face whose advances give text widths.
struct SubsetFontAttr {
  HPDF_FontAttr_Rec rec;  // first, so that libharu can read it through HPDF_FontAttr
  const FontFace* face;
};

// What libharu's Type0 TextWidth counts, from the face's advances (libharu's
// own looks every character up in the cmap again).
HPDF_TextWidth textWidth(HPDF_Font font, const HPDF_BYTE* text, HPDF_UINT len) {
  const auto* attr = reinterpret_cast<const SubsetFontAttr*>(font->attr);
  HPDF_TextWidth tw{0, 0, 0, 0};
  for (char32_t c : decodeUtf8(std::string_view(reinterpret_cast<const char*>(text), len))) {
    tw.width += static_cast<HPDF_UINT>(attr->face->advance(c));
    ++tw.numchars;
    if (c == ' ') {
      ++tw.numspace;
      ++tw.numwords;
    }
  }
  if (len > 0 && text[len - 1] != ' ') ++tw.numwords;
  return tw;
}

// PdfCanvas fits text itself and never asks libharu to (HPDF_Page_TextRect).
HPDF_UINT measureText(HPDF_Font, const HPDF_BYTE*, HPDF_UINT, HPDF_REAL, HPDF_REAL, HPDF_REAL, HPDF_REAL, HPDF_BOOL,
                      HPDF_REAL* realWidth) {
  if (realWidth != nullptr) *realWidth = 0;
  return 0;
}

void freeAttr(HPDF_Dict font) {
  if (font->attr != nullptr) HPDF_FreeMem(font->mmgr, font->attr);
  font->attr = nullptr;
}

HPDF_STATUS writeAll(HPDF_Dict stream, const std::string& bytes) {
  return HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                           static_cast<HPDF_UINT>(bytes.size()));
}

// The descendant font: widths (W) of the characters used, in runs of
// consecutive codes, and the CIDToGIDMap up to the highest code used.
HPDF_Dict newCidFont(HPDF_Doc doc, HPDF_FontDef def, const std::set<char32_t>& used) {
  HPDF_MMgr mmgr = doc->mmgr;
  auto* defAttr = static_cast<HPDF_TTFontDefAttr>(def->attr);
  HPDF_Dict cid = HPDF_Dict_New(mmgr);
  if (cid == nullptr || HPDF_Xref_Add(doc->xref, cid) != HPDF_OK) return nullptr;
  HPDF_STATUS ret = HPDF_OK;
  ret += HPDF_Dict_AddName(cid, "Type", "Font");
  ret += HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
  ret += HPDF_Dict_AddName(cid, "BaseFont", defAttr->base_font);
  ret += HPDF_Dict_AddNumber(cid, "DW", def->missing_width);
  HPDF_Array dw2 = HPDF_Array_New(mmgr);
  if (dw2 == nullptr || HPDF_Dict_Add(cid, "DW2", dw2) != HPDF_OK) return nullptr;
  ret += HPDF_Array_AddNumber(dw2, static_cast<HPDF_INT32>(def->font_bbox.bottom));
  ret += HPDF_Array_AddNumber(dw2, static_cast<HPDF_INT32>(def->font_bbox.bottom - def->font_bbox.top));

  HPDF_Array widths = HPDF_Array_New(mmgr);
  if (widths == nullptr || HPDF_Dict_Add(cid, "W", widths) != HPDF_OK) return nullptr;
  HPDF_Array run = nullptr;
  char32_t previous = 0;
  std::string map;  // CIDToGIDMap: two bytes, big-endian, per code from 0
  for (char32_t c : used) {
    // Also marks the glyph (and the parts of a composite one) for embedding.
    HPDF_INT16 width = HPDF_TTFontDef_GetCharWidth(def, static_cast<HPDF_UNICODE>(c));
    HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(c));
    if (run == nullptr || c != previous + 1) {
      run = HPDF_Array_New(mmgr);
      if (run == nullptr) return nullptr;
      ret += HPDF_Array_AddNumber(widths, static_cast<HPDF_INT32>(c));
      ret += HPDF_Array_Add(widths, run);
    }
    ret += HPDF_Array_AddNumber(run, width);
    previous = c;
    map.resize(2 * (static_cast<std::size_t>(c) + 1), '\0');
    map[2 * c] = static_cast<char>(gid >> 8);
    map[2 * c + 1] = static_cast<char>(gid & 0xFF);
  }
  HPDF_Dict mapStream = HPDF_DictStream_New(mmgr, doc->xref);
  if (mapStream == nullptr || HPDF_Dict_Add(cid, "CIDToGIDMap", mapStream) != HPDF_OK) return nullptr;
  mapStream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  ret += writeAll(mapStream, map);

  // Identity-H codes are not characters of a registered collection.
  HPDF_Dict systemInfo = HPDF_Dict_New(mmgr);
  if (systemInfo == nullptr || HPDF_Dict_Add(cid, "CIDSystemInfo", systemInfo) != HPDF_OK) return nullptr;
  ret += HPDF_Dict_Add(systemInfo, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
  ret += HPDF_Dict_Add(systemInfo, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
  ret += HPDF_Dict_AddNumber(systemInfo, "Supplement", 0);
  return ret == HPDF_OK ? cid : nullptr;
}

}  // namespace

HPDF_Font newSubsetFont(HPDF_Doc doc, HPDF_FontDef def, const FontFace& face, const std::set<char32_t>& used) {
  HPDF_Encoder encoder = HPDF_GetEncoder(doc, "UTF-8");
  if (encoder == nullptr) return nullptr;
  HPDF_MMgr mmgr = doc->mmgr;
  auto* defAttr = static_cast<HPDF_TTFontDefAttr>(def->attr);

  HPDF_Dict font = HPDF_Dict_New(mmgr);
  if (font == nullptr) return nullptr;
  auto* attr = static_cast<SubsetFontAttr*>(HPDF_GetMem(mmgr, sizeof(SubsetFontAttr)));
  if (attr == nullptr) {
    HPDF_Dict_Free(font);
    return nullptr;
  }
  std::memset(attr, 0, sizeof *attr);
  font->header.obj_class |= HPDF_OSUBCLASS_FONT;
  font->free_fn = freeAttr;
  font->attr = attr;
  attr->rec.type = HPDF_FONT_TYPE0_TT;
  attr->rec.writing_mode = HPDF_WMODE_HORIZONTAL;
  attr->rec.text_width_fn = textWidth;
  attr->rec.measure_text_fn = measureText;
  attr->rec.fontdef = def;
  attr->rec.encoder = encoder;
  attr->rec.xref = doc->xref;
  attr->face = &face;
  if (HPDF_Xref_Add(doc->xref, font) != HPDF_OK) return nullptr;  // the xref has freed it

  HPDF_STATUS ret = HPDF_OK;
  ret += HPDF_Dict_AddName(font, "Type", "Font");
  ret += HPDF_Dict_AddName(font, "Subtype", "Type0");
  ret += HPDF_Dict_AddName(font, "BaseFont", defAttr->base_font);
  ret += HPDF_Dict_AddName(font, "Encoding", "Identity-H");

  HPDF_Dict toUnicode = HPDF_DictStream_New(mmgr, doc->xref);
  if (toUnicode == nullptr || HPDF_Dict_Add(font, "ToUnicode", toUnicode) != HPDF_OK) return nullptr;
  toUnicode->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  ret += writeAll(toUnicode, toUnicodeCMap(used));
  attr->rec.cmap_stream = toUnicode;

  HPDF_Array descendants = HPDF_Array_New(mmgr);
  if (descendants == nullptr || HPDF_Dict_Add(font, "DescendantFonts", descendants) != HPDF_OK) return nullptr;
  HPDF_Dict cid = newCidFont(doc, def, used);
  if (cid == nullptr || HPDF_Array_Add(descendants, cid) != HPDF_OK) return nullptr;
  attr->rec.descendant_font = cid;
  return ret == HPDF_OK ? font : nullptr;
}

}  // namespace profkpi::reports

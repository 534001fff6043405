// The fonts of a PDF report, built in libharu's object model here rather than
// by HPDF_GetFont. For a UTF-8 (Identity-H) TrueType font libharu looks up all
// 65,536 codes in the font's cmap, measures each and writes a 128 KB
// CIDToGIDMap, for every font of every document: a fifth of a report's time.
// Here the Type0 font and its CIDFontType2 carry widths and glyph numbers for
// the characters the document uses only, and libharu's text-width callback is
// replaced by the face's own advances (the same figures, see FontFace). For
// PdfCanvas only: libharu types, one document, not thread-safe.
#ifndef PROFKPI_REPORTS_PDFFONT_H
#define PROFKPI_REPORTS_PDFFONT_H

#include "reports/FontFace.h"

#include <hpdf.h>

#include <set>

namespace profkpi::reports {

// A Type0 font of `doc` for `def`, a TrueType font definition of `face` loaded
// into the document and subset to `used` (every character the document draws
// or measures), with libharu's UTF-8 encoder, its ToUnicode CMap, and every
// glyph of `used` marked for embedding. The font descriptor is left to the
// caller (PdfCanvas adds it with the CIDSet that PDF/A needs). `face` must
// outlive the document. Returns nullptr when libharu fails; its error handler
// has then been told why.
HPDF_Font newSubsetFont(HPDF_Doc doc, HPDF_FontDef def, const FontFace& face, const std::set<char32_t>& used);

}  // namespace profkpi::reports

#endif

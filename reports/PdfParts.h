// Pieces of a PDF/A-1b file that libharu 2.3 writes wrongly or not at all,
// built here as plain bytes for the PDF canvas to put in place: a compact sRGB
// ICC profile for the output intent, a correct ToUnicode CMap and a CIDSet for
// each embedded font, and the PDF/UA identification for the XMP metadata. Pure functions;
// thread-safe.
#ifndef PROFKPI_REPORTS_PDFPARTS_H
#define PROFKPI_REPORTS_PDFPARTS_H

#include <set>
#include <string>
#include <string_view>

namespace profkpi::reports {

// An ICC version 2.1 display profile for sRGB IEC 61966-2.1 (primaries adapted
// to D50, the tone curve as a 256-entry table). The same bytes every time.
std::string srgbIccProfile();

// A ToUnicode CMap for a font whose character codes are the two-byte Unicode
// code points themselves (libharu's UTF-8 encoder with Identity-H).
// REQUIRES: every code point < 0x10000.
std::string toUnicodeCMap(const std::set<char32_t>& codePoints);

// The CIDSet bitmap of PDF/A-1 (bit n, most significant first, set when CID n
// is in the font program): CID 0 and each code point. REQUIRES: < 0x10000.
std::string cidSet(const std::set<char32_t>& codePoints);

// libharu's XMP packet with the PDF/UA-1 identification added (pdfuaid:part 1)
// and the PDF/A extension schema that PDF/A-1 needs to allow it. Empty when
// `xmp` has no rdf:RDF element to add them to.
std::string withPdfUaIdentification(const std::string& xmp);

}  // namespace profkpi::reports

#endif

#include "reports/PdfParts.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace profkpi::reports {

namespace {

class Bytes {
 public:
  void u8(std::uint8_t v) { _data.push_back(static_cast<char>(v)); }
  void u16(std::uint16_t v) {
    u8(static_cast<std::uint8_t>(v >> 8));
    u8(static_cast<std::uint8_t>(v));
  }
  void u32(std::uint32_t v) {
    u16(static_cast<std::uint16_t>(v >> 16));
    u16(static_cast<std::uint16_t>(v));
  }
  void tag(const char* t) { _data.append(t, 4); }
  void fixed(double v) { u32(static_cast<std::uint32_t>(static_cast<std::int32_t>(std::lround(v * 65536.0)))); }
  void zeros(std::size_t n) { _data.append(n, '\0'); }
  void align() {
    while (_data.size() % 4 != 0) u8(0);
  }
  std::size_t size() const { return _data.size(); }
  void put32(std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) _data[at + static_cast<std::size_t>(i)] = static_cast<char>(v >> (24 - 8 * i));
  }
  const std::string& data() const { return _data; }

 private:
  std::string _data;
};

// sRGB's electro-optical transfer function, IEC 61966-2-1.
double srgbToLinear(double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); }

}  // namespace

std::string srgbIccProfile() {
  struct Tag {
    const char* signature;
    std::string body;
  };
  auto text = [](const char* type, const std::string& s) {
    Bytes b;
    b.tag(type);
    b.u32(0);
    if (std::string(type) == "desc") {
      b.u32(static_cast<std::uint32_t>(s.size() + 1));
      for (char c : s) b.u8(static_cast<std::uint8_t>(c));
      b.u8(0);
      b.u32(0);  // Unicode language code
      b.u32(0);  // Unicode count
      b.u16(0);  // ScriptCode code
      b.u8(0);   // ScriptCode count
      b.zeros(67);
    } else {
      for (char c : s) b.u8(static_cast<std::uint8_t>(c));
      b.u8(0);
    }
    return b.data();
  };
  auto xyz = [](double x, double y, double z) {
    Bytes b;
    b.tag("XYZ ");
    b.u32(0);
    b.fixed(x);
    b.fixed(y);
    b.fixed(z);
    return b.data();
  };
  Bytes curve;
  curve.tag("curv");
  curve.u32(0);
  curve.u32(256);
  for (int i = 0; i < 256; ++i) {
    curve.u16(static_cast<std::uint16_t>(std::lround(srgbToLinear(i / 255.0) * 65535.0)));
  }

  const std::vector<Tag> tags = {
      {"desc", text("desc", "sRGB IEC61966-2.1")},
      {"cprt", text("text", "No copyright, use freely")},
      {"wtpt", xyz(0.9642, 1.0, 0.8249)},
      {"rXYZ", xyz(0.4360747, 0.2225045, 0.0139322)},
      {"gXYZ", xyz(0.3850649, 0.7168786, 0.0971045)},
      {"bXYZ", xyz(0.1430804, 0.0606169, 0.7141733)},
      {"rTRC", curve.data()},
      {"gTRC", curve.data()},
      {"bTRC", curve.data()},
  };

  Bytes out;
  out.u32(0);  // size, patched below
  out.u32(0);  // preferred CMM
  out.u32(0x02100000);
  out.tag("mntr");
  out.tag("RGB ");
  out.tag("XYZ ");
  for (std::uint16_t v : {2009, 10, 1, 0, 0, 0}) out.u16(v);
  out.tag("acsp");
  out.u32(0);  // platform
  out.u32(0);  // flags
  out.u32(0);  // manufacturer
  out.u32(0);  // model
  out.zeros(8);  // attributes
  out.u32(0);    // perceptual intent
  out.fixed(0.9642);
  out.fixed(1.0);
  out.fixed(0.8249);
  out.u32(0);     // creator
  out.zeros(16);  // profile id (none in version 2)
  out.zeros(28);
  out.u32(static_cast<std::uint32_t>(tags.size()));
  std::size_t table = out.size();
  out.zeros(12 * tags.size());
  std::size_t sharedCurve = 0;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    std::size_t offset;
    bool isCurve = tags[i].body == curve.data();
    if (isCurve && sharedCurve != 0) {
      offset = sharedCurve;
    } else {
      out.align();
      offset = out.size();
      for (char c : tags[i].body) out.u8(static_cast<std::uint8_t>(c));
      if (isCurve) sharedCurve = offset;
    }
    std::size_t entry = table + 12 * i;
    const char* s = tags[i].signature;
    out.put32(entry, static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[0])) << 24 |
                         static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[1])) << 16 |
                         static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[2])) << 8 |
                         static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[3])));
    out.put32(entry + 4, static_cast<std::uint32_t>(offset));
    out.put32(entry + 8, static_cast<std::uint32_t>(tags[i].body.size()));
  }
  out.align();
  out.put32(0, static_cast<std::uint32_t>(out.size()));
  return out.data();
}

std::string toUnicodeCMap(const std::set<char32_t>& codePoints) {
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<char32_t> all(codePoints.begin(), codePoints.end());
  char line[32];
  for (std::size_t i = 0; i < all.size(); i += 100) {
    std::size_t n = std::min<std::size_t>(100, all.size() - i);
    cmap += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      unsigned c = static_cast<unsigned>(all[k]);
      std::snprintf(line, sizeof line, "<%04X> <%04X>\n", c, c);
      cmap += line;
    }
    cmap += "endbfchar\n";
  }
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return cmap;
}

std::string cidSet(const std::set<char32_t>& codePoints) {
  char32_t highest = 0;
  for (char32_t c : codePoints) highest = std::max(highest, c);
  std::string bits(highest / 8 + 1, '\0');
  bits[0] = static_cast<char>(0x80);  // CID 0, .notdef
  for (char32_t c : codePoints) bits[c / 8] = static_cast<char>(bits[c / 8] | (0x80 >> (c % 8)));
  return bits;
}

std::string withPdfUaIdentification(const std::string& xmp) {
  static const char* const ADDED =
      "<rdf:Description rdf:about='' xmlns:pdfuaid='http://www.aiim.org/pdfua/ns/id/' pdfuaid:part='1'/>"
      "<rdf:Description rdf:about='' xmlns:pdfaExtension='http://www.aiim.org/pdfa/ns/extension/' "
      "xmlns:pdfaSchema='http://www.aiim.org/pdfa/ns/schema#' xmlns:pdfaProperty='http://www.aiim.org/pdfa/ns/property#'>"
      "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType='Resource'>"
      "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
      "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
      "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
      "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType='Resource'>"
      "<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
      "<pdfaProperty:category>internal</pdfaProperty:category>"
      "<pdfaProperty:description>Indicates which part of ISO 14289 standard is followed</pdfaProperty:description>"
      "</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>";
  std::size_t end = xmp.rfind("</rdf:RDF>");
  if (end == std::string::npos) return {};
  return xmp.substr(0, end) + ADDED + xmp.substr(end);
}

}  // namespace profkpi::reports

#include "reports/PdfCanvas.h"

#include "engine/reporting/Words.h"

#include "engine/common/XmlEscape.h"
#include "engine/ports/Errors.h"
#include "reports/PdfFont.h"
#include "reports/PdfParts.h"
#include "reports/PdfStructure.h"
#include "reports/TextLayout.h"

#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_encrypt.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <vector>

// libharu 2.3 gets several things wrong for PDF/A and for reproducible files;
// this file reaches into its (installed, public) object model to put them
// right, always before HPDF_SaveToStream writes anything:
// - the trailer ID is set from a digest of the drawing before
//   HPDF_PDFA_SetPDFAConformance, which would otherwise hash the wall clock;
// - each font is built here (reports/PdfFont.h), with a correct ToUnicode
//   CMap (libharu writes its encoding CMap there, which poppler warns about
//   on every page) and no 65,536-entry tables;
// - each font's descriptor is built here, with CapHeight and a CIDSet;
// - the XMP metadata gets escaped text and /Subtype instead of /SubType;
// - an sRGB output intent is added (2.3 has none and misspells the key).

namespace profkpi::reports {

namespace {

struct ErrorRecord {
  HPDF_STATUS code = HPDF_OK;
  HPDF_STATUS detail = 0;
};

// libharu's error callback: only records the first error. Throwing here would
// unwind through C frames; the caller checks and throws once the call returns.
void recordError(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
  auto* record = static_cast<ErrorRecord*>(user);
  if (record->code == HPDF_OK) {
    record->code = code;
    record->detail = detail;
  }
}

// The report's language (British English or Welsh); a span in another
// language carries its own (Tag::lang).
std::string documentLanguage() { return engine::report::language() == "cy" ? "cy" : "en-GB"; }

std::string hex(HPDF_STATUS value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%04X", static_cast<unsigned>(value));
  return text;
}

// A subset tag for the font name: six capitals derived from the characters
// embedded, so the same subset always has the same name and different subsets
// differ.
std::string subsetTag(const std::string& bytes) {
  HPDF_MD5_CTX context;
  HPDF_MD5Init(&context);
  HPDF_MD5Update(&context, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT32>(bytes.size()));
  HPDF_BYTE digest[16];
  HPDF_MD5Final(digest, &context);
  std::string tag;
  for (int i = 0; i < 6; ++i) tag.push_back(static_cast<char>('A' + digest[i] % 26));
  return tag;
}

}  // namespace

struct PdfCanvas::Impl {
  const FontFace& regular;
  const FontFace& bold;
  std::set<char32_t> usedRegular;
  std::set<char32_t> usedBold;
  ErrorRecord errors;
  HPDF_Doc doc = nullptr;
  HPDF_Font regularFont = nullptr;
  HPDF_Font boldFont = nullptr;
  std::vector<HPDF_Page> pages;
  HPDF_Page page = nullptr;
  int pageIndex = -1;  // of `page` in `pages`
  bool tagged = true;
  PdfStructure structure;
  std::string trace;  // everything drawn, for the document ID
  std::u32string decoded;  // reused by width()
  bool fillSet = false;
  Colour fill;
  HPDF_Font currentFont = nullptr;
  double currentSize = 0;

  Impl(const FontFace& r, const FontFace& b, const std::set<char32_t>& ur, const std::set<char32_t>& ub)
      : regular(r), bold(b) {
    for (char32_t c : ur) {
      if (r.has(c)) usedRegular.insert(c);
    }
    for (char32_t c : ub) {
      if (b.has(c)) usedBold.insert(c);
    }
    // Cap and x height come from these glyphs when libharu loads the font;
    // the space ends each line of tagged text.
    for (char32_t c : {U'H', U'x', U' '}) {
      usedRegular.insert(c);
      usedBold.insert(c);
    }
  }
  ~Impl() {
    if (doc != nullptr) HPDF_Free(doc);
  }

  void check(HPDF_STATUS status, const char* what) {
    if (status == HPDF_OK && errors.code == HPDF_OK && (doc == nullptr || HPDF_GetError(doc) == HPDF_OK)) return;
    HPDF_STATUS code = errors.code != HPDF_OK ? errors.code : status != HPDF_OK ? status : HPDF_GetError(doc);
    HPDF_STATUS detail = errors.code != HPDF_OK ? errors.detail : doc != nullptr ? HPDF_GetErrorDetail(doc) : 0;
    throw engine::RenderError(std::string("PDF: ") + what + " failed (libharu error " + hex(code) + ", detail " +
                              std::to_string(detail) + ")");
  }
  template <typename T>
  T checked(T handle, const char* what) {
    check(handle == nullptr ? HPDF_FAILD_TO_ALLOC_MEM : HPDF_OK, what);
    return handle;
  }

  // HPDF_Dict_GetItem would record an error for a key of another type, so keys
  // are removed without looking them up first.
  void removeKey(HPDF_Dict dict, const char* key) {
    HPDF_STATUS status = HPDF_Dict_RemoveElement(dict, key);
    if (status != HPDF_DICT_ITEM_NOT_FOUND) check(status, "removing a dictionary key");
  }

  HPDF_Page current() {
    if (page == nullptr) throw engine::RenderError("PDF: drawing before the first page");
    return page;
  }
  HPDF_Font font(Face face) { return face == Face::Bold ? boldFont : regularFont; }

  HPDF_Font loadFont(const FontFace& face, const std::set<char32_t>& used) {
    std::string bytes = face.subset(used);
    // From memory: libharu 2.3 has no public call for that, so do what
    // HPDF_LoadTTFontFromFile does with a memory stream instead of a file.
    HPDF_Stream stream = checked(HPDF_MemStream_New(doc->mmgr, HPDF_STREAM_BUF_SIZ), "font stream");
    check(HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                            static_cast<HPDF_UINT>(bytes.size())),
          "font stream write");
    check(HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET), "font stream seek");
    HPDF_FontDef def = checked(HPDF_TTFontDef_Load(doc->mmgr, stream, HPDF_TRUE), "loading the font subset");
    if (HPDF_List_Add(doc->fontdef_list, def) != HPDF_OK) {
      HPDF_FontDef_Free(def);
      check(HPDF_FAILD_TO_ALLOC_MEM, "registering the font");
    }
    HPDF_TTFontDef_SetTagName(def, const_cast<char*>(subsetTag(bytes).c_str()));
    return checked(newSubsetFont(doc, def, face, used), "creating the font");
  }

  // What CIDFontType2_BeforeWrite_Func would build at save time, plus the
  // CapHeight and CIDSet that PDF/A-1 requires.
  void buildDescriptor(HPDF_Font font, const std::set<char32_t>& used) {
    auto* attr = static_cast<HPDF_FontAttr>(font->attr);
    HPDF_FontDef def = attr->fontdef;
    auto* defAttr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    if (def->descriptor != nullptr) return;
    HPDF_MMgr mmgr = doc->mmgr;

    HPDF_Dict fontFile = checked(HPDF_DictStream_New(mmgr, attr->xref), "font file stream");
    check(HPDF_TTFontDef_SaveFontData(def, fontFile->stream), "embedding the font");
    check(HPDF_Dict_AddNumber(fontFile, "Length1", static_cast<HPDF_INT32>(defAttr->length1)), "Length1");
    check(HPDF_Dict_AddNumber(fontFile, "Length2", 0), "Length2");
    check(HPDF_Dict_AddNumber(fontFile, "Length3", 0), "Length3");
    fontFile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;

    HPDF_Dict cidSetStream = checked(HPDF_DictStream_New(mmgr, attr->xref), "CIDSet stream");
    std::string bits = cidSet(used);
    check(HPDF_Stream_Write(cidSetStream->stream, reinterpret_cast<const HPDF_BYTE*>(bits.data()),
                            static_cast<HPDF_UINT>(bits.size())),
          "CIDSet");
    cidSetStream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;

    HPDF_Dict descriptor = checked(HPDF_Dict_New(mmgr), "font descriptor");
    check(HPDF_Xref_Add(attr->xref, descriptor), "font descriptor");
    check(HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor"), "descriptor Type");
    check(HPDF_Dict_AddName(descriptor, "FontName", defAttr->base_font), "descriptor FontName");
    check(HPDF_Dict_AddNumber(descriptor, "Flags", static_cast<HPDF_INT32>(def->flags)), "descriptor Flags");
    check(HPDF_Dict_Add(descriptor, "FontBBox", checked(HPDF_Box_Array_New(mmgr, def->font_bbox), "FontBBox")),
          "descriptor FontBBox");
    check(HPDF_Dict_AddNumber(descriptor, "ItalicAngle", def->italic_angle), "descriptor ItalicAngle");
    check(HPDF_Dict_AddNumber(descriptor, "Ascent", def->ascent), "descriptor Ascent");
    check(HPDF_Dict_AddNumber(descriptor, "Descent", def->descent), "descriptor Descent");
    check(HPDF_Dict_AddNumber(descriptor, "CapHeight", def->cap_height), "descriptor CapHeight");
    check(HPDF_Dict_AddNumber(descriptor, "XHeight", def->x_height), "descriptor XHeight");
    check(HPDF_Dict_AddNumber(descriptor, "StemV", def->stemv), "descriptor StemV");
    check(HPDF_Dict_Add(descriptor, "FontFile2", fontFile), "descriptor FontFile2");
    check(HPDF_Dict_Add(descriptor, "CIDSet", cidSetStream), "descriptor CIDSet");
    def->descriptor = descriptor;
    check(HPDF_Dict_Add(attr->descendant_font, "FontDescriptor", descriptor), "font descriptor");
  }

  void setInfo(HPDF_InfoType type, const std::string& value, const char* what) {
    if (!value.empty()) check(HPDF_SetInfoAttr(doc, type, value.c_str()), what);
  }

  void setAllInfo(const PdfInfo& info, bool escaped) {
    auto text = [&](const std::string& value) {
      // BMP only, no controls: the Info strings are UTF-16 written by libharu's UTF-8 encoder.
      std::string clean = cleanText(value, [](char32_t c) { return c < 0x10000; });
      return escaped ? engine::escapeXml(clean, engine::XmlPlace::Attribute) : clean;
    };
    setInfo(HPDF_INFO_TITLE, text(info.title), "document title");
    setInfo(HPDF_INFO_AUTHOR, text(info.author), "document author");
    setInfo(HPDF_INFO_SUBJECT, text(info.subject), "document subject");
    setInfo(HPDF_INFO_KEYWORDS, text(info.keywords), "document keywords");
    setInfo(HPDF_INFO_CREATOR, text(info.creator), "document creator");
  }

  void setDates(engine::Instant when) {
    auto seconds = date::floor<std::chrono::seconds>(when);
    auto day = date::floor<date::days>(seconds);
    date::year_month_day ymd{day};
    date::hh_mm_ss<std::chrono::seconds> time{seconds - day};
    HPDF_Date d{};
    d.year = static_cast<int>(ymd.year());
    d.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    d.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    d.hour = static_cast<int>(time.hours().count());
    d.minutes = static_cast<int>(time.minutes().count());
    d.seconds = static_cast<int>(time.seconds().count());
    // UTC as "+00'00'": libharu 2.3's XMP conversion refuses 'Z'.
    d.ind = '+';
    d.off_hour = 0;
    d.off_minutes = 0;
    check(HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, d), "creation date");
    check(HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, d), "modification date");
  }

  void setDocumentId(const PdfInfo& info) {
    HPDF_MD5_CTX context;
    HPDF_MD5Init(&context);
    std::string all = trace + '\n' + info.title + '\n' + info.author + '\n' + info.subject + '\n' + info.keywords +
                      '\n' + engine::formatInstant(info.date);
    HPDF_MD5Update(&context, reinterpret_cast<const HPDF_BYTE*>(all.data()), static_cast<HPDF_UINT32>(all.size()));
    HPDF_BYTE digest[16];
    HPDF_MD5Final(digest, &context);
    HPDF_Array id = checked(HPDF_Array_New(doc->mmgr), "document ID");
    check(HPDF_Dict_Add(doc->trailer, "ID", id), "document ID");
    check(HPDF_Array_Add(id, checked(HPDF_Binary_New(doc->mmgr, digest, 16), "ID")), "document ID");
    check(HPDF_Array_Add(id, checked(HPDF_Binary_New(doc->mmgr, digest, 16), "ID")), "document ID");
  }

  void addPdfUaIdentification(HPDF_Stream stream) {
    std::string xmp(HPDF_Stream_Size(stream), '\0');
    HPDF_UINT length = static_cast<HPDF_UINT>(xmp.size());
    check(HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET), "reading the XMP metadata");
    HPDF_STATUS status = HPDF_Stream_Read(stream, reinterpret_cast<HPDF_BYTE*>(xmp.data()), &length);
    if (status != HPDF_OK && status != HPDF_STREAM_EOF) check(status, "reading the XMP metadata");
    errors = ErrorRecord{};  // end of stream is reported as an error code
    HPDF_ResetError(doc);
    xmp.resize(length);
    std::string tagged = withPdfUaIdentification(xmp);
    if (tagged.empty()) throw engine::RenderError("PDF: libharu's XMP metadata has no rdf:RDF element");
    HPDF_MemStream_FreeData(stream);
    check(HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(tagged.data()),
                            static_cast<HPDF_UINT>(tagged.size())),
          "writing the XMP metadata");
  }

  void fixMetadata() {
    HPDF_Dict metadata = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(doc->catalog, "Metadata", HPDF_OCLASS_DICT));
    if (metadata == nullptr) throw engine::RenderError("PDF: libharu wrote no XMP metadata");
    removeKey(metadata, "SubType");
    if (tagged) addPdfUaIdentification(metadata->stream);
    check(HPDF_Dict_AddName(metadata, "Subtype", "XML"), "metadata Subtype");
    // PDF/A-1 wants metadata readable without a PDF parser.
    metadata->filter = HPDF_STREAM_FILTER_NONE;
  }

  void addOutputIntent() {
    std::string profile = srgbIccProfile();
    HPDF_Dict icc = checked(HPDF_DictStream_New(doc->mmgr, doc->xref), "ICC profile");
    check(HPDF_Dict_AddNumber(icc, "N", 3), "ICC profile N");
    check(HPDF_Dict_AddName(icc, "Alternate", "DeviceRGB"), "ICC profile Alternate");
    check(HPDF_Stream_Write(icc->stream, reinterpret_cast<const HPDF_BYTE*>(profile.data()),
                            static_cast<HPDF_UINT>(profile.size())),
          "ICC profile");
    icc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;

    HPDF_Dict intent = checked(HPDF_Dict_New(doc->mmgr), "output intent");
    check(HPDF_Xref_Add(doc->xref, intent), "output intent");
    check(HPDF_Dict_AddName(intent, "Type", "OutputIntent"), "output intent");
    check(HPDF_Dict_AddName(intent, "S", "GTS_PDFA1"), "output intent");
    const char* name = "sRGB IEC61966-2.1";
    check(HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(doc->mmgr, name, nullptr)),
          "output intent");
    check(HPDF_Dict_Add(intent, "Info", HPDF_String_New(doc->mmgr, name, nullptr)), "output intent");
    check(HPDF_Dict_Add(intent, "RegistryName", HPDF_String_New(doc->mmgr, "http://www.color.org", nullptr)),
          "output intent");
    check(HPDF_Dict_Add(intent, "DestOutputProfile", icc), "output intent");
    HPDF_Array intents = checked(HPDF_Array_New(doc->mmgr), "output intents");
    check(HPDF_Array_Add(intents, intent), "output intents");
    check(HPDF_Dict_Add(doc->catalog, "OutputIntents", intents), "output intents");
  }

  // Appends a drawing operation to the trace: a letter, its numbers as raw
  // bytes (formatting them cost more than the drawing), any text.
  void log(char op, std::initializer_list<double> values, std::string_view text = {}) {
    trace += op;
    for (double v : values) put(v);
    trace += text;
    trace += '\n';
  }
  void put(double v) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    trace.append(bytes, sizeof v);
  }

  // Writes operators libharu has no call for into the current page's content.
  void writeRaw(const std::string& operators) {
    if (operators.empty()) return;
    auto* attr = static_cast<HPDF_PageAttr>(current()->attr);
    check(HPDF_Stream_WriteStr(attr->stream, operators.c_str()), "marked content");
    log('m', {}, operators);
  }
  // Ties what is drawn next to its structure element, or marks it an Artifact.
  void mark(PdfStructure::Kind kind) {
    if (tagged) writeRaw(structure.markFor(pageIndex, kind));
  }
  void leavePage() {
    if (tagged && page != nullptr) writeRaw(structure.close());
  }

  // The fill colour and font stay set until changed, across text objects; a
  // new page, or a return to an earlier one, starts from unknown.
  void setFill(HPDF_Page p, Colour c) {
    if (fillSet && fill.r == c.r && fill.g == c.g && fill.b == c.b) return;
    check(HPDF_Page_SetRGBFill(p, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g), static_cast<HPDF_REAL>(c.b)),
          "fill colour");
    fill = c;
    fillSet = true;
  }
  void setFont(HPDF_Page p, HPDF_Font f, double size) {
    if (f == currentFont && size == currentSize) return;
    check(HPDF_Page_SetFontAndSize(p, f, static_cast<HPDF_REAL>(size)), "font");
    currentFont = f;
    currentSize = size;
  }
  void forgetState() {
    fillSet = false;
    currentFont = nullptr;
  }
};

PdfCanvas::PdfCanvas(const FontFace& regular, const FontFace& bold, const std::set<char32_t>& usedRegular,
                     const std::set<char32_t>& usedBold, bool tagged)
    : _impl(std::make_unique<Impl>(regular, bold, usedRegular, usedBold)) {
  Impl& m = *_impl;
  m.tagged = tagged;
  m.doc = HPDF_New(recordError, &m.errors);
  if (m.doc == nullptr) throw engine::RenderError("PDF: cannot create a libharu document (out of memory)");
  m.check(HPDF_SetCompressionMode(m.doc, HPDF_COMP_ALL), "compression");
  m.check(HPDF_UseUTFEncodings(m.doc), "UTF-8 encodings");
  m.check(HPDF_SetCurrentEncoder(m.doc, "UTF-8"), "UTF-8 encoder");
  m.regularFont = m.loadFont(regular, m.usedRegular);
  m.boldFont = m.loadFont(bold, m.usedBold);
}

PdfCanvas::~PdfCanvas() = default;

double PdfCanvas::width(std::string_view text, Face face, double size) {
  // The advances libharu's text width would add up (see PdfFont), without the libharu call.
  const FontFace& font = face == Face::Bold ? _impl->bold : _impl->regular;
  unsigned total = 0;
  decodeUtf8(text, _impl->decoded);
  for (char32_t c : _impl->decoded) total += static_cast<unsigned>(font.advance(c));
  return static_cast<double>(total) * size / 1000.0;
}

bool PdfCanvas::has(char32_t codePoint) const {
  return _impl->regular.has(codePoint) && _impl->bold.has(codePoint);
}

void PdfCanvas::newPage() {
  Impl& m = *_impl;
  m.leavePage();
  HPDF_Page p = m.checked(HPDF_AddPage(m.doc), "adding a page");
  m.check(HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(PAGE_WIDTH)), "page width");
  m.check(HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(PAGE_HEIGHT)), "page height");
  m.pages.push_back(p);
  m.page = p;
  m.pageIndex = static_cast<int>(m.pages.size()) - 1;
  m.forgetState();
  m.log('p', {});
}

int PdfCanvas::pages() const { return static_cast<int>(_impl->pages.size()); }

void PdfCanvas::goToPage(int page) {
  if (page < 1 || page > pages()) throw engine::RenderError("PDF: no page " + std::to_string(page));
  _impl->leavePage();
  _impl->page = _impl->pages[static_cast<std::size_t>(page - 1)];
  _impl->pageIndex = page - 1;
  _impl->forgetState();
  _impl->log('g', {static_cast<double>(page)});
}

void PdfCanvas::text(double x, double baseline, std::string_view text, Face face, double size, Colour colour) {
  if (text.empty()) return;
  Impl& m = *_impl;
  HPDF_Page p = m.current();
  // PDF draws glyphs left to right; right-to-left runs are put in that order here.
  std::string s = visualOrder(text);
  bool content = m.tagged && m.structure.textIsContent();
  // Glyphs put in visual order would extract backwards: the words go with them as ActualText.
  bool reordered = content && s != text;
  // A line of content ends with a space (no ink), so that words broken across
  // lines or cells are not run together when the structure's text is read.
  bool spaced = content && text.back() != ' ';
  if (spaced) s += ' ';
  if (reordered) {
    Tag span{Role::Span};
    span.actualText = std::string(text) + (spaced ? " " : "");
    m.structure.begin(std::move(span));
  }
  m.mark(PdfStructure::Kind::Text);
  m.check(HPDF_Page_BeginText(p), "begin text");
  m.setFont(p, m.font(face), size);
  m.setFill(p, colour);
  m.check(HPDF_Page_TextOut(p, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(PAGE_HEIGHT - baseline), s.c_str()),
          "drawing text");
  m.check(HPDF_Page_EndText(p), "end text");
  m.log(face == Face::Bold ? 'T' : 't', {x, baseline, size}, s);
  if (reordered) m.structure.end();
}

void PdfCanvas::line(double x1, double y1, double x2, double y2, double width, Colour colour, bool dashed) {
  Impl& m = *_impl;
  HPDF_Page p = m.current();
  m.mark(PdfStructure::Kind::Shape);
  m.check(HPDF_Page_GSave(p), "save state");
  if (dashed) {
    const HPDF_UINT16 pattern[] = {3, 2};
    m.check(HPDF_Page_SetDash(p, pattern, 2, 0), "dash");
  }
  m.check(HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(width)), "line width");
  m.check(HPDF_Page_SetRGBStroke(p, static_cast<HPDF_REAL>(colour.r), static_cast<HPDF_REAL>(colour.g),
                                 static_cast<HPDF_REAL>(colour.b)),
          "line colour");
  m.check(HPDF_Page_MoveTo(p, static_cast<HPDF_REAL>(x1), static_cast<HPDF_REAL>(PAGE_HEIGHT - y1)), "line");
  m.check(HPDF_Page_LineTo(p, static_cast<HPDF_REAL>(x2), static_cast<HPDF_REAL>(PAGE_HEIGHT - y2)), "line");
  m.check(HPDF_Page_Stroke(p), "line");
  m.check(HPDF_Page_GRestore(p), "restore state");
  m.log(dashed ? 'L' : 'l', {x1, y1, x2, y2});
}

void PdfCanvas::fillRect(double x, double y, double w, double h, Colour fill) {
  Impl& m = *_impl;
  HPDF_Page p = m.current();
  m.mark(PdfStructure::Kind::Shape);
  m.setFill(p, fill);
  m.check(HPDF_Page_Rectangle(p, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(PAGE_HEIGHT - y - h),
                              static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h)),
          "rectangle");
  m.check(HPDF_Page_Fill(p), "fill");
  m.log('r', {x, y, w, h});
}

void PdfCanvas::strokeRect(double x, double y, double w, double h, double width, Colour colour) {
  Impl& m = *_impl;
  HPDF_Page p = m.current();
  m.mark(PdfStructure::Kind::Shape);
  m.check(HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(width)), "line width");
  m.check(HPDF_Page_SetRGBStroke(p, static_cast<HPDF_REAL>(colour.r), static_cast<HPDF_REAL>(colour.g),
                                 static_cast<HPDF_REAL>(colour.b)),
          "line colour");
  m.check(HPDF_Page_Rectangle(p, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(PAGE_HEIGHT - y - h),
                              static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h)),
          "rectangle");
  m.check(HPDF_Page_Stroke(p), "stroke");
  m.log('R', {x, y, w, h});
}

void PdfCanvas::fillCircle(double cx, double cy, double r, Colour fill) {
  Impl& m = *_impl;
  HPDF_Page p = m.current();
  m.mark(PdfStructure::Kind::Shape);
  m.setFill(p, fill);
  m.check(HPDF_Page_Circle(p, static_cast<HPDF_REAL>(cx), static_cast<HPDF_REAL>(PAGE_HEIGHT - cy),
                           static_cast<HPDF_REAL>(r)),
          "circle");
  m.check(HPDF_Page_Fill(p), "fill");
  m.log('c', {cx, cy, r});
}

void PdfCanvas::fillPolygon(const std::vector<Point>& points, Colour fill) {
  if (points.size() < 3) return;
  Impl& m = *_impl;
  HPDF_Page p = m.current();
  m.mark(PdfStructure::Kind::Shape);
  m.setFill(p, fill);
  for (std::size_t i = 0; i < points.size(); ++i) {
    auto x = static_cast<HPDF_REAL>(points[i].first);
    auto y = static_cast<HPDF_REAL>(PAGE_HEIGHT - points[i].second);
    m.check(i == 0 ? HPDF_Page_MoveTo(p, x, y) : HPDF_Page_LineTo(p, x, y), "polygon");
  }
  m.check(HPDF_Page_ClosePath(p), "polygon");
  m.check(HPDF_Page_Fill(p), "fill");
  m.log('f', {});
  for (const Point& point : points) m.log('+', {point.first, point.second});
}

void PdfCanvas::polyline(const std::vector<Point>& points, double width, Colour colour) {
  if (points.size() < 2) return;
  Impl& m = *_impl;
  HPDF_Page p = m.current();
  m.mark(PdfStructure::Kind::Shape);
  m.check(HPDF_Page_GSave(p), "save state");
  m.check(HPDF_Page_SetLineJoin(p, HPDF_ROUND_JOIN), "line join");
  m.check(HPDF_Page_SetLineCap(p, HPDF_ROUND_END), "line cap");
  m.check(HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(width)), "line width");
  m.check(HPDF_Page_SetRGBStroke(p, static_cast<HPDF_REAL>(colour.r), static_cast<HPDF_REAL>(colour.g),
                                 static_cast<HPDF_REAL>(colour.b)),
          "line colour");
  for (std::size_t i = 0; i < points.size(); ++i) {
    auto x = static_cast<HPDF_REAL>(points[i].first);
    auto y = static_cast<HPDF_REAL>(PAGE_HEIGHT - points[i].second);
    m.check(i == 0 ? HPDF_Page_MoveTo(p, x, y) : HPDF_Page_LineTo(p, x, y), "polyline");
  }
  m.check(HPDF_Page_Stroke(p), "stroke");
  m.check(HPDF_Page_GRestore(p), "restore state");
  m.log('y', {width});
  for (const Point& point : points) m.log('+', {point.first, point.second});
}

void PdfCanvas::beginTag(Tag tag) {
  if (_impl->tagged) _impl->structure.begin(std::move(tag));
}
void PdfCanvas::endTag() {
  if (_impl->tagged) _impl->structure.end();
}
void PdfCanvas::beginArtifact() {
  if (_impl->tagged) _impl->structure.beginArtifact();
}
void PdfCanvas::endArtifact() {
  if (_impl->tagged) _impl->structure.endArtifact();
}

std::string PdfCanvas::finish(const PdfInfo& info) {
  Impl& m = *_impl;
  if (m.pages.empty()) throw engine::RenderError("PDF: a document needs at least one page");
  m.leavePage();
  if (m.tagged) {
    m.structure.write(m.doc, m.pages, documentLanguage(),
                      [&m](HPDF_STATUS status, const char* what) { m.check(status, what); });
  }
  m.buildDescriptor(m.regularFont, m.usedRegular);
  m.buildDescriptor(m.boldFont, m.usedBold);

  // The XMP packet copies the information strings verbatim, so it is built
  // from escaped copies; the information dictionary then gets the real text.
  m.setDates(info.date);
  m.setAllInfo(info, true);
  m.setDocumentId(info);
  m.check(HPDF_PDFA_SetPDFAConformance(m.doc, m.tagged ? HPDF_PDFA_1A : HPDF_PDFA_1B), "PDF/A conformance");
  m.setAllInfo(info, false);
  m.fixMetadata();
  m.addOutputIntent();

  m.check(HPDF_SaveToStream(m.doc), "writing the document");
  HPDF_UINT32 size = HPDF_GetStreamSize(m.doc);
  std::string bytes(size, '\0');
  HPDF_UINT32 length = size;
  HPDF_STATUS status = HPDF_ReadFromStream(m.doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &length);
  if (status != HPDF_OK && status != HPDF_STREAM_EOF) m.check(status, "reading the document");
  m.errors = ErrorRecord{};  // HPDF_ReadFromStream reports EOF as an error code
  bytes.resize(length);
  if (bytes.size() != size) throw engine::RenderError("PDF: the document was cut short");
  return bytes;
}

}  // namespace profkpi::reports

// The logical structure of one tagged PDF, recorded while it is drawn and
// written into the document at the end: the structure elements in reading
// order (opened and closed by the layouts through the canvas), the
// marked-content sequences that tie each piece of page content to its element
// (BDC with an MCID) or mark it an Artifact, and, on write, the StructTreeRoot
// with its ParentTree, each page's StructParents, MarkInfo, Lang and
// ViewerPreferences DisplayDocTitle. For PdfCanvas only: libharu types, one
// document, not thread-safe.
#ifndef PROFKPI_REPORTS_PDFSTRUCTURE_H
#define PROFKPI_REPORTS_PDFSTRUCTURE_H

#include "reports/Tag.h"

#include <hpdf.h>

#include <functional>
#include <string>
#include <vector>

namespace profkpi::reports {

class PdfStructure {
 public:
  enum class Kind { Text, Shape };
  // Throws engine::RenderError naming `what` when the status (or the
  // document's error state) says libharu failed.
  using Check = std::function<void(HPDF_STATUS status, const char* what)>;

  // Opens the Document element, the root of everything tagged.
  PdfStructure();

  // Opens an element inside the innermost open one; inside an Artifact, opens
  // nothing (but must still be ended).
  void begin(Tag tag);
  // REQUIRES: an element other than the Document is open.
  void end();
  void beginArtifact();
  void endArtifact();

  // True when text drawn now would belong to an element (not an Artifact, and
  // inside some element other than the Document).
  bool textIsContent() const;

  // The operators to write into page `page` (0-based) before drawing something
  // of `kind`: the end of the open marked-content sequence when the drawing
  // belongs elsewhere, and the start of the next. Empty when the drawing
  // continues the open sequence, or belongs nowhere (text outside any element:
  // left unmarked, which the tagged-PDF checker reports).
  std::string markFor(int page, Kind kind);
  // "EMC\n" when a sequence is open (closing it), else empty. Call before
  // drawing moves to another page and before the document is written.
  std::string close();

  // Writes the structure into `doc`, whose pages are `pages` in order; `lang`
  // is the document's language. REQUIRES: close() was called, every element
  // but the Document was ended. Call once.
  void write(HPDF_Doc doc, const std::vector<HPDF_Page>& pages, const std::string& lang, const Check& check) const;

 private:
  struct Kid {
    int element = -1;  // a child element, or else a marked-content reference:
    int page = 0;
    int mcid = 0;
  };
  struct Element {
    Tag tag;
    int parent = -1;
    std::vector<Kid> kids;
  };

  static constexpr int ARTIFACT = -1;
  static constexpr int NOWHERE = -2;

  int targetFor(Kind kind) const;
  bool kept(int element, std::vector<signed char>& memo) const;

  std::vector<Element> _elements;
  std::vector<int> _open;  // element indexes, the Document first; ARTIFACT for one opened inside an Artifact
  int _figures = 0;        // Figures among the open elements
  int _artifacts = 0;      // open AsArtifact scopes
  std::vector<std::vector<int>> _owners;  // per page, per MCID: the element
  bool _sequenceOpen = false;
  int _sequencePage = -1;
  int _sequenceTarget = NOWHERE;
};

}  // namespace profkpi::reports

#endif

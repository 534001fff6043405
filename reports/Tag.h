// The structure a tagged PDF gives the page: standard structure types of
// PDF 1.7 (ISO 32000-1, 14.8.4) and what an element may carry. Layouts open and
// close tags on the canvas around what they draw (reports/Tagged.h); canvases
// that are not PDF ignore them.
#ifndef PROFKPI_REPORTS_TAG_H
#define PROFKPI_REPORTS_TAG_H

#include <string>

namespace profkpi::reports {

enum class Role { Document, Sect, H1, H2, H3, P, Span, L, LI, Lbl, LBody, Table, TR, TH, TD, Figure, Caption, Link };

// The name PDF gives the role ("H1", "LBody").
const char* roleName(Role role);

enum class Scope { None, Row, Column };

struct Tag {
  explicit Tag(Role r = Role::P) : role(r) {}

  Role role;
  std::string alt;         // Figure: what it shows, in words and numbers (REQUIRED for a Figure)
  std::string lang;        // a BCP 47 tag when it differs from the document's ("cy"); empty: inherited
  std::string actualText;  // the text when the glyphs drawn would not extract as it (right-to-left runs)
  Scope scope = Scope::None;  // TH: the cells it heads
};

}  // namespace profkpi::reports

#endif

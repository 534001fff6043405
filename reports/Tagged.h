// Scoped tags for the layouts: what is drawn while a `Tagged` lives belongs to
// its structure element (nested in the elements open when it was made); what is
// drawn while an `AsArtifact` lives is decoration or pagination, left out of
// the structure (running headers and footers, page numbers, repeated table
// headers). Both close in reverse order of opening, as scopes do.
#ifndef PROFKPI_REPORTS_TAGGED_H
#define PROFKPI_REPORTS_TAGGED_H

#include "reports/Canvas.h"

#include <utility>

namespace profkpi::reports {

class Tagged {
 public:
  Tagged(Canvas& canvas, Tag tag) : _canvas(canvas) { _canvas.beginTag(std::move(tag)); }
  Tagged(Canvas& canvas, Role role) : Tagged(canvas, Tag{role}) {}
  Tagged(const Tagged&) = delete;
  Tagged& operator=(const Tagged&) = delete;
  ~Tagged() { _canvas.endTag(); }

 private:
  Canvas& _canvas;
};

class AsArtifact {
 public:
  explicit AsArtifact(Canvas& canvas) : _canvas(canvas) { _canvas.beginArtifact(); }
  AsArtifact(const AsArtifact&) = delete;
  AsArtifact& operator=(const AsArtifact&) = delete;
  ~AsArtifact() { _canvas.endArtifact(); }

 private:
  Canvas& _canvas;
};

// A Figure whose Alt is `alt`.
inline Tag figure(std::string alt) {
  Tag tag{Role::Figure};
  tag.alt = std::move(alt);
  return tag;
}

// A Span in another language than the document's.
inline Tag inLanguage(std::string lang) {
  Tag tag{Role::Span};
  tag.lang = std::move(lang);
  return tag;
}

}  // namespace profkpi::reports

#endif

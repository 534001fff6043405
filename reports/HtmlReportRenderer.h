// Board and sector reports as one self-contained, accessible HTML file: the
// accessible version UK public bodies must publish (libharu cannot produce
// tagged PDF). Semantic headings, real tables with header cells, charts as
// inline SVG each with a title, a description and its data table beside it, no
// external resources, all text escaped. The markup is polyglot (well-formed XML
// as well as HTML5). Thread-safe; the same report gives the same bytes.
#ifndef PROFKPI_REPORTS_HTMLREPORTRENDERER_H
#define PROFKPI_REPORTS_HTMLREPORTRENDERER_H

#include "engine/reporting/ReportRenderer.h"
#include "reports/FontFace.h"

namespace profkpi::reports {

class HtmlReportRenderer final : public engine::ReportRenderer {
 public:
  // The fonts measure the chart labels, as in the PDF. REQUIRES: both loaded.
  explicit HtmlReportRenderer(Fonts fonts);

  std::string mediaType() const override { return "text/html; charset=utf-8"; }
  std::string extension() const override { return "html"; }
  std::string renderBoard(const engine::BoardReport& report) const override;
  std::string renderSector(const engine::SectorReport& report) const override;

 private:
  Fonts _fonts;
};

}  // namespace profkpi::reports

#endif

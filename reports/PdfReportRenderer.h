// Board and sector reports as tagged PDF files (PDF/UA-1 and PDF/A-1a, A4
// portrait) with libharu: the
// layout is drawn twice, first to measure and record the characters used, then
// into a document whose fonts are subset to exactly those characters and
// embedded. Thread-safe: every call builds its own HPDF_Doc; the fonts are
// shared and immutable. The same report gives byte-identical output.
#ifndef PROFKPI_REPORTS_PDFREPORTRENDERER_H
#define PROFKPI_REPORTS_PDFREPORTRENDERER_H

#include "engine/reporting/ReportRenderer.h"
#include "reports/FontFace.h"

namespace profkpi::reports {

class PdfReportRenderer final : public engine::ReportRenderer {
 public:
  // REQUIRES: both faces loaded. `tagged` false gives the untagged PDF/A-1b
  // files of before, for the benchmark's comparison only.
  explicit PdfReportRenderer(Fonts fonts, bool tagged = true);

  std::string mediaType() const override { return "application/pdf"; }
  std::string extension() const override { return "pdf"; }
  std::string renderBoard(const engine::BoardReport& report) const override;
  std::string renderSector(const engine::SectorReport& report) const override;

 private:
  Fonts _fonts;
  bool _tagged;
};

}  // namespace profkpi::reports

#endif

#include "reports/PdfReportRenderer.h"

#include "engine/ports/Errors.h"
#include "engine/reporting/ReportText.h"
#include "reports/BoardLayout.h"
#include "reports/MeasureCanvas.h"
#include "reports/PdfCanvas.h"
#include "reports/SectorLayout.h"

namespace profkpi::reports {

namespace {

const char* const CREATOR = "profkpi " PROFKPI_VERSION;

// Draws the layout twice: once to learn which characters (and how many pages)
// it needs, once for real with fonts subset to those characters.
template <typename Report, typename Draw>
std::string render(const Fonts& fonts, const Report& report, Draw draw, const PdfInfo& info, bool tagged) {
  MeasureCanvas measure(*fonts.regular, *fonts.bold);
  draw(measure, report);
  PdfCanvas pdf(*fonts.regular, *fonts.bold, measure.used(Face::Regular), measure.used(Face::Bold), tagged);
  draw(pdf, report);
  if (pdf.pages() != measure.pages()) throw engine::RenderError("PDF: the two layout passes disagree");
  return pdf.finish(info);
}

}  // namespace

PdfReportRenderer::PdfReportRenderer(Fonts fonts, bool tagged) : _fonts(std::move(fonts)), _tagged(tagged) {
  if (!_fonts.regular || !_fonts.bold) throw engine::RenderError("PDF renderer needs both font faces");
}

std::string PdfReportRenderer::renderBoard(const engine::BoardReport& report) const {
  if (report.catalogue == nullptr) throw engine::RenderError("board report without a catalogue");
  std::string period = engine::report::periodShort(report.period);
  PdfInfo info;
  info.title = "Board report: " + report.name + ", " + period;
  info.author = "IT professionalisation KPI programme (profkpi)";
  info.subject = "IT professionalisation KPIs of " + report.name + " for " + report.periodInWords;
  info.keywords = "IT profession, KPI, board report, " + report.organisationCode + ", " + report.period;
  info.creator = CREATOR;
  info.date = report.generatedAt;
  return render(_fonts, report, drawBoardReport, info, _tagged);
}

std::string PdfReportRenderer::renderSector(const engine::SectorReport& report) const {
  if (report.catalogue == nullptr) throw engine::RenderError("sector report without a catalogue");
  std::string period = engine::report::periodShort(report.period);
  PdfInfo info;
  info.title = "Sector benchmark report, " + period;
  info.author = "IT professionalisation KPI programme (profkpi)";
  info.subject = "IT professionalisation KPIs across all organisations for " + report.periodInWords;
  info.keywords = "IT profession, KPI, sector report, benchmark, " + report.period;
  info.creator = CREATOR;
  info.date = report.generatedAt;
  return render(_fonts, report, drawSectorReport, info, _tagged);
}

}  // namespace profkpi::reports

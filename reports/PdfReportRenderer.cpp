#include "reports/PdfReportRenderer.h"

#include "engine/ports/Errors.h"
#include "engine/reporting/ReportText.h"
#include "engine/reporting/Words.h"
#include "reports/BoardLayout.h"
#include "reports/MeasureCanvas.h"
#include "reports/PdfCanvas.h"
#include "reports/SectorLayout.h"

namespace profkpi::reports {

namespace {

using engine::report::fill;
using engine::report::tr;

const char* const CREATOR = "profkpi " PROFKPI_VERSION;

std::string author() {
  // TRANSLATORS: the PDF's author (document properties).
  return tr("pdf properties", "IT professionalisation KPI programme (profkpi)");
}

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
  engine::report::LanguageScope language(report.language);
  std::string period = engine::report::periodShort(report.period);
  std::string name = engine::report::namesOf(report).title;
  PdfInfo info;
  // TRANSLATORS: the PDF's title (document properties, screen readers' first words): {1} the organisation, {2} the period.
  info.title = fill(tr("pdf properties", "Board report: {1}, {2}"), {name, period});
  info.author = author();
  // TRANSLATORS: the PDF's subject: {1} the organisation, {2} the period in words.
  info.subject = fill(tr("pdf properties", "IT professionalisation KPIs of {1} for {2}"),
                      {name, engine::report::periodInWords(report.period)});
  // TRANSLATORS: the PDF's keywords, comma-separated: {1} the organisation's code, {2} the period's code.
  info.keywords = fill(tr("pdf properties", "IT profession, KPI, board report, {1}, {2}"), {report.organisationCode, report.period});
  info.creator = CREATOR;
  info.date = report.generatedAt;
  return render(_fonts, report, drawBoardReport, info, _tagged);
}

std::string PdfReportRenderer::renderSector(const engine::SectorReport& report) const {
  if (report.catalogue == nullptr) throw engine::RenderError("sector report without a catalogue");
  engine::report::LanguageScope language(report.language);
  std::string period = engine::report::periodShort(report.period);
  PdfInfo info;
  // TRANSLATORS: the sector report PDF's title: {1} the period.
  info.title = fill(tr("pdf properties", "Sector benchmark report, {1}"), {period});
  info.author = author();
  // TRANSLATORS: the sector report PDF's subject: {1} the period in words.
  info.subject = fill(tr("pdf properties", "IT professionalisation KPIs across all organisations for {1}"),
                      {engine::report::periodInWords(report.period)});
  // TRANSLATORS: the sector report PDF's keywords: {1} the period's code.
  info.keywords = fill(tr("pdf properties", "IT profession, KPI, sector report, benchmark, {1}"), {report.period});
  info.creator = CREATOR;
  info.date = report.generatedAt;
  return render(_fonts, report, drawSectorReport, info, _tagged);
}

}  // namespace profkpi::reports

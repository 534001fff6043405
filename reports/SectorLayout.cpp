#include "reports/SectorLayout.h"

#include "engine/reporting/ReportText.h"
#include "engine/reporting/SectorText.h"
#include "engine/reporting/Words.h"
#include "reports/Charts.h"
#include "reports/PageFlow.h"
#include "reports/Style.h"
#include "reports/Table.h"
#include "reports/Tagged.h"

#include <cctype>
#include <cmath>
#include <optional>

namespace profkpi::reports {

using namespace style;
namespace text = engine::report;
using engine::report::fill;
using engine::report::tr;
using engine::report::trn;

namespace {

const char* const DOT = " \xC2\xB7 ";
const char* const DASH = "\xE2\x80\x93";

void bigFigure(Canvas& canvas, double x, double top, double width, const std::string& caption,
               const std::string& figure, const std::string& under, const std::string& change) {
  {
    Tagged h2(canvas, Role::H2);
    drawLine(canvas, x, top + 18, width, caption, TextStyle{Face::Bold, 8, MUTED});
  }
  {
    Tagged p(canvas, Role::P);
    drawLine(canvas, x - 1, top + 56, width, figure, TextStyle{Face::Bold, 34, NAVY});
    drawWrapped(canvas, x, top + 62, width, under, TextStyle{Face::Regular, 8.4, INK, 1.25}, 3);
  }
  Tagged p(canvas, Role::P);
  drawWrapped(canvas, x, top + 101, width, change, TextStyle{Face::Regular, 7.8, MUTED, 1.25}, 2);
}

void overview(PageFlow& flow, const engine::SectorReport& r) {
  Canvas& canvas = flow.canvas();
  std::optional<Tagged> tag(std::in_place, canvas, Role::H1);
  // TRANSLATORS: sector report, the title on page one (and the footer of every page).
  flow.y += drawWrapped(canvas, flow.left(), flow.y, flow.width(), tr("sector heading", "Sector benchmark"),
                        TextStyle{Face::Bold, SIZE_TITLE, INK, 1.15}, 2);
  flow.y += 3;
  flow.y += drawWrapped(canvas, flow.left(), flow.y, flow.width(), text::periodInWords(r.period),
                        TextStyle{Face::Regular, 13, INK, 1.25}, 2);
  tag.reset();
  tag.emplace(canvas, Role::P);
  std::string meta = text::sectorMeta(r);
  flow.y += 2;
  flow.y += drawWrapped(canvas, flow.left(), flow.y, flow.width(), meta, TextStyle{Face::Regular, 8, MUTED}, 2);
  flow.y += 12;
  tag.reset();

  const double top = flow.y;
  const double height = 128;
  canvas.fillRect(flow.left(), top, flow.width(), height, PANEL);
  canvas.fillRect(flow.left(), top, 4, height, NAVY);
  const double third = (flow.width() - 18) / 3;
  double x = flow.left() + 18;
  std::size_t submitted = r.submitted.size();
  // TRANSLATORS: sector report, page one, a panel's caption (capitals in the English layout).
  bigFigure(canvas, x, top, third - 12, tr("sector panel", "COVERAGE"), std::to_string(submitted),
            // TRANSLATORS: sector report, under the number that submitted: {1} registered, {2} a percentage.
            fill(trn("sector panel", "of {1} registered organisation submitted ({2})", "of {1} registered organisations submitted ({2})",
                     static_cast<std::int64_t>(r.registered)),
                 {std::to_string(r.registered), text::percentOf(submitted, r.registered)}),
            // TRANSLATORS: sector report, coverage panel: {1} how many submitted for {2}, the previous period.
            fill(tr("sector panel", "{1} submitted for {2}"), {std::to_string(r.previousSubmitted), text::periodShort(r.previousPeriod)}));
  x += third;
  std::string median = r.medianIndex ? text::oneDecimal(*r.medianIndex) : tr("figure", "n/a");
  // TRANSLATORS: sector report, median index panel: {1} the previous period.
  std::string medianChange = fill(tr("sector panel", "No {1} median to compare"), {text::periodShort(r.previousPeriod)});
  if (r.medianIndex && r.previousMedianIndex) {
    auto tenths = static_cast<std::int64_t>(std::llround((*r.medianIndex - *r.previousMedianIndex) * 10));
    // TRANSLATORS: sector report, median index panel: {1} an arrow, {2} "up 3.1", {3} the previous period, {4} the median then.
    medianChange = fill(tr("sector panel", "{1} {2} since {3} ({4})"),
                        {text::arrow(tenths), text::changeInWords(tenths), text::periodShort(r.previousPeriod),
                         text::oneDecimal(*r.previousMedianIndex)});
  } else if (!r.medianIndex) {
    // TRANSLATORS: sector report, median index panel: the median is not shown.
    medianChange = tr("sector panel", "Not shown");
  }
  std::string basis = text::medianBasis(r);
  basis[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(basis[0])));
  // TRANSLATORS: sector report, page one, a panel's caption.
  bigFigure(canvas, x, top, third - 12, tr("sector panel", "MEDIAN INDEX, OUT OF 100"), median, basis, medianChange);
  x += third;
  std::size_t green = 0, values = 0;
  for (const engine::SectorKpi& k : r.kpis) {
    green += k.green;
    values += k.green + k.amber + k.red;
  }
  if (r.statusesDisclosed) {
    // TRANSLATORS: sector report, page one, a panel's caption.
    bigFigure(canvas, x, top, third - 12, tr("sector panel", "TARGETS MET"), text::percentOf(green, values),
              // TRANSLATORS: sector report, targets panel: {1} green values of {2}.
              fill(trn("sector panel", "{1} of {2} KPI value green", "{1} of {2} KPI values green", static_cast<std::int64_t>(values)),
                   {std::to_string(green), std::to_string(values)}),
              // TRANSLATORS: sector report, targets panel.
              tr("sector panel", "over every KPI of every submission"));
  } else {
    bigFigure(canvas, x, top, third - 12, tr("sector panel", "TARGETS MET"), tr("figure", "n/a"), text::statusesWithheld(r.minimumGroupSize),
              // TRANSLATORS: sector report, targets panel when statuses are withheld.
              tr("sector panel", "so that no organisation's statuses can be told"));
  }
  flow.y = top + height + 18;
}

void rates(PageFlow& flow, const engine::SectorReport& r) {
  // TRANSLATORS: sector report, a heading.
  flow.heading(tr("sector heading", "Sector rates"), SIZE_H2, 120);
  std::vector<TableRow> rows;
  for (const engine::SectorKpi& k : r.kpis) {
    const engine::GroupDistribution& sector = k.groups.front();
    const engine::KpiDefinition& def = *k.kpi;
    std::string rate = sector.current.groupRate ? text::withShortUnit(sector.current.groupRate->toOneDecimal(), def)
                                                : tr("cell", "not shown");
    std::string change = sector.rateChangeTenths
                             ? text::arrow(*sector.rateChangeTenths) + " " + text::signedTenths(*sector.rateChangeTenths)
                             : std::string(DASH);
    std::string median = sector.current.distribution ? text::oneDecimal(sector.current.distribution->median)
                                                     : tr("cell", "not shown");
    rows.push_back({{def.id + "  " + text::title(def)},
                    {rate, Face::Bold},
                    {change},
                    {median}});
    TableRow& row = rows.back();
    if (r.statusesDisclosed) {
      row.push_back(TableCell::marked(std::to_string(k.green), engine::Status::Green));
      row.push_back(TableCell::marked(std::to_string(k.amber), engine::Status::Amber));
      row.push_back(TableCell::marked(std::to_string(k.red), engine::Status::Red));
      row.push_back({std::to_string(k.noValue)});
    } else {
      for (int i = 0; i < 4; ++i) row.push_back({DASH});
    }
  }
  const std::vector<std::string> heads = text::ratesColumns();
  drawTable(flow,
            {{heads[0], 160},
             {heads[1], 62, Align::Right},
             {heads[2], 52, Align::Right},
             {heads[3], 46, Align::Right},
             {heads[4], 42},
             {heads[5], 42},
             {heads[6], 42},
             {heads[7], 40, Align::Right}},
            rows);
  flow.paragraph(text::ratesNote(r), TextStyle{Face::Regular, SIZE_SMALL, MUTED, 1.35});
  std::string warned = text::ratesWarningNote(r);
  if (!warned.empty()) flow.paragraph(warned, TextStyle{Face::Regular, SIZE_SMALL, INK, 1.35});
}

void types(PageFlow& flow, const engine::SectorReport& r) {
  // TRANSLATORS: sector report, a heading.
  flow.heading(tr("sector heading", "Coverage by type of organisation"), SIZE_H2, 80);
  std::vector<TableRow> rows;
  for (const engine::TypeSummary& t : r.types) {
    rows.push_back({{text::groupName(t.type)},
                    {std::to_string(t.registered)},
                    {std::to_string(t.submitted)},
                    {text::percentOf(t.submitted, t.registered)},
                    {text::typeMedian(t, r.minimumGroupSize)}});
  }
  const std::vector<std::string> heads = text::typesColumns();
  drawTable(flow,
            {{heads[0], 170},
             {heads[1], 70, Align::Right},
             {heads[2], 70, Align::Right},
             {heads[3], 70, Align::Right},
             {heads[4], 120, Align::Right}},
            rows);
}

void distributions(PageFlow& flow, const engine::SectorReport& r) {
  flow.newPage();
  // TRANSLATORS: sector report, a heading.
  flow.heading(tr("sector heading", "Distribution by KPI"), SIZE_H2, 200);
  for (const engine::SectorKpi& k : r.kpis) {
    const engine::KpiDefinition& def = *k.kpi;
    DistributionChart chart = distributionChart(k, r.minimumGroupSize);
    double chartH = chart.rows.empty() ? 0 : distributionHeight(chart);
    flow.heading(def.id + "  " + text::title(def) + " (" + text::shortUnit(def) + ")", SIZE_H3, chartH + 90);
    if (!chart.rows.empty()) {
      // TRANSLATORS: sector report, alternative text of a KPI's distribution chart: {1} the chart in words.
      Tagged figure(flow.canvas(), reports::figure(fill(tr("chart", "Distribution by group. {1}"), {describe(chart, text::unit(def))})));
      drawDistribution(flow.canvas(), flow.left(), flow.y, flow.width(), chartH, chart);
      flow.y += chartH + 4;
    }
    std::vector<TableRow> rows;
    for (const engine::GroupDistribution& g : k.groups) {
      const engine::PeerComparison& c = g.current;
      if (!c.disclosed || !c.distribution) {
        TableRow row = {{text::groupName(c.group) + ": " + text::withheldReason(g, r.minimumGroupSize)},
                        {g.countDisclosed ? std::to_string(c.organisations) : std::string(DASH)}};
        for (int i = 0; i < 7; ++i) row.push_back({DASH});
        rows.push_back(row);
        continue;
      }
      const engine::FiveNumbers& f = *c.distribution;
      rows.push_back({{text::groupName(c.group)},
                      {std::to_string(c.organisations)},
                      {text::oneDecimal(f.min)},
                      {text::oneDecimal(f.lowerQuartile)},
                      {text::oneDecimal(f.median), Face::Bold},
                      {text::oneDecimal(f.upperQuartile)},
                      {text::oneDecimal(f.max)},
                      {c.groupRate ? c.groupRate->toOneDecimal() : std::string(DASH)},
                      {g.rateChangeTenths ? text::signedTenths(*g.rateChangeTenths) : std::string(DASH)}});
    }
    drawTable(flow,
              {{tr("column", "Group"), 118},
               {tr("column", "With a value"), 50, Align::Right},
               {tr("column", "Lowest"), 44, Align::Right},
               {tr("column", "Lower quartile"), 50, Align::Right},
               {tr("column", "Median"), 44, Align::Right},
               {tr("column", "Upper quartile"), 50, Align::Right},
               {tr("column", "Highest"), 44, Align::Right},
               {tr("column", "Rate"), 44, Align::Right},
               // TRANSLATORS: sector report, distribution table column: the rate's change since the previous period.
               {tr("column", "Rate change"), 56, Align::Right}},
              rows, TableOptions{7.8, 2, true});
    flow.space(4);
  }
}

std::string leagueName(const engine::LeagueEntry& e, const std::string& period, std::size_t catalogueSize, bool ranked) {
  std::string out = text::bothNames(e.name, e.welshName);
  if (!ranked && e.index) out += ": " + text::basedOn(e.kpisWithValue, catalogueSize);
  if (!e.warnings.empty()) out += ". " + text::warningNotes(e.warnings, period);
  return out;
}

void leagueTable(PageFlow& flow, const engine::SectorReport& r, const std::vector<engine::LeagueEntry>& entries,
                 bool ranked) {
  std::size_t catalogueSize = r.catalogue->kpis().size();
  const std::vector<std::string> heads = text::leagueColumns();
  std::vector<TableColumn> columns = {{ranked ? heads[0] : "", 30, Align::Right},
                                      {heads[1], 160},
                                      {heads[2], 80},
                                      {heads[3], 36, Align::Right},
                                      {heads[4], 40, Align::Right}};
  for (const engine::SectorKpi& k : r.kpis) columns.push_back({k.kpi->id, 31});
  std::vector<TableRow> rows;
  for (const engine::LeagueEntry& e : entries) {
    std::string change = DASH;
    if (e.index && e.previousIndex) change = text::signedWhole(*e.index - *e.previousIndex);
    TableCell name(leagueName(e, r.period, catalogueSize, ranked));
    bool nameAlone = e.warnings.empty() && (ranked || !e.index);
    if (nameAlone) name.lang = text::namesLanguage(e.welshName);
    TableRow row = {{e.rank > 0 ? std::to_string(e.rank) : std::string(DASH)},
                    name,
                    {text::groupName(e.type)},
                    {e.index ? std::to_string(*e.index) : tr("figure", "n/a"), Face::Bold},
                    {change}};
    for (engine::Status s : e.statuses) row.push_back(TableCell::marked(text::statusLetter(s), s, MUTED));
    rows.push_back(row);
  }
  drawTable(flow, columns, rows, TableOptions{8.2, 12, true});
}

void league(PageFlow& flow, const engine::SectorReport& r) {
  flow.newPage();
  flow.heading(text::leagueHeading(), SIZE_H2, 90);
  if (!r.leagueDisclosed) {
    flow.paragraph(text::leagueWithheld(r.minimumGroupSize), TextStyle{Face::Regular, SIZE_BODY, INK});
    return;
  }
  std::size_t catalogueSize = r.catalogue->kpis().size();
  flow.paragraph(text::leagueIntro(catalogueSize), TextStyle{Face::Regular, SIZE_SMALL, MUTED, 1.35}, 2);
  leagueTable(flow, r, r.league, true);
  flow.paragraph(text::leagueKey(r), TextStyle{Face::Regular, SIZE_SMALL, MUTED, 1.35});
  if (r.unranked.empty()) return;
  flow.space(6);
  flow.heading(text::unrankedHeading(catalogueSize), SIZE_H3, 90);
  flow.paragraph(text::unrankedIntro(), TextStyle{Face::Regular, SIZE_SMALL, MUTED, 1.35}, 2);
  leagueTable(flow, r, r.unranked, false);
}

void warnings(PageFlow& flow, const engine::SectorReport& r) {
  if (r.warnings.empty()) return;
  flow.heading(text::warningsHeading(), SIZE_H2, 90);
  flow.paragraph(text::warningsIntro(), TextStyle{Face::Regular, SIZE_SMALL, MUTED, 1.35}, 2);
  std::vector<TableRow> rows;
  for (const engine::FigureWarning& w : r.warnings) {
    rows.push_back({{w.name + " (" + w.organisation + ")"},
                    {text::periodShort(w.period)},
                    {w.code + (w.kpi.empty() ? std::string() : " " + w.kpi)},
                    {w.message},
                    {w.explained ? w.explanation : tr("provenance", "No explanation given")}});
  }
  drawTable(flow, {{tr("column", "Organisation"), 110}, {tr("provenance", "Period"), 50}, {tr("column", "Code"), 46},
                   {tr("column", "What was found"), 140}, {tr("column", "Sender's explanation"), 200}},
            rows, TableOptions{7.8, 12, true});
}

void chase(PageFlow& flow, const engine::SectorReport& r) {
  flow.heading(text::chaseHeading(), SIZE_H2, 60);
  if (r.missing.empty()) {
    flow.paragraph(text::chaseEmpty(), TextStyle{Face::Regular, SIZE_BODY, INK});
    return;
  }
  std::vector<TableRow> rows;
  for (const engine::ChaseEntry& c : r.missing) {
    TableCell name(text::bothNames(c.name, c.welshName));
    name.lang = text::namesLanguage(c.welshName);
    rows.push_back({name,
                    {c.code},
                    {text::groupName(c.type)},
                    {c.lastPeriod.empty() ? text::neverSubmitted() : text::periodShort(c.lastPeriod)},
                    {c.contact}});
  }
  const std::vector<std::string> heads = text::chaseColumns();
  drawTable(flow, {{heads[0], 144}, {heads[1], 64}, {heads[2], 76}, {heads[3], 56}, {heads[4], 164}},
            rows, TableOptions{8.2, 3, true});
}

void received(PageFlow& flow, const engine::SectorReport& r) {
  flow.heading(text::receivedHeading(), SIZE_H2, 60);
  if (r.submitted.empty()) {
    flow.paragraph(text::receivedEmpty(), TextStyle{Face::Regular, SIZE_BODY, INK});
    return;
  }
  std::vector<TableRow> rows;
  for (const engine::SubmittedEntry& s : r.submitted) {
    TableCell name(text::bothNames(s.name, s.welshName));
    name.lang = text::namesLanguage(s.welshName);
    rows.push_back({name, {s.code}, {text::ukShortTime(s.receivedAt)}, {s.channel}, {std::to_string(s.revision)},
                    {text::warningsCount(s)}});
  }
  const std::vector<std::string> heads = text::receivedColumns();
  drawTable(flow,
            {{heads[0], 170},
             {heads[1], 60},
             {heads[2], 92},
             {heads[3], 44},
             {heads[4], 48, Align::Right},
             {heads[5], 86}},
            rows, TableOptions{8.2, 2, true});
}

void method(PageFlow& flow, const engine::SectorReport& r) {
  flow.newPage();
  flow.heading(tr("heading", "Method"), SIZE_H2);
  std::vector<engine::report::MethodSection> sections = text::method(*r.catalogue, r.minimumGroupSize);
  for (auto& own : text::sectorMethod(r.catalogue->kpis().size(), r.minimumGroupSize)) sections.push_back(own);
  for (const engine::report::MethodSection& section : sections) {
    flow.heading(section.heading, SIZE_H3, 30);
    for (const std::string& p : section.paragraphs) flow.paragraph(p, TextStyle{Face::Regular, 8.8, INK, 1.38}, 5);
    flow.space(3);
  }
}

}  // namespace

void drawSectorReport(Canvas& canvas, const engine::SectorReport& report) {
  std::string period = text::periodShort(report.period);
  // TRANSLATORS: sector report, the running head of every page (capitals in the English layout).
  PageFlow flow(canvas, tr("page head", "IT PROFESSIONALISATION KPIs \u00B7 SECTOR REPORT"), period,
                tr("sector heading", "Sector benchmark") + DOT + period);
  flow.newPage();
  overview(flow, report);
  rates(flow, report);
  types(flow, report);
  distributions(flow, report);
  league(flow, report);
  flow.space(10);
  warnings(flow, report);
  flow.space(10);
  chase(flow, report);
  flow.space(10);
  received(flow, report);
  method(flow, report);
  flow.finish();
}

}  // namespace profkpi::reports

#include "reports/SectorLayout.h"

#include "engine/reporting/ReportText.h"
#include "engine/reporting/SectorText.h"
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
  flow.y += drawWrapped(canvas, flow.left(), flow.y, flow.width(), "Sector benchmark",
                        TextStyle{Face::Bold, SIZE_TITLE, INK, 1.15}, 2);
  flow.y += 3;
  flow.y += drawWrapped(canvas, flow.left(), flow.y, flow.width(), r.periodInWords,
                        TextStyle{Face::Regular, 13, INK, 1.25}, 2);
  tag.reset();
  tag.emplace(canvas, Role::P);
  std::string meta = "Produced " + text::ukTime(r.generatedAt) +
                     (r.dataCutOff ? " from data received up to " + text::ukTime(*r.dataCutOff)
                                   : std::string(" (no submissions yet)")) +
                     DOT + "For the programme board and Socitm: this report names organisations.";
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
  bigFigure(canvas, x, top, third - 12, "COVERAGE", std::to_string(submitted),
            "of " + std::to_string(r.registered) + " registered organisations submitted (" +
                text::percentOf(submitted, r.registered) + ")",
            std::to_string(r.previousSubmitted) + " submitted for " + text::periodShort(r.previousPeriod));
  x += third;
  std::string median = r.medianIndex ? text::oneDecimal(*r.medianIndex) : "n/a";
  std::string medianChange = "No " + text::periodShort(r.previousPeriod) + " median to compare";
  if (r.medianIndex && r.previousMedianIndex) {
    auto tenths = static_cast<std::int64_t>(std::llround((*r.medianIndex - *r.previousMedianIndex) * 10));
    medianChange = text::arrow(tenths) + " " + text::changeInWords(tenths) + " since " +
                   text::periodShort(r.previousPeriod) + " (" + text::oneDecimal(*r.previousMedianIndex) + ")";
  } else if (!r.medianIndex) {
    medianChange = "Not shown";
  }
  std::string basis = text::medianBasis(r);
  basis[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(basis[0])));
  bigFigure(canvas, x, top, third - 12, "MEDIAN INDEX, OUT OF 100", median, basis, medianChange);
  x += third;
  std::size_t green = 0, values = 0;
  for (const engine::SectorKpi& k : r.kpis) {
    green += k.green;
    values += k.green + k.amber + k.red;
  }
  if (r.statusesDisclosed) {
    bigFigure(canvas, x, top, third - 12, "TARGETS MET", text::percentOf(green, values),
              std::to_string(green) + " of " + std::to_string(values) + " KPI values green",
              "over every KPI of every submission");
  } else {
    bigFigure(canvas, x, top, third - 12, "TARGETS MET", "n/a", text::statusesWithheld(r.minimumGroupSize),
              "so that no organisation's statuses can be told");
  }
  flow.y = top + height + 18;
}

void rates(PageFlow& flow, const engine::SectorReport& r) {
  flow.heading("Sector rates", SIZE_H2, 120);
  std::vector<TableRow> rows;
  for (const engine::SectorKpi& k : r.kpis) {
    const engine::GroupDistribution& sector = k.groups.front();
    const engine::KpiDefinition& def = *k.kpi;
    std::string rate = sector.current.groupRate ? text::withShortUnit(sector.current.groupRate->toOneDecimal(), def)
                                                : std::string("not shown");
    std::string change = sector.rateChangeTenths
                             ? text::arrow(*sector.rateChangeTenths) + " " + text::signedTenths(*sector.rateChangeTenths)
                             : std::string(DASH);
    std::string median = sector.current.distribution ? text::oneDecimal(sector.current.distribution->median)
                                                     : std::string("not shown");
    rows.push_back({{def.id + "  " + def.title},
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
  drawTable(flow,
            {{"KPI", 160},
             {"Sector rate", 62, Align::Right},
             {"Change", 52, Align::Right},
             {"Median", 46, Align::Right},
             {"Green", 42},
             {"Amber", 42},
             {"Red", 42},
             {"No value", 40, Align::Right}},
            rows);
  flow.paragraph("The sector rate is the total of every organisation's numerators over the total of their "
                 "denominators; change is since " + text::periodShort(r.previousPeriod) + ". " +
                     text::statusKey(*r.catalogue) +
                     (r.statusesDisclosed ? std::string() : " Counts by status " + text::statusesWithheld(r.minimumGroupSize) + "."),
                 TextStyle{Face::Regular, SIZE_SMALL, MUTED, 1.35});
  std::string warned = text::ratesWarningNote(r);
  if (!warned.empty()) flow.paragraph(warned, TextStyle{Face::Regular, SIZE_SMALL, INK, 1.35});
}

void types(PageFlow& flow, const engine::SectorReport& r) {
  flow.heading("Coverage by type of organisation", SIZE_H2, 80);
  std::vector<TableRow> rows;
  for (const engine::TypeSummary& t : r.types) {
    rows.push_back({{text::groupName(t.type)},
                    {std::to_string(t.registered)},
                    {std::to_string(t.submitted)},
                    {text::percentOf(t.submitted, t.registered)},
                    {text::typeMedian(t, r.minimumGroupSize)}});
  }
  drawTable(flow,
            {{"Type", 170},
             {"Registered", 70, Align::Right},
             {"Submitted", 70, Align::Right},
             {"Coverage", 70, Align::Right},
             {"Median index", 120, Align::Right}},
            rows);
}

void distributions(PageFlow& flow, const engine::SectorReport& r) {
  flow.newPage();
  flow.heading("Distribution by KPI", SIZE_H2, 200);
  for (const engine::SectorKpi& k : r.kpis) {
    const engine::KpiDefinition& def = *k.kpi;
    DistributionChart chart = distributionChart(k, r.minimumGroupSize);
    double chartH = chart.rows.empty() ? 0 : distributionHeight(chart);
    flow.heading(def.id + "  " + def.title + " (" + text::shortUnit(def) + ")", SIZE_H3, chartH + 90);
    if (!chart.rows.empty()) {
      Tagged figure(flow.canvas(), reports::figure("Distribution by group. " + describe(chart, def.unit)));
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
              {{"Group", 118},
               {"With a value", 50, Align::Right},
               {"Lowest", 44, Align::Right},
               {"Lower quartile", 50, Align::Right},
               {"Median", 44, Align::Right},
               {"Upper quartile", 50, Align::Right},
               {"Highest", 44, Align::Right},
               {"Rate", 44, Align::Right},
               {"Rate change", 56, Align::Right}},
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
  std::vector<TableColumn> columns = {{ranked ? "Rank" : "", 30, Align::Right},
                                      {"Organisation", 160},
                                      {"Type", 80},
                                      {"Index", 36, Align::Right},
                                      {"Change", 40, Align::Right}};
  for (const engine::SectorKpi& k : r.kpis) columns.push_back({k.kpi->id, 31});
  std::vector<TableRow> rows;
  for (const engine::LeagueEntry& e : entries) {
    std::string change = DASH;
    if (e.index && e.previousIndex) change = text::signedWhole(*e.index - *e.previousIndex);
    TableRow row = {{e.rank > 0 ? std::to_string(e.rank) : std::string(DASH)},
                    {leagueName(e, r.period, catalogueSize, ranked)},
                    {text::groupName(e.type)},
                    {e.index ? std::to_string(*e.index) : std::string("n/a"), Face::Bold},
                    {change}};
    for (engine::Status s : e.statuses) row.push_back(TableCell::marked(text::statusWord(s).substr(0, 1), s, MUTED));
    rows.push_back(row);
  }
  drawTable(flow, columns, rows, TableOptions{8.2, 12, true});
}

void league(PageFlow& flow, const engine::SectorReport& r) {
  flow.newPage();
  flow.heading("League table by professionalisation index", SIZE_H2, 90);
  if (!r.leagueDisclosed) {
    flow.paragraph("Fewer than " + std::to_string(r.minimumGroupSize) +
                       " organisations submitted for this period, so no league table is shown.",
                   TextStyle{Face::Regular, SIZE_BODY, INK});
    return;
  }
  std::size_t catalogueSize = r.catalogue->kpis().size();
  flow.paragraph("Organisations measured on all " + std::to_string(catalogueSize) + " KPIs, ranked by their index.",
                 TextStyle{Face::Regular, SIZE_SMALL, MUTED, 1.35}, 2);
  leagueTable(flow, r, r.league, true);
  flow.paragraph("Equal indexes share a rank. Change is against the organisation's own index for " +
                     text::periodShort(r.previousPeriod) + ". Marks: G green, A amber, R red, N no value.",
                 TextStyle{Face::Regular, SIZE_SMALL, MUTED, 1.35});
  if (r.unranked.empty()) return;
  flow.space(6);
  flow.heading(text::unrankedHeading(catalogueSize), SIZE_H3, 90);
  flow.paragraph("An index resting on fewer KPIs is not comparable with a complete one, so these are listed "
                 "apart, not ranked, and left out of the median index.",
                 TextStyle{Face::Regular, SIZE_SMALL, MUTED, 1.35}, 2);
  leagueTable(flow, r, r.unranked, false);
}

void warnings(PageFlow& flow, const engine::SectorReport& r) {
  if (r.warnings.empty()) return;
  flow.heading(text::WARNINGS_HEADING, SIZE_H2, 90);
  flow.paragraph("Each warning raised when a submission was accepted that touches a figure ranked or compared "
                 "above, with the sender's explanation in full.",
                 TextStyle{Face::Regular, SIZE_SMALL, MUTED, 1.35}, 2);
  std::vector<TableRow> rows;
  for (const engine::FigureWarning& w : r.warnings) {
    rows.push_back({{w.name + " (" + w.organisation + ")"},
                    {text::periodShort(w.period)},
                    {w.code + (w.kpi.empty() ? std::string() : " " + w.kpi)},
                    {w.message},
                    {w.explained ? w.explanation : std::string("No explanation given")}});
  }
  drawTable(flow, {{"Organisation", 110}, {"Period", 50}, {"Code", 46}, {"What was found", 140}, {"Sender's explanation", 200}},
            rows, TableOptions{7.8, 12, true});
}

void chase(PageFlow& flow, const engine::SectorReport& r) {
  flow.heading("Chase list: registered organisations without a submission", SIZE_H2, 60);
  if (r.missing.empty()) {
    flow.paragraph("Every registered organisation has submitted for this period.",
                   TextStyle{Face::Regular, SIZE_BODY, INK});
    return;
  }
  std::vector<TableRow> rows;
  for (const engine::ChaseEntry& c : r.missing) {
    rows.push_back({{text::bothNames(c.name, c.welshName)},
                    {c.code},
                    {text::groupName(c.type)},
                    {c.lastPeriod.empty() ? "never" : text::periodShort(c.lastPeriod)},
                    {c.contact}});
  }
  drawTable(flow, {{"Organisation", 144}, {"Code", 64}, {"Type", 76}, {"Last submitted", 56}, {"Contact", 164}},
            rows, TableOptions{8.2, 3, true});
}

void received(PageFlow& flow, const engine::SectorReport& r) {
  flow.heading("Submissions received", SIZE_H2, 60);
  if (r.submitted.empty()) {
    flow.paragraph("No submissions have been received for this period.", TextStyle{Face::Regular, SIZE_BODY, INK});
    return;
  }
  std::vector<TableRow> rows;
  for (const engine::SubmittedEntry& s : r.submitted) {
    std::string warnings = std::to_string(s.warnings);
    if (s.warnings > 0) warnings += " (" + std::to_string(s.explained) + " explained)";
    rows.push_back({{text::bothNames(s.name, s.welshName)}, {s.code}, {text::ukShortTime(s.receivedAt)}, {s.channel}, {std::to_string(s.revision)},
                    {warnings}});
  }
  drawTable(flow,
            {{"Organisation", 170},
             {"Code", 60},
             {"Received", 92},
             {"Channel", 44},
             {"Revision", 48, Align::Right},
             {"Warnings", 86}},
            rows, TableOptions{8.2, 2, true});
}

void method(PageFlow& flow, const engine::SectorReport& r) {
  flow.newPage();
  flow.heading("Method", SIZE_H2);
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
  PageFlow flow(canvas, "IT PROFESSIONALISATION KPIs" + std::string(DOT) + "SECTOR REPORT", period,
                "Sector benchmark" + std::string(DOT) + period);
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

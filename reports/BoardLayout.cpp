#include "reports/BoardLayout.h"

#include "engine/common/Counted.h"
#include "engine/reporting/ReportText.h"
#include "reports/Charts.h"
#include "reports/PageFlow.h"
#include "reports/Style.h"
#include "reports/Table.h"
#include "reports/Tagged.h"

#include <cmath>
#include <optional>

namespace profkpi::reports {

using namespace style;
namespace text = engine::report;

namespace {

const char* const DOT = " \xC2\xB7 ";  // " · "

std::string changeCell(const engine::KpiResult& k) {
  if (!k.changeTenths) return "\xE2\x80\x93";  // "–": nothing to compare
  return text::arrow(*k.changeTenths) + " " + text::signedTenths(*k.changeTenths);
}

std::string medianCell(const engine::PeerComparison& c) {
  if (!c.disclosed || !c.distribution) return "not shown";
  return text::oneDecimal(c.distribution->median);
}

void cover(PageFlow& flow, const engine::BoardReport& r) {
  Canvas& canvas = flow.canvas();
  std::optional<Tagged> h1(std::in_place, canvas, Role::H1);  // the organisation and the period
  flow.y += drawWrapped(canvas, flow.left(), flow.y, flow.width(), r.name,
                        TextStyle{Face::Bold, SIZE_TITLE, INK, 1.15}, 3);
  if (!r.welshName.empty() && r.welshName != r.name) {
    Tagged welsh(canvas, inLanguage("cy"));
    flow.y += drawWrapped(canvas, flow.left(), flow.y + 1, flow.width(), r.welshName,
                          TextStyle{Face::Regular, 13, MUTED, 1.2}, 2) + 1;
  }
  flow.y += 3;
  flow.y += drawWrapped(canvas, flow.left(), flow.y, flow.width(), r.periodInWords,
                        TextStyle{Face::Regular, 13, INK, 1.25}, 2);
  h1.reset();
  std::optional<Tagged> p(std::in_place, canvas, Role::P);
  std::string meta = r.organisationCode;
  if (!r.type.empty()) meta += DOT + text::groupName(r.type);
  meta += DOT + std::string("Produced ") + text::ukTime(r.generatedAt) + " from data received up to " +
          text::ukTime(r.dataCutOff);
  flow.y += 2;
  flow.y += drawWrapped(canvas, flow.left(), flow.y, flow.width(), meta, TextStyle{Face::Regular, 8, MUTED}, 2);
  flow.y += 12;
  p.reset();

  // The index panel: the number, its change, and the progress it averages.
  const double top = flow.y;
  const double height = 150;
  canvas.fillRect(flow.left(), top, flow.width(), height, PANEL);
  canvas.fillRect(flow.left(), top, 4, height, NAVY);
  const double leftX = flow.left() + 18;
  {
    Tagged h2(canvas, Role::H2);
    drawLine(canvas, leftX, top + 20, 170, "PROFESSIONALISATION INDEX", TextStyle{Face::Bold, 8, MUTED});
  }
  const auto& index = r.results.scorecard.index;
  std::string shown = index ? std::to_string(*index) : "n/a";
  p.emplace(canvas, Role::P);
  double numberWidth = drawLine(canvas, leftX - 2, top + 76, 150, shown, TextStyle{Face::Bold, 58, NAVY});
  drawLine(canvas, leftX + numberWidth + 4, top + 76, 60, "/ 100", TextStyle{Face::Regular, 12, MUTED});
  p.reset();

  std::string change, since;
  if (index && r.results.previousIndex) {
    int delta = *index - *r.results.previousIndex;
    change = text::arrow(delta) + " " + (delta == 0 ? std::string("no change") : text::signedWhole(delta) + " points");
    since = "since " + text::periodShort(r.previousPeriod) + ", when it was " + std::to_string(*r.results.previousIndex);
  } else {
    change = "First comparison";
    since = "no " + text::periodShort(r.previousPeriod) + " figure to compare with";
  }
  p.emplace(canvas, Role::P);
  drawLine(canvas, leftX, top + 97, 165, change, TextStyle{Face::Bold, 11, INK});
  drawLine(canvas, leftX, top + 109, 165, since, TextStyle{Face::Regular, 8, INK});
  p.emplace(canvas, Role::P);
  drawWrapped(canvas, leftX, top + 117, 165, text::indexExplanation(), TextStyle{Face::Regular, 7.4, MUTED, 1.25}, 3);
  p.reset();

  // Progress towards each target: the index is the mean of these bars.
  const double barsX = flow.left() + 205;
  const double barsW = flow.right() - barsX - 14;
  {
    Tagged h3(canvas, Role::H3);
    drawLine(canvas, barsX, top + 20, barsW, "PROGRESS TOWARDS EACH TARGET", TextStyle{Face::Bold, 8, MUTED});
  }
  Tagged list(canvas, Role::L);
  const double labelW = barsW * 0.56;
  const double trackX = barsX + labelW + 6;
  const double trackW = barsW - labelW - 6 - 36;
  double rowY = top + 32;
  const double rowH = std::min(22.0, (height - 40) / std::max<double>(1, static_cast<double>(r.results.kpis.size())));
  for (std::size_t i = 0; i < r.results.kpis.size(); ++i) {
    const engine::KpiValue& v = r.results.kpis[i].current;
    Tagged item(canvas, Role::LI);
    Tagged body(canvas, Role::LBody);
    double cy = rowY + rowH / 2;
    drawStatusMark(canvas, barsX + 4, cy - 0.5, 7, v.status);
    TextStyle labelStyle{Face::Regular, 7.6, INK, 1.15};
    std::string label = v.kpi->id + " " + v.kpi->title;
    std::size_t lines = wrapFor(canvas, labelW - 12, label, labelStyle, 2).size();
    drawWrapped(canvas, barsX + 12, cy - static_cast<double>(lines) * 7.6 * 1.15 / 2 - 1.2, labelW - 12, label,
                labelStyle, 2);
    canvas.fillRect(trackX, cy - 4, trackW, 8, WHITE);
    canvas.strokeRect(trackX, cy - 4, trackW, 8, 0.4, RULE);
    std::optional<double> progress = i < r.attainment.size() ? r.attainment[i] : std::nullopt;
    if (progress) canvas.fillRect(trackX, cy - 4, trackW * std::clamp(*progress, 0.0, 1.0), 8, statusColour(v.status));
    std::string percent = progress ? std::to_string(static_cast<int>(std::lround(*progress * 100))) + "%" : "n/a";
    drawLine(canvas, trackX + trackW + 34, cy + 3, 30, percent, TextStyle{Face::Bold, 8, INK}, Align::Right);
    rowY += rowH;
  }
  flow.y = top + height + 16;
}

void headlines(PageFlow& flow, const engine::BoardReport& r) {
  Canvas& canvas = flow.canvas();
  flow.heading("Headlines", SIZE_H2, 60);
  TextStyle style{Face::Regular, SIZE_BODY, INK, 1.3};
  Tagged list(canvas, Role::L);
  for (const std::string& line : text::headlines(r)) {
    double height = static_cast<double>(wrapFor(canvas, flow.width() - 12, line, style, 3).size()) * style.size * style.leading;
    flow.need(height);
    Tagged item(canvas, Role::LI);
    Tagged body(canvas, Role::LBody);
    canvas.fillCircle(flow.left() + 3, flow.y + style.size * 0.62, 1.8, NAVY);
    flow.y += drawWrapped(canvas, flow.left() + 12, flow.y, flow.width() - 12, line, style, 3) + 2.5;
  }
  flow.y += 10;
}

void scorecard(PageFlow& flow, const engine::BoardReport& r) {
  flow.heading("Scorecard", SIZE_H2, 120);
  std::vector<TableColumn> columns = {{"KPI", 156},
                                      {"Value", 58, Align::Right},
                                      {"Target", 48, Align::Right},
                                      {"Status", 62},
                                      {"Change", 56, Align::Right},
                                      {"Peer median", 54, Align::Right},
                                      {"Quartile", 66}};
  std::vector<TableRow> rows;
  for (const engine::KpiResult& k : r.results.kpis) {
    const engine::KpiDefinition& def = *k.current.kpi;
    rows.push_back({{def.id + "  " + def.title},
                    {text::withShortUnit(k.current.shown(), def), Face::Bold},
                    {text::withShortUnit(text::number(def.target), def)},
                    TableCell::marked(text::statusWord(k.current.status), k.current.status),
                    {changeCell(k)},
                    {medianCell(k.sector)},
                    {text::quartile(k.sector)}});
  }
  drawTable(flow, columns, rows);
  std::string key = text::statusKey(*r.catalogue) + " Change is since " + text::periodShort(r.previousPeriod) +
                    ". Peer median and quartile compare with the " +
                    engine::counted(r.sectorSubmissions, "organisation") + " that submitted for this period; the 1st quartile is the best quarter.";
  flow.paragraph(key, TextStyle{Face::Regular, SIZE_SMALL, MUTED, 1.35});
}

std::string factsLine(const engine::BoardReport& r, const engine::KpiResult& k) {
  const engine::KpiDefinition& def = *k.current.kpi;
  std::string facts = "Target " + text::withUnit(text::number(def.target), def);
  if (k.changeTenths) {
    facts += DOT + std::string("Change since ") + text::periodShort(r.previousPeriod) + ": " +
             text::changeInWords(*k.changeTenths);
  } else {
    facts += DOT + std::string("No ") + text::periodShort(r.previousPeriod) + " value to compare";
  }
  if (k.sector.disclosed && k.sector.distribution) {
    facts += DOT + std::string("Median of all organisations ") + text::oneDecimal(k.sector.distribution->median);
    if (k.sector.groupRate) facts += ", sector rate " + k.sector.groupRate->toOneDecimal();
    if (k.sector.rank) {
      facts += DOT + std::string("Rank ") + std::to_string(*k.sector.rank) + " of " +
               std::to_string(k.sector.organisations) + ", " + text::quarterWords(k.sector);
    }
  } else {
    facts += DOT + std::string("Too few organisations with a value to compare (fewer than ") +
             std::to_string(r.minimumGroupSize) + ")";
  }
  return facts;
}

void kpiPanel(PageFlow& flow, const engine::BoardReport& r, const engine::KpiResult& k) {
  Canvas& canvas = flow.canvas();
  const engine::KpiDefinition& def = *k.current.kpi;
  DistributionChart distribution = distributionChart(k, r.minimumGroupSize);
  TrendChart trend = trendChart(k);
  const TextStyle descriptionStyle{Face::Regular, 7.8, MUTED, 1.3};
  const TextStyle factsStyle{Face::Regular, 8.2, INK, 1.3};
  const std::string facts = factsLine(r, k);
  auto linesOf = [&](const std::string& words, const TextStyle& style, std::size_t most) {
    return static_cast<double>(wrapFor(canvas, flow.width(), words, style, most).size()) * style.size * style.leading;
  };
  const double chartH = std::max(distributionHeight(distribution), 96.0);
  const double textH = 27 + linesOf(def.description, descriptionStyle, 2) + 2 + linesOf(facts, factsStyle, 3);
  const double height = textH + 16 + chartH + 6;
  flow.need(height);
  const double top = flow.y;
  canvas.line(flow.left(), top, flow.right(), top, 1.2, NAVY);

  // Title on the left; value and status on the right (measured first: the
  // title is read first).
  std::string value = text::withShortUnit(k.current.shown(), def);
  TextStyle valueStyle{Face::Bold, 15, INK};
  double valueWidth = lineWidth(canvas, 140, value, valueStyle);
  std::string status = text::statusWord(k.current.status);
  TextStyle statusStyle{Face::Bold, 9, statusColour(k.current.status)};
  double statusWidth = lineWidth(canvas, 80, status, statusStyle);
  double titleWidth = flow.width() - valueWidth - statusWidth - 40;
  {
    Tagged h3(canvas, Role::H3);
    drawLine(canvas, flow.left(), top + 20, titleWidth, def.id + "  " + def.title, TextStyle{Face::Bold, 12, NAVY});
  }
  {
    Tagged p(canvas, Role::P);
    drawLine(canvas, flow.right(), top + 20, 140, value, valueStyle, Align::Right);
    drawLine(canvas, flow.right() - valueWidth - 10, top + 19, 80, status, statusStyle, Align::Right);
    drawStatusMark(canvas, flow.right() - valueWidth - 10 - statusWidth - 8, top + 15.5, 8, k.current.status);
  }

  double y = top + 27;
  {
    Tagged p(canvas, Role::P);
    y += drawWrapped(canvas, flow.left(), y, flow.width(), def.description, descriptionStyle, 2);
  }
  y += 2;
  {
    Tagged p(canvas, Role::P);
    y += drawWrapped(canvas, flow.left(), y, flow.width(), facts, factsStyle, 3);
  }

  const double chartTop = top + textH + 16;
  const double gap = 22;
  const double distW = flow.width() * 0.58;
  const double trendX = flow.left() + distW + gap;
  const double trendW = flow.right() - trendX;
  TextStyle caption{Face::Bold, 7.6, MUTED};
  {
    Tagged figure(canvas, reports::figure("Compared with peers. " + describe(distribution, def.unit)));
    drawLine(canvas, flow.left(), chartTop - 5, distW, "COMPARED WITH PEERS", caption);
    drawDistribution(canvas, flow.left(), chartTop, distW, chartH, distribution);
  }
  {
    Tagged figure(canvas, reports::figure("Trend. " + describe(trend, def.unit)));
    drawLine(canvas, trendX, chartTop - 5, trendW, "TREND (" + text::shortUnit(def) + "; dashed line: target)", caption);
    drawTrend(canvas, trendX, chartTop, trendW, chartH, trend);
  }
  flow.y = top + height;
}

void provenance(PageFlow& flow, const engine::BoardReport& r) {
  const engine::SubmissionRecord& s = r.results.record;
  flow.newPage();
  flow.heading("Data quality and provenance", SIZE_H2);
  flow.paragraph("The figures in this report come from the submission below, the organisation's current one for the "
                 "period. Every warning raised when it was accepted is listed with the sender's explanation.",
                 TextStyle{Face::Regular, SIZE_BODY, INK, 1.35}, 8);

  std::string peers = text::peerGroups(r.sectorSubmissions, r.period, r.type, r.typeSubmissions);
  std::string source = s.sourceSystem.empty() ? "not stated" : s.sourceSystem;
  std::vector<TableRow> rows = {
      {{"Submission ID", Face::Bold}, {s.submissionId}},
      {{"Organisation as sent", Face::Bold}, {s.organisationName + " (" + s.organisation + ")"}},
      {{"Period", Face::Bold}, {s.period + DOT + r.periodInWords}},
      {{"Received", Face::Bold}, {text::ukTime(s.receivedAt) + " (" + text::isoTime(s.receivedAt) + ")"}},
      {{"Channel", Face::Bold}, {s.channel}},
      {{"Source system", Face::Bold}, {source}},
      {{"Prepared at", Face::Bold}, {s.preparedAt}},
      {{"Kind and revision", Face::Bold},
       {s.kind + DOT + "revision " + std::to_string(s.revision) + (s.revision > 1 ? " (replaces earlier ones)" : "")}},
      {{"SHA-256 of the document", Face::Bold}, {s.sha256}},
      {{"Schema version", Face::Bold}, {s.schemaVersion}},
      {{"Catalogue version", Face::Bold}, {r.catalogue->version()}},
      {{"Peer groups", Face::Bold}, {peers}},
      {{"Data cut-off", Face::Bold}, {text::ukTime(r.dataCutOff)}},
  };
  TableOptions itemOptions{8.6, 4, true};
  itemOptions.rowHeaders = true;
  drawTable(flow, {{"Item", 150}, {"Value", 350}}, rows, itemOptions);

  flow.heading("Warnings", SIZE_H3, 40);
  if (s.warnings.empty()) {
    flow.paragraph("No warnings were raised for this submission.", TextStyle{Face::Regular, SIZE_BODY, INK});
  } else {
    std::vector<TableRow> warnings;
    for (const engine::Diagnostic& d : s.warnings) {
      warnings.push_back({{d.code, Face::Bold},
                          {d.kpi.empty() ? "\xE2\x80\x93" : d.kpi},
                          {d.message},
                          {d.explained ? d.explanation : "No explanation given"}});
    }
    drawTable(flow, {{"Code", 44}, {"KPI", 34}, {"What was found", 200}, {"Sender's explanation", 222}}, warnings,
              TableOptions{8.4, 8, true});
  }

  flow.heading("Comparator groups by KPI", SIZE_H3, 60);
  std::vector<TableRow> groups;
  for (const engine::KpiResult& k : r.results.kpis) {
    auto shown = [&](const engine::PeerComparison& c) {
      if (c.group.empty()) return std::string("\xE2\x80\x93");
      return std::to_string(c.organisations) + (c.disclosed ? " (shown)" : " (too few: not shown)");
    };
    groups.push_back({{k.current.kpi->id + "  " + k.current.kpi->title}, {shown(k.sector)}, {shown(k.type)}});
  }
  std::string typeHeader = r.type.empty() ? "Same type" : text::groupName(r.type);
  drawTable(flow, {{"KPI", 220}, {"All organisations with a value", 140}, {typeHeader + " with a value", 140}},
            groups);
}

void method(PageFlow& flow, const engine::BoardReport& r) {
  flow.newPage();
  flow.heading("Method", SIZE_H2);
  for (const engine::report::MethodSection& section : text::method(*r.catalogue, r.minimumGroupSize)) {
    flow.heading(section.heading, SIZE_H3, 30);
    for (const std::string& p : section.paragraphs) {
      flow.paragraph(p, TextStyle{Face::Regular, 8.8, INK, 1.38}, 5);
    }
    flow.space(3);
  }
}

}  // namespace

void drawBoardReport(Canvas& canvas, const engine::BoardReport& report) {
  std::string period = text::periodShort(report.period);
  PageFlow flow(canvas, "IT PROFESSIONALISATION KPIs" + std::string(DOT) + "BOARD REPORT", period,
                report.name + DOT + period + DOT + "Board report");
  flow.newPage();
  cover(flow, report);
  headlines(flow, report);
  scorecard(flow, report);
  flow.newPage();
  flow.heading("The KPIs in detail", SIZE_H2, 200);
  for (const engine::KpiResult& k : report.results.kpis) {
    kpiPanel(flow, report, k);
    flow.space(14);
  }
  provenance(flow, report);
  method(flow, report);
  flow.finish();
}

}  // namespace profkpi::reports

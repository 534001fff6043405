#include "reports/BoardLayout.h"

#include "engine/reporting/PageOne.h"
#include "engine/reporting/ReportText.h"
#include "engine/reporting/Words.h"
#include "reports/BoardNotesBox.h"
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
using engine::report::fill;
using engine::report::tr;

namespace {

const char* const DOT = " \xC2\xB7 ";  // " · "

// Returns whether the index panel had room to say what the index means.
bool cover(PageFlow& flow, const engine::BoardReport& r) {
  Canvas& canvas = flow.canvas();
  std::optional<Tagged> tag(std::in_place, canvas, Role::H1);  // the organisation and the period
  // The report's language names the organisation; the other name follows,
  // marked as the other language.
  const text::Names names = text::namesOf(r);
  {
    std::optional<Tagged> titleLanguage;
    if (!names.titleLanguage.empty()) titleLanguage.emplace(canvas, inLanguage(names.titleLanguage));
    flow.y += drawWrapped(canvas, flow.left(), flow.y, flow.width(), names.title,
                          TextStyle{Face::Bold, SIZE_TITLE, INK, 1.15}, 3);
  }
  if (!names.subtitle.empty()) {
    Tagged other(canvas, inLanguage(names.subtitleLanguage));
    flow.y += drawWrapped(canvas, flow.left(), flow.y + 1, flow.width(), names.subtitle,
                          TextStyle{Face::Regular, 13, MUTED, 1.2}, 2) + 1;
  }
  flow.y += 3;
  flow.y += drawWrapped(canvas, flow.left(), flow.y, flow.width(), text::periodInWords(r.period),
                        TextStyle{Face::Regular, 13, INK, 1.25}, 2);
  tag.emplace(canvas, Role::P);
  std::string meta = r.organisationCode;
  if (!r.type.empty()) meta += DOT + text::groupName(r.type);
  // TRANSLATORS: board report, under the title: {1} when it was produced, {2} the data cut-off (dates and times).
  meta += DOT + fill(tr("board report", "Produced {1} from data received up to {2}"),
                     {text::ukTime(r.generatedAt), text::ukTime(r.dataCutOff)});
  flow.y += 2;
  flow.y += drawWrapped(canvas, flow.left(), flow.y, flow.width(), meta, TextStyle{Face::Regular, 8, MUTED}, 2);
  flow.y += 12;
  tag.reset();

  // The index panel: the number, what it rests on, its change, and the
  // progress it averages.
  const text::IndexPanel panel = text::indexPanel(r);
  const double top = flow.y;
  const double height = 146;
  canvas.fillRect(flow.left(), top, flow.width(), height, PANEL);
  canvas.fillRect(flow.left(), top, 4, height, NAVY);
  const double leftX = flow.left() + 18;
  const double leftW = 172;
  tag.emplace(canvas, Role::H2);
  // TRANSLATORS: page one, the index panel's heading (capitals in the English layout).
  drawLine(canvas, leftX, top + 20, leftW, tr("index panel", "PROFESSIONALISATION INDEX"), TextStyle{Face::Bold, 8, MUTED});
  tag.emplace(canvas, Role::P);
  // Every line wraps, none is cut: the basis and the comparison are what make the number honest.
  double numberWidth = drawLine(canvas, leftX - 2, top + 66, 150, panel.value, TextStyle{Face::Bold, 48, NAVY});
  drawLine(canvas, leftX + numberWidth + 4, top + 66, 60, "/ 100", TextStyle{Face::Regular, 12, MUTED});
  double y = top + 76;
  tag.emplace(canvas, Role::P);
  y += drawWrapped(canvas, leftX, y, leftW, panel.basis, TextStyle{Face::Bold, 8.2, panel.partial ? RED : INK, 1.2}, 2);
  y += 2;
  tag.emplace(canvas, Role::P);
  y += drawWrapped(canvas, leftX, y, leftW, panel.change, TextStyle{Face::Regular, 8.2, INK, 1.2}, 5);
  tag.emplace(canvas, Role::P);
  if (!panel.yearAgo.empty()) y += drawWrapped(canvas, leftX, y, leftW, panel.yearAgo, TextStyle{Face::Regular, 8.2, INK, 1.2}, 2);
  // What the index means, where it fits; otherwise the scorecard's key says it.
  const TextStyle explanationStyle{Face::Regular, 7, MUTED, 1.2};
  const std::size_t explanationLines = wrapFor(canvas, leftW, text::indexExplanation(), explanationStyle, 3).size();
  const bool explained = y + 2 + static_cast<double>(explanationLines) * 7 * 1.2 <= top + height - 4;
  tag.emplace(canvas, Role::P);
  if (explained) drawWrapped(canvas, leftX, y + 2, leftW, text::indexExplanation(), explanationStyle, 3);

  // Progress towards each target: the index is the mean of these bars. One
  // colour for every bar: the status is the mark and the word, not the hue.
  const double barsX = flow.left() + 205;
  const double barsW = flow.right() - barsX - 14;
  tag.emplace(canvas, Role::H3);
  // TRANSLATORS: page one, heading of the progress bars beside the index.
  drawLine(canvas, barsX, top + 20, barsW, tr("index panel", "PROGRESS TOWARDS EACH TARGET"), TextStyle{Face::Bold, 8, MUTED});
  tag.emplace(canvas, Role::L);
  const double labelW = barsW * 0.52;
  const double trackX = barsX + labelW + 6;
  const double trackW = barsW - labelW - 6 - 34;
  double rowY = top + 30;
  const double rowH = std::min(24.0, (height - 40) / std::max<double>(1, static_cast<double>(r.results.kpis.size())));
  for (std::size_t i = 0; i < r.results.kpis.size(); ++i) {
    const engine::KpiValue& v = r.results.kpis[i].current;
    const engine::BoardKpi facts = i < r.kpis.size() ? r.kpis[i] : engine::BoardKpi{};
    Tagged item(canvas, Role::LI);
    Tagged body(canvas, Role::LBody);
    double cy = rowY + rowH / 2;
    drawStatusMark(canvas, barsX + 4, cy - 0.5, 7, v.status);
    TextStyle labelStyle{Face::Regular, 7.4, INK, 1.15};
    std::string label = text::kpiName(*v.kpi);
    std::size_t lines = wrapFor(canvas, labelW - 12, label, labelStyle, 2).size();
    drawWrapped(canvas, barsX + 12, cy - static_cast<double>(lines) * 7.4 * 1.15 / 2 - 1.2, labelW - 12, label,
                labelStyle, 2);
    canvas.fillRect(trackX, cy - 4, trackW, 8, WHITE);
    canvas.strokeRect(trackX, cy - 4, trackW, 8, 0.5, RANGE);
    if (facts.progressPercent) {
      canvas.fillRect(trackX, cy - 4, trackW * *facts.progressPercent / 100.0, 8, NAVY);
    }
    std::string percent = facts.progressPercent ? std::to_string(*facts.progressPercent) + "%" : tr("figure", "n/a");
    drawLine(canvas, trackX + trackW + 32, cy + 3, 30, percent, TextStyle{Face::Bold, 8, INK}, Align::Right);
    rowY += rowH;
  }
  tag.reset();
  flow.y = top + height + 14;
  return explained;
}

void headlines(PageFlow& flow, const engine::BoardReport& r) {
  Canvas& canvas = flow.canvas();
  // TRANSLATORS: page one, a heading.
  flow.heading(tr("heading", "Headlines"), SIZE_H2, 60);
  TextStyle style{Face::Regular, 8.8, INK, 1.25};
  Tagged list(canvas, Role::L);
  for (const std::string& line : text::headlines(r)) {
    double height = static_cast<double>(wrapFor(canvas, flow.width() - 12, line, style, 4).size()) * style.size * style.leading;
    flow.need(height);
    Tagged item(canvas, Role::LI);
    Tagged body(canvas, Role::LBody);
    canvas.fillCircle(flow.left() + 3, flow.y + style.size * 0.62, 1.8, NAVY);
    flow.y += drawWrapped(canvas, flow.left() + 12, flow.y, flow.width() - 12, line, style, 4) + 2;
  }
  flow.y += 6;
}

// Eight periods as a small line, each on the KPI's own scale from 0 to the
// larger of its target and its highest value; a missed period is a gap, the
// target a dashed line, the latest point larger, a value with a warning a ring.
void sparkline(Canvas& canvas, double x, double y, double w, double h, const engine::KpiResult& k) {
  TrendChart chart = trendChart(k);
  if (std::none_of(chart.values.begin(), chart.values.end(), [](const auto& v) { return v.has_value(); })) return;
  long last = periodOrdinal(chart.periods.back());
  double slot = w / static_cast<double>(engine::TREND_LENGTH);
  double top = chart.target.value_or(0);
  for (const auto& v : chart.values) top = std::max(top, v.value_or(0));
  if (top <= 0) top = 1;
  auto px = [&](std::size_t i) {
    return x + w - slot * (static_cast<double>(last - periodOrdinal(chart.periods[i])) + 0.5);
  };
  auto py = [&](double v) { return y + h - 2 - (h - 5) * std::clamp(v / top, 0.0, 1.0); };
  if (chart.target) canvas.line(x, py(*chart.target), x + w, py(*chart.target), 0.5, RANGE, true);
  for (std::size_t i = 0; i + 1 < chart.periods.size(); ++i) {
    if (!chart.values[i] || !chart.values[i + 1]) continue;
    if (periodOrdinal(chart.periods[i + 1]) - periodOrdinal(chart.periods[i]) != 1) continue;
    canvas.polyline({{px(i), py(*chart.values[i])}, {px(i + 1), py(*chart.values[i + 1])}}, 1.0, NAVY);
  }
  for (std::size_t i = 0; i < chart.periods.size(); ++i) {
    if (!chart.values[i]) continue;
    bool latest = i + 1 == chart.periods.size();
    if (chart.warned[i]) {
      canvas.fillCircle(px(i), py(*chart.values[i]), 2.4, NAVY);
      canvas.fillCircle(px(i), py(*chart.values[i]), 1.3, WHITE);
    } else {
      canvas.fillCircle(px(i), py(*chart.values[i]), latest ? 1.9 : 1.1, NAVY);
    }
  }
}

void scorecard(PageFlow& flow, const engine::BoardReport& r, bool indexExplained) {
  const text::ScorecardPage page = text::scorecardPage(r);
  // TRANSLATORS: page one, a heading.
  flow.heading(tr("heading", "Scorecard"), SIZE_H2, 120);
  // TRANSLATORS: a column heading (scorecard, tables): "KPI" (key performance indicator).
  std::vector<TableColumn> columns = {{tr("column", "KPI"), 90},
                                      // TRANSLATORS: a scorecard column heading.
                                      {tr("column", "Value"), 58, Align::Right},
                                      // TRANSLATORS: a scorecard column heading (narrow).
                                      {tr("column", "Target"), 44, Align::Right},
                                      // TRANSLATORS: a scorecard column heading.
                                      {tr("column", "Status"), 48},
                                      {page.changeHeader, 42, Align::Right}};
  if (!page.yearHeader.empty()) columns.push_back({page.yearHeader, 42, Align::Right});
  // TRANSLATORS: the scorecard's trend column heading: {1} "Q3 2023/24 to Q2 2025/26".
  columns.push_back({fill(tr("column", "Trend, {1}"), {page.trendHeader}), 56});
  // TRANSLATORS: a scorecard column heading (narrow, wraps): the median of all organisations.
  columns.push_back({tr("column", "Median: all"), 40, Align::Right});
  // TRANSLATORS: a scorecard column heading: {1} a comparator group ("Welsh unitary").
  columns.push_back({fill(tr("column", "Median: {1}"), {page.groupHeader}), 42, Align::Right});
  // TRANSLATORS: a scorecard column heading (narrow, wraps): the quartile among all organisations.
  columns.push_back({tr("column", "Quartile (all)"), 42});
  std::vector<TableRow> rows;
  for (std::size_t i = 0; i < page.rows.size(); ++i) {
    const text::ScorecardRow& row = page.rows[i];
    TableCell value{row.value + (row.marks.empty() ? "" : " " + row.marks), Face::Bold};
    value.detail = row.counts;
    TableCell trend;
    const engine::KpiResult& k = r.results.kpis[i];
    trend.figure = [&k](Canvas& c, double x, double y, double w, double h) { sparkline(c, x, y, w, std::min(h, 20.0), k); };
    trend.figureHeight = 18;
    // TRANSLATORS: alternative text of a trend chart: {1} the chart in words.
    trend.figureAlt = fill(tr("chart", "Trend. {1}"), {describe(trendChart(k), text::unit(*k.current.kpi))});
    TableRow cells = {{row.kpi}, value, {row.target}, TableCell::marked(text::statusWord(row.status), row.status),
                      {row.change}};
    if (!page.yearHeader.empty()) cells.push_back({row.yearChange});
    cells.push_back(trend);
    cells.push_back({row.median});
    cells.push_back({row.groupMedian});
    cells.push_back({row.quartile});
    rows.push_back(std::move(cells));
  }
  drawTable(flow, columns, rows, TableOptions{7.4, 3, true});
  flow.space(-4);
  for (const std::string& note : page.notes) {
    flow.paragraph(note, TextStyle{Face::Regular, 7.2, INK, 1.25}, 1.5);
  }
  flow.space(2);
  flow.paragraph((indexExplained ? "" : text::indexExplanation() + " ") + page.key,
                 TextStyle{Face::Regular, 6.9, MUTED, 1.25});
}

void kpiPanel(PageFlow& flow, const engine::BoardReport& r, std::size_t index) {
  const engine::KpiResult& k = r.results.kpis[index];
  Canvas& canvas = flow.canvas();
  const engine::KpiDefinition& def = *k.current.kpi;
  DistributionChart distribution = distributionChart(k, r.minimumGroupSize);
  TrendChart trend = trendChart(k, r.results.missedReturns);
  const TextStyle descriptionStyle{Face::Regular, 7.8, MUTED, 1.3};
  const TextStyle factsStyle{Face::Regular, 8.2, INK, 1.3};
  std::string facts;
  for (const std::string& sentence : text::detailFacts(r, index)) facts += (facts.empty() ? "" : " ") + sentence;
  auto linesOf = [&](const std::string& words, const TextStyle& style, std::size_t most) {
    return static_cast<double>(wrapFor(canvas, flow.width(), words, style, most).size()) * style.size * style.leading;
  };
  const double chartH = std::max(distributionHeight(distribution), 96.0);
  const double actionsH = r.boardNotes ? kpiActionsHeight(canvas, flow.width(), *r.boardNotes, def.id, r.notesDay) : 0;
  const double textH =
      27 + linesOf(text::description(def), descriptionStyle, 3) + 2 + linesOf(facts, factsStyle, 9) + actionsH;
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
  std::optional<Tagged> tag(std::in_place, canvas, Role::H3);
  drawLine(canvas, flow.left(), top + 20, titleWidth, def.id + "  " + text::title(def), TextStyle{Face::Bold, 12, NAVY});
  tag.emplace(canvas, Role::P);
  drawLine(canvas, flow.right(), top + 20, 140, value, valueStyle, Align::Right);
  drawLine(canvas, flow.right() - valueWidth - 10, top + 19, 80, status, statusStyle, Align::Right);
  drawStatusMark(canvas, flow.right() - valueWidth - 10 - statusWidth - 8, top + 15.5, 8, k.current.status);

  double y = top + 27;
  tag.emplace(canvas, Role::P);
  y += drawWrapped(canvas, flow.left(), y, flow.width(), text::description(def), descriptionStyle, 3);
  y += 2;
  tag.emplace(canvas, Role::P);
  y += drawWrapped(canvas, flow.left(), y, flow.width(), facts, factsStyle, 9);
  if (r.boardNotes) {
    tag.emplace(canvas, Role::P);
    y += drawKpiActions(canvas, flow.left(), y + 2, flow.width(), *r.boardNotes, def.id, r.notesDay);
  }
  tag.reset();

  const double chartTop = top + textH + 16;
  const double gap = 22;
  const double distW = flow.width() * 0.58;
  const double trendX = flow.left() + distW + gap;
  const double trendW = flow.right() - trendX;
  TextStyle caption{Face::Bold, 7.6, MUTED};
  // TRANSLATORS: alternative text of the peers chart: {1} the chart in words.
  tag.emplace(canvas, figure(fill(tr("chart", "Compared with peers. {1}"), {describe(distribution, text::unit(def))})));
  // TRANSLATORS: caption above a detail panel's peers chart (capitals in the English layout).
  drawLine(canvas, flow.left(), chartTop - 5, distW, tr("chart", "COMPARED WITH PEERS"), caption);
  drawDistribution(canvas, flow.left(), chartTop, distW, chartH, distribution);
  tag.emplace(canvas, figure(fill(tr("chart", "Trend. {1}"), {describe(trend, text::unit(def))})));
  // TRANSLATORS: caption above a detail panel's trend chart: {1} the unit ("%", "days").
  drawLine(canvas, trendX, chartTop - 5, trendW, fill(tr("chart", "TREND ({1}; dashed line: target)"), {text::shortUnit(def)}),
           caption);
  drawTrend(canvas, trendX, chartTop, trendW, chartH, trend);
  tag.reset();
  flow.y = top + height;
}

void provenance(PageFlow& flow, const engine::BoardReport& r) {
  const engine::SubmissionRecord& s = r.results.record;
  flow.newPage();
  // TRANSLATORS: board report, a page's heading (also named by the headlines and notes: translate alike).
  flow.heading(tr("heading", "Data quality and provenance"), SIZE_H2);
  // TRANSLATORS: board report, the paragraph under "Data quality and provenance".
  flow.paragraph(tr("provenance", "The figures in this report come from the submission below, the organisation's current one "
                                  "for the period. Every warning raised when it was accepted is listed with the sender's "
                                  "explanation."),
                 TextStyle{Face::Regular, SIZE_BODY, INK, 1.35}, 8);

  std::string peers = text::peerGroups(r.sectorSubmissions, r.period, r.type, r.typeSubmissions);
  // TRANSLATORS: provenance table: the sender named no source system.
  std::string source = s.sourceSystem.empty() ? tr("provenance", "not stated") : s.sourceSystem;
  std::string revision =
      s.revision > 1
          // TRANSLATORS: provenance table, "Kind and revision": {1} the revision number (2 or more).
          ? fill(tr("provenance", "revision {1} (replaces earlier ones)"), {std::to_string(s.revision)})
          // TRANSLATORS: as above for the first revision: {1} is 1.
          : fill(tr("provenance", "revision {1}"), {std::to_string(s.revision)});
  auto item = [](const std::string& words) { return TableCell{words, Face::Bold}; };
  std::vector<TableRow> rows = {
      // TRANSLATORS: provenance table, a row heading.
      {item(tr("provenance", "Submission ID")), {s.submissionId}},
      // TRANSLATORS: provenance table, a row heading: the organisation's name as the submission gives it.
      {item(tr("provenance", "Organisation as sent")), {s.organisationName + " (" + s.organisation + ")"}},
      // TRANSLATORS: provenance table, a row heading.
      {item(tr("provenance", "Period")), {s.period + DOT + text::periodInWords(r.period)}},
      // TRANSLATORS: provenance table, a row heading: when the submission was received.
      {item(tr("provenance", "Received")), {text::ukTime(s.receivedAt) + " (" + text::isoTime(s.receivedAt) + ")"}},
      // TRANSLATORS: provenance table, a row heading.
      {item(tr("provenance", "How it arrived")), {text::channelInWords(s.channel)}},
      // TRANSLATORS: provenance table, a row heading: the council's HR or IT system that made the submission.
      {item(tr("provenance", "Source system")), {source}},
      // TRANSLATORS: provenance table, a row heading.
      {item(tr("provenance", "Prepared at")), {s.preparedAt}},
      // TRANSLATORS: provenance table, a row heading: the submission's kind (Summary, Workforce) and revision.
      {item(tr("provenance", "Kind and revision")), {s.kind + DOT + revision}},
      // TRANSLATORS: provenance table, a row heading: the document's SHA-256.
      {item(tr("provenance", "Fingerprint of the document")),
       // TRANSLATORS: provenance table: {1} the SHA-256 in hexadecimal.
       {fill(tr("provenance", "{1} (SHA-256: any change to the document, however small, changes it)"), {s.sha256})}},
      // TRANSLATORS: provenance table, a row heading.
      {item(tr("provenance", "Schema version")), {s.schemaVersion}},
      // TRANSLATORS: provenance table, a row heading: the KPI catalogue's version.
      {item(tr("provenance", "Catalogue version")), {r.catalogue->version()}},
      // TRANSLATORS: provenance table, a row heading.
      {item(tr("provenance", "Peer groups")), {peers}},
      // TRANSLATORS: provenance table, a row heading: the latest acceptance the report uses.
      {item(tr("provenance", "Data cut-off")), {text::ukTime(r.dataCutOff)}},
  };
  TableOptions itemOptions{8.6, 4, true};
  itemOptions.rowHeaders = true;
  // TRANSLATORS: provenance table, column headings: "Item" and "Value".
  drawTable(flow, {{tr("column", "Item"), 150}, {tr("column", "Value"), 350}}, rows, itemOptions);

  // TRANSLATORS: board report, a heading under Data quality and provenance.
  flow.heading(tr("heading", "Warnings"), SIZE_H3, 40);
  if (s.warnings.empty()) {
    // TRANSLATORS: under "Warnings" when there are none.
    flow.paragraph(tr("provenance", "No warnings were raised for this submission."), TextStyle{Face::Regular, SIZE_BODY, INK});
  } else {
    std::vector<TableRow> warnings;
    for (const engine::Diagnostic& d : s.warnings) {
      // The finding's message is the intake's own (English, with the submission's figures).
      warnings.push_back({{d.code, Face::Bold},
                          {d.kpi.empty() ? "\xE2\x80\x93" : d.kpi},
                          {text::warningInWords(d.code) + ": " + d.message},
                          // TRANSLATORS: warnings table: the sender explained nothing.
                          {d.explained ? d.explanation : tr("provenance", "No explanation given")}});
    }
    // TRANSLATORS: warnings table, column headings: the warning's code.
    drawTable(flow, {{tr("column", "Code"), 44}, {tr("column", "KPI"), 34},
                     // TRANSLATORS: warnings table, column heading.
                     {tr("column", "What was found"), 200},
                     // TRANSLATORS: warnings table, column heading.
                     {tr("column", "Sender's explanation"), 222}},
              warnings, TableOptions{8.4, 8, true});
  }

  // TRANSLATORS: board report, a heading under Data quality and provenance.
  flow.heading(tr("heading", "Returns"), SIZE_H3, 40);
  flow.paragraph(text::returnsInWords(r), TextStyle{Face::Regular, SIZE_BODY, INK, 1.35}, 8);

  // TRANSLATORS: board report, a heading under Data quality and provenance.
  flow.heading(tr("heading", "Comparator groups by KPI"), SIZE_H3, 60);
  std::vector<TableRow> groups;
  for (const engine::KpiResult& k : r.results.kpis) {
    auto shown = [&](const engine::PeerComparison& c) {
      if (c.group.empty()) return std::string("\xE2\x80\x93");
      return c.disclosed
                 // TRANSLATORS: comparator groups table: {1} organisations with a value, large enough to show.
                 ? fill(tr("provenance", "{1} (shown)"), {std::to_string(c.organisations)})
                 // TRANSLATORS: as above, too few to show.
                 : fill(tr("provenance", "{1} (too few: not shown)"), {std::to_string(c.organisations)});
    };
    groups.push_back({{k.current.kpi->id + "  " + text::title(*k.current.kpi)}, {shown(k.sector)}, {shown(k.type)}});
  }
  std::string typeHeader = r.type.empty() ? tr("group", "Same type") : text::groupName(r.type);
  drawTable(flow, {{tr("column", "KPI"), 220},
                   // TRANSLATORS: comparator groups table, column heading.
                   {tr("column", "All organisations with a value"), 140},
                   // TRANSLATORS: comparator groups table, column heading: {1} the organisation's type.
                   {fill(tr("column", "{1} with a value"), {typeHeader}), 140}},
            groups);
}

void method(PageFlow& flow, const engine::BoardReport& r) {
  flow.newPage();
  // TRANSLATORS: board and sector report, the last page's heading.
  flow.heading(tr("heading", "Method"), SIZE_H2);
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
  // TRANSLATORS: board report, the running head of every page (capitals in the English layout).
  PageFlow flow(canvas, tr("page head", "IT PROFESSIONALISATION KPIs \u00B7 BOARD REPORT"), period,
                // TRANSLATORS: board report, every page's footer: {1} the organisation, {2} the period.
                fill(tr("page foot", "{1} \u00B7 {2} \u00B7 Board report"), {text::namesOf(report).title, period}));
  flow.newPage();
  bool indexExplained = cover(flow, report);
  headlines(flow, report);
  scorecard(flow, report, indexExplained);
  // Notes that ran past page one leave the rest of their page to the details.
  bool notesContinued = report.boardNotes && drawBoardNotesBox(flow, *report.boardNotes, report.notesDay).lastPage > 1;
  notesContinued ? flow.space(14) : flow.newPage();
  // TRANSLATORS: board report, the heading of the detail pages.
  flow.heading(tr("heading", "The KPIs in detail"), SIZE_H2, 200);
  for (std::size_t i = 0; i < report.results.kpis.size(); ++i) {
    kpiPanel(flow, report, i);
    flow.space(14);
  }
  provenance(flow, report);
  method(flow, report);
  flow.finish();
}

}  // namespace profkpi::reports

#include "reports/HtmlReportRenderer.h"

#include "engine/common/XmlEscape.h"
#include "engine/ports/Errors.h"
#include "engine/reporting/PageOne.h"
#include "engine/reporting/ReportText.h"
#include "engine/reporting/SectorText.h"
#include "engine/reporting/Words.h"
#include "reports/BoardNotesHtml.h"
#include "reports/Charts.h"
#include "reports/PdfParts.h"
#include "reports/SvgCanvas.h"
#include "reports/TextLayout.h"

#include <cctype>
#include <cmath>

namespace profkpi::reports {

namespace text = engine::report;
using engine::report::fill;
using engine::report::tr;
using engine::report::trn;

namespace {

const char* const DOT = " \xC2\xB7 ";
const char* const DASH = "\xE2\x80\x93";

const char* const CSS = R"(
body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;color:#1c2129;max-width:60rem;margin:0 auto;padding:0 1.25rem 3rem;line-height:1.45}
.band{background:#123866;color:#fff;font-weight:bold;font-size:.8rem;letter-spacing:.04em;padding:.55rem .9rem;margin:0 -1.25rem 1.5rem}
h1{font-size:1.9rem;margin:.2rem 0}h2{color:#123866;border-top:2px solid #123866;padding-top:.5rem;margin-top:2.2rem}
h3{color:#123866;margin-bottom:.3rem}.welsh{font-size:1.2rem;color:#616975;margin:.1rem 0}.period{font-size:1.15rem;margin:.3rem 0}
.meta,.note{color:#616975;font-size:.85rem}.index{font-size:3.5rem;font-weight:bold;color:#123866;margin:.2rem 0}
.index span{font-size:1.1rem;color:#616975;font-weight:normal}
table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.9rem;width:100%}caption{text-align:left;font-weight:bold;color:#616975;padding-bottom:.3rem}
th,td{border-bottom:1px solid #d0d4da;padding:.3rem .45rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #123866;color:#4a525e}td.num,th.num{text-align:right}
.mark{display:inline-block;width:1.1em}.green .mark{color:#1a8045}.amber .mark{color:#9e5c00}.red .mark{color:#bf2121}.none .mark{color:#999ea6}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}.charts figure{margin:0;flex:1 1 22rem}svg{max-width:100%;height:auto}
figcaption{font-weight:bold;color:#616975;font-size:.85rem}code{word-break:break-all}
@media print{.band{background:none;color:#123866;border-bottom:2px solid #123866}}
)";

// Escaped text: cleaned of control characters and invalid UTF-8 first (XML
// forbids them), then & < > " ' escaped (attribute escaping: the same text goes
// in attributes and content). Any character may stay: browsers fall back to other fonts.
std::string h(std::string_view value) {
  std::string clean = cleanText(value, [](char32_t c) { return c != 0xFFFE && c != 0xFFFF; });
  return engine::escapeXml(clean, engine::XmlPlace::Attribute);
}

std::string statusClass(engine::Status s) {
  switch (s) {
    case engine::Status::Green: return "green";
    case engine::Status::Amber: return "amber";
    case engine::Status::Red: return "red";
    case engine::Status::None: break;
  }
  return "none";
}

std::string statusSymbol(engine::Status s) {
  switch (s) {
    case engine::Status::Green: return "\xE2\x97\x8F";  // ●
    case engine::Status::Amber: return "\xE2\x97\x86";  // ◆
    case engine::Status::Red: return "\xE2\x96\xA0";    // ■
    case engine::Status::None: break;
  }
  return DASH;
}

// The status as a shape and a word: never colour alone.
std::string status(engine::Status s) {
  return "<span class=\"" + statusClass(s) + "\"><span class=\"mark\" aria-hidden=\"true\">" + statusSymbol(s) +
         "</span>" + h(text::statusWord(s)) + "</span>";
}

// ` lang="cy" xml:lang="cy"` for a span in another language than the page's; nothing for "".
std::string langAttributes(const std::string& lang) {
  return lang.empty() ? std::string() : " lang=\"" + lang + "\" xml:lang=\"" + lang + "\"";
}

std::string idFor(const std::string& value) {
  std::string id;
  for (char c : value) id += (std::isalnum(static_cast<unsigned char>(c)) != 0) ? c : '-';
  return id;
}

std::string cell(const std::string& html, bool number = false) {
  return number ? "<td class=\"num\">" + html + "</td>" : "<td>" + html + "</td>";
}

std::string head(const std::vector<std::pair<std::string, bool>>& columns) {
  std::string out = "<thead><tr>";
  for (const auto& [name, number] : columns) {
    out += std::string("<th scope=\"col\"") + (number ? " class=\"num\"" : "") + ">" + h(name) + "</th>";
  }
  return out + "</tr></thead>\n";
}

// The page frame. Every visible element sits inside a landmark (axe-core's
// `region` rule): the band opens the page's <header>, whose rest is `header`;
// `main` is the <main> landmark's content.
std::string page(const std::string& title, const std::string& band, const std::string& header,
                 const std::string& main) {
  // The page's language is the report's; spans in the other language say so.
  const std::string lang = text::language() == "cy" ? "cy" : "en";
  return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + lang + "\" xml:lang=\"" + lang + "\">\n<head>\n"
         "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
         "<meta name=\"generator\" content=\"profkpi " PROFKPI_VERSION "\"/>\n<title>" +
         h(title) + "</title>\n<style>" + CSS + "</style>\n</head>\n<body>\n<header>\n<p class=\"band\">" + h(band) +
         "</p>\n" + header + "</header>\n<main>\n" + main + "</main>\n</body>\n</html>\n";
}

// A peer distribution table up to its rows, the board's and the sector's:
// caption, the group's and its statistics' columns (the sector's with the
// rate's change since the previous period), and <tbody>.
std::string distributionTableStart(const std::string& caption, bool withRateChange) {
  std::vector<std::pair<std::string, bool>> columns = {
      // TRANSLATORS: HTML version, a peer distribution table's column headings: the comparator group.
      {tr("column", "Group"), false},
      // TRANSLATORS: distribution table column: organisations with a value.
      {tr("column", "With a value"), true},
      // TRANSLATORS: distribution table column.
      {tr("column", "Lowest"), true},
      // TRANSLATORS: distribution table column.
      {tr("column", "Lower quartile"), true},
      // TRANSLATORS: distribution table column.
      {tr("column", "Median"), true},
      // TRANSLATORS: distribution table column.
      {tr("column", "Upper quartile"), true},
      // TRANSLATORS: distribution table column.
      {tr("column", "Highest"), true},
      // TRANSLATORS: distribution table column: the group's rate.
      {tr("column", "Rate"), true}};
  if (withRateChange) columns.push_back({tr("column", "Rate change"), true});
  return "<table>\n<caption>" + h(caption) + "</caption>\n" + head(columns) + "<tbody>\n";
}

std::string distributionTable(const DistributionChart& chart, const std::string& caption) {
  std::string out = distributionTableStart(caption, false);
  for (const DistributionRow& r : chart.rows) {
    out += "<tr><th scope=\"row\">" + h(r.label) + "</th>" + cell(std::to_string(r.organisations), true);
    if (!r.disclosed) {
      // TRANSLATORS: distribution table, a group too small to show: {1} the smallest group shown (5).
      out += "<td colspan=\"6\">" + h(fill(tr("html", "fewer than {1} with a value: not shown"), {std::to_string(chart.minimumGroupSize)})) +
             "</td></tr>\n";
      continue;
    }
    out += cell(text::oneDecimal(r.min), true) + cell(text::oneDecimal(r.lowerQuartile), true) +
           cell(text::oneDecimal(r.median), true) + cell(text::oneDecimal(r.upperQuartile), true) +
           cell(text::oneDecimal(r.max), true) + cell(r.rate ? text::oneDecimal(*r.rate) : DASH, true) + "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

// The method, as both reports end; `more` after the shared sections.
std::string methodSection(const engine::Catalogue& catalogue, std::size_t minimumGroupSize,
                          const std::vector<engine::report::MethodSection>& more = {}) {
  std::string out = "<section aria-labelledby=\"method\">\n<h2 id=\"method\">" + h(tr("heading", "Method")) + "</h2>\n";
  std::vector<engine::report::MethodSection> sections = text::method(catalogue, minimumGroupSize);
  sections.insert(sections.end(), more.begin(), more.end());
  for (const engine::report::MethodSection& section : sections) {
    out += "<h3>" + h(section.heading) + "</h3>\n";
    for (const std::string& p : section.paragraphs) out += "<p>" + h(p) + "</p>\n";
  }
  return out + "</section>\n";
}

class BoardHtml {
 public:
  BoardHtml(const Fonts& fonts, const engine::BoardReport& r) : _fonts(fonts), _r(r) {}

  std::string build() {
    std::string period = text::periodShort(_r.period);
    const text::Names names = text::namesOf(_r);
    std::string header = "<h1" + langAttributes(names.titleLanguage) + ">" + h(names.title) + "</h1>\n";
    if (!names.subtitle.empty()) {
      header += "<p class=\"welsh\"" + langAttributes(names.subtitleLanguage) + ">" + h(names.subtitle) + "</p>\n";
    }
    header += "<p class=\"period\">" + h(text::periodInWords(_r.period)) + "</p>\n<p class=\"meta\">" + h(meta()) + "</p>\n";
    return page(fill(tr("pdf properties", "Board report: {1}, {2}"), {names.title, period}),
                // TRANSLATORS: HTML version of the board report, the band at the top: {1} the period.
                fill(tr("html", "IT professionalisation KPIs \u00B7 Board report \u00B7 {1}"), {period}), header,
                index() + headlines() + scorecard() + boardNotes() + details() + provenance() + method());
  }

 private:
  std::string meta() const {
    std::string m = _r.organisationCode;
    if (!_r.type.empty()) m += DOT + text::groupName(_r.type);
    return m + DOT + fill(tr("board report", "Produced {1} from data received up to {2}"),
                          {text::ukTime(_r.generatedAt), text::ukTime(_r.dataCutOff)});
  }

  std::string index() const {
    const text::IndexPanel panel = text::indexPanel(_r);
    std::string out = "<section aria-labelledby=\"index\">\n<h2 id=\"index\">" + h(tr("method", "Professionalisation index")) +
                      "</h2>\n<p class=\"index\">" + h(panel.value) + " <span>/ 100</span></p>\n<p><strong>" +
                      h(panel.basis) + "</strong></p>\n<p>" + h(panel.change) + "</p>\n";
    if (!panel.yearAgo.empty()) out += "<p>" + h(panel.yearAgo) + "</p>\n";
    // TRANSLATORS: HTML version, the caption of the table of progress towards each target.
    out += "<p class=\"note\">" + h(text::indexExplanation()) + "</p>\n<table>\n<caption>" + h(tr("html", "Progress towards each target")) +
           "</caption>\n" +
           head({{tr("column", "KPI"), false},
                 {tr("column", "Status"), false},
                 // TRANSLATORS: HTML version, progress table column: progress towards the target (a percentage).
                 {tr("column", "Progress"), true}}) +
           "<tbody>\n";
    const text::ScorecardPage page = text::scorecardPage(_r);
    for (std::size_t i = 0; i < page.rows.size(); ++i) {
      const text::ScorecardRow& row = page.rows[i];
      out += "<tr><th scope=\"row\">" + h(row.kpi) + "</th>" + cell(status(row.status)) + cell(h(row.progress), true) +
             "</tr>\n";
    }
    return out + "</tbody>\n</table>\n</section>\n";
  }

  std::string headlines() const {
    std::string out = "<section aria-labelledby=\"headlines\">\n<h2 id=\"headlines\">" + h(tr("heading", "Headlines")) + "</h2>\n<ul>\n";
    for (const std::string& line : text::headlines(_r)) out += "<li>" + h(line) + "</li>\n";
    return out + "</ul>\n</section>\n";
  }

  std::string scorecard() const {
    const text::ScorecardPage page = text::scorecardPage(_r);
    std::vector<std::pair<std::string, bool>> columns = {{tr("column", "KPI"), false},
                                                         {tr("column", "Value"), true},
                                                         {tr("column", "Target"), true},
                                                         {tr("column", "Status"), false},
                                                         {page.changeHeader, true}};
    if (!page.yearHeader.empty()) columns.push_back({page.yearHeader, true});
    columns.push_back({fill(tr("column", "Trend, {1}"), {page.trendHeader}), false});
    columns.push_back({tr("column", "Median: all"), true});
    columns.push_back({fill(tr("column", "Median: {1}"), {page.groupHeader}), true});
    columns.push_back({tr("column", "Quartile (all)"), false});
    std::string out = "<section aria-labelledby=\"scorecard\">\n<h2 id=\"scorecard\">" + h(tr("heading", "Scorecard")) +
                      "</h2>\n<table>\n"
                      // TRANSLATORS: HTML version, the scorecard table's caption.
                      "<caption>" + h(tr("html", "One row per KPI")) + "</caption>\n" + head(columns) + "<tbody>\n";
    for (std::size_t i = 0; i < page.rows.size(); ++i) {
      const text::ScorecardRow& row = page.rows[i];
      const engine::KpiResult& k = _r.results.kpis[i];
      TrendChart trend = trendChart(k, _r.results.missedReturns);
      std::string value = "<strong>" + h(row.value) + "</strong>" + (row.marks.empty() ? "" : " " + h(row.marks));
      if (!row.counts.empty()) value += "<br/><span class=\"note\">" + h(row.counts) + "</span>";
      out += "<tr><th scope=\"row\">" + h(row.kpi) + "</th>" + cell(value, true) + cell(h(row.target), true) +
             cell(status(row.status)) + cell(h(row.change), true);
      if (!page.yearHeader.empty()) out += cell(h(row.yearChange), true);
      out += cell(h(describe(trend, text::unit(*k.current.kpi)))) + cell(h(row.median), true) + cell(h(row.groupMedian), true) +
             cell(h(row.quartile)) + "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    for (const std::string& note : page.notes) out += "<p>" + h(note) + "</p>\n";
    return out + "<p class=\"note\">" + h(page.key) + "</p>\n</section>\n";
  }

  std::string boardNotes() const { return _r.boardNotes ? boardNotesSection(*_r.boardNotes, _r.notesDay, h) : ""; }

  std::string details() const {
    std::string out = "<section aria-labelledby=\"details\">\n<h2 id=\"details\">" + h(tr("heading", "The KPIs in detail")) + "</h2>\n";
    for (std::size_t i = 0; i < _r.results.kpis.size(); ++i) {
      const engine::KpiResult& k = _r.results.kpis[i];
      const engine::KpiDefinition& def = *k.current.kpi;
      std::string id = "kpi-" + idFor(def.id);
      DistributionChart distribution = distributionChart(k, _r.minimumGroupSize);
      TrendChart trend = trendChart(k, _r.results.missedReturns);
      double distH = std::max(distributionHeight(distribution), 96.0);
      SvgCanvas peers(*_fonts.regular, *_fonts.bold, 300, distH);
      drawDistribution(peers, 0, 0, 300, distH, distribution);
      SvgCanvas history(*_fonts.regular, *_fonts.bold, 210, distH);
      drawTrend(history, 0, 0, 210, distH, trend);

      out += "<section aria-labelledby=\"" + id + "\">\n<h3 id=\"" + id + "\">" + h(text::kpiName(def)) +
             "</h3>\n<p><strong>" + h(text::withShortUnit(k.current.shown(), def)) + "</strong> " +
             status(k.current.status);
      for (const std::string& sentence : text::detailFacts(_r, i)) out += " " + h(sentence);
      std::string unit = text::unit(def), shortUnit = text::shortUnit(def);
      out += "</p>\n<p class=\"note\">" + h(text::description(def)) + "</p>\n" +
             (_r.boardNotes ? kpiActionsHtml(*_r.boardNotes, def.id, _r.notesDay, h) : "") + "<div class=\"charts\">\n<figure>\n" +
             // TRANSLATORS: HTML version, the title of a KPI's peers chart: {1} "K2".
             peers.svg(id + "-peers", fill(tr("html", "{1} compared with peers"), {def.id}), describe(distribution, unit)) +
             // TRANSLATORS: HTML version, the caption under a KPI's peers chart.
             "\n<figcaption>" + h(tr("html", "Compared with peers")) + "</figcaption>\n</figure>\n<figure>\n" +
             // TRANSLATORS: HTML version, the title of a KPI's trend chart: {1} "K2".
             history.svg(id + "-trend", fill(tr("html", "{1} trend"), {def.id}), describe(trend, unit)) +
             // TRANSLATORS: HTML version, the caption under a KPI's trend chart.
             "\n<figcaption>" + h(tr("html", "Trend")) + "</figcaption>\n</figure>\n</div>\n" +
             // TRANSLATORS: HTML version, a table's caption: {1} "K2", {2} the unit ("%").
             distributionTable(distribution, fill(tr("html", "{1} peer distribution ({2})"), {def.id, shortUnit})) +
             // TRANSLATORS: HTML version, a table's caption: {1} "K2", {2} the unit.
             "<table>\n<caption>" + h(fill(tr("html", "{1} trend ({2})"), {def.id, shortUnit})) + "</caption>\n" +
             head({{tr("provenance", "Period"), false}, {tr("column", "Value"), true}}) + "<tbody>\n";
      for (std::size_t i = 0; i < trend.periods.size(); ++i) {
        out += "<tr><th scope=\"row\">" + h(text::periodShort(trend.periods[i])) + "</th>" +
               cell(h(trend.shown[i]), true) + "</tr>\n";
      }
      out += "</tbody>\n</table>\n</section>\n";
    }
    return out + "</section>\n";
  }

  std::string provenance() const {
    const engine::SubmissionRecord& s = _r.results.record;
    auto row = [](const std::string& name, const std::string& html) {
      return "<tr><th scope=\"row\">" + h(name) + "</th><td>" + html + "</td></tr>\n";
    };
    std::string peers = text::peerGroups(_r.sectorSubmissions, _r.period, _r.type, _r.typeSubmissions);
    std::string revision = s.revision > 1 ? fill(tr("provenance", "revision {1} (replaces earlier ones)"), {std::to_string(s.revision)})
                                          : fill(tr("provenance", "revision {1}"), {std::to_string(s.revision)});
    std::string out =
        "<section aria-labelledby=\"provenance\">\n<h2 id=\"provenance\">" + h(tr("heading", "Data quality and provenance")) +
        "</h2>\n<table>\n"
        // TRANSLATORS: HTML version, the provenance table's caption.
        "<caption>" + h(tr("html", "The submission these figures come from")) + "</caption>\n<tbody>\n" +
        row(tr("provenance", "Submission ID"), "<code>" + h(s.submissionId) + "</code>") +
        row(tr("provenance", "Organisation as sent"), h(s.organisationName + " (" + s.organisation + ")")) +
        row(tr("provenance", "Period"), h(s.period + DOT + text::periodInWords(_r.period))) +
        row(tr("provenance", "Received"), h(text::ukTime(s.receivedAt) + " (" + text::isoTime(s.receivedAt) + ")")) +
        row(tr("provenance", "How it arrived"), h(text::channelInWords(s.channel))) +
        row(tr("provenance", "Source system"), h(s.sourceSystem.empty() ? tr("provenance", "not stated") : s.sourceSystem)) +
        row(tr("provenance", "Prepared at"), h(s.preparedAt)) +
        row(tr("provenance", "Kind and revision"), h(s.kind + DOT + revision)) +
        row(tr("provenance", "Fingerprint of the document"),
            fill(h(tr("provenance", "{1} (SHA-256: any change to the document, however small, changes it)")),
                 {"<code>" + h(s.sha256) + "</code>"})) +
        row(tr("provenance", "Schema version"), h(s.schemaVersion)) +
        row(tr("provenance", "Catalogue version"), h(_r.catalogue->version())) + row(tr("provenance", "Peer groups"), h(peers)) +
        row(tr("provenance", "Data cut-off"), h(text::ukTime(_r.dataCutOff))) + "</tbody>\n</table>\n<h3>" +
        h(tr("heading", "Returns")) + "</h3>\n<p>" + h(text::returnsInWords(_r)) + "</p>\n<h3>" + h(tr("heading", "Warnings")) +
        "</h3>\n";
    if (s.warnings.empty()) {
      out += "<p>" + h(tr("provenance", "No warnings were raised for this submission.")) + "</p>\n";
    } else {
      // TRANSLATORS: HTML version, the warnings table's caption.
      out += "<table>\n<caption>" + h(tr("html", "Warnings raised when the submission was accepted")) + "</caption>\n" +
             head({{tr("column", "Code"), false}, {tr("column", "KPI"), false}, {tr("column", "What was found"), false},
                   {tr("column", "Sender's explanation"), false}}) +
             "<tbody>\n";
      for (const engine::Diagnostic& d : s.warnings) {
        out += "<tr><th scope=\"row\">" + h(d.code) + "</th>" + cell(h(d.kpi.empty() ? DASH : d.kpi)) +
               cell(h(text::warningInWords(d.code) + ": " + d.message)) +
               cell(h(d.explained ? d.explanation : tr("provenance", "No explanation given"))) + "</tr>\n";
      }
      out += "</tbody>\n</table>\n";
    }
    return out + "</section>\n";
  }

  std::string method() const { return methodSection(*_r.catalogue, _r.minimumGroupSize); }

  const Fonts& _fonts;
  const engine::BoardReport& _r;
};

// The sector report in HTML: the same sections, rows and columns as the PDF
// (reports/SectorLayout.cpp), in the same order.
class SectorHtml {
 public:
  SectorHtml(const Fonts& fonts, const engine::SectorReport& r) : _fonts(fonts), _r(r) {}

  std::string build() {
    std::string period = text::periodShort(_r.period);
    std::string header = "<h1>" + h(tr("sector heading", "Sector benchmark")) + "</h1>\n<p class=\"period\">" +
                         h(text::periodInWords(_r.period)) + "</p>\n<p class=\"meta\">" + h(text::sectorMeta(_r)) + "</p>\n";
    return page(fill(tr("pdf properties", "Sector benchmark report, {1}"), {period}),
                // TRANSLATORS: HTML version of the sector report, the band at the top: {1} the period.
                fill(tr("html", "IT professionalisation KPIs \u00B7 Sector report \u00B7 {1}"), {period}), header,
                overview() + rates() + types() + kpis() + league() + warnings() + chase() + received() + method());
  }

 private:
  // The organisation's name in the report's language; in English with the
  // Welsh name beside it, marked as Welsh.
  static std::string name(const std::string& english, const std::string& welsh) {
    if (text::language() == "cy") {
      if (!welsh.empty()) return h(welsh);
      return "<span lang=\"en\" xml:lang=\"en\">" + h(english) + "</span>";
    }
    if (welsh.empty() || welsh == english) return h(english);
    return h(english) + " (<span lang=\"cy\" xml:lang=\"cy\">" + h(welsh) + "</span>)";
  }

  std::string overview() const {
    std::size_t submitted = _r.submitted.size();
    // TRANSLATORS: HTML sector report, a heading.
    std::string out = "<section aria-labelledby=\"overview\">\n<h2 id=\"overview\">" + h(tr("html", "Overview")) + "</h2>\n<p>" +
                      // TRANSLATORS: HTML sector report: {1} submitted, {2} registered, {3} a percentage, {4} submitted
                      // for {5}, the previous period.
                      h(fill(trn("html", "Coverage: {1} of {2} registered organisation submitted ({3}); {4} submitted for {5}.",
                                 "Coverage: {1} of {2} registered organisations submitted ({3}); {4} submitted for {5}.",
                                 static_cast<std::int64_t>(_r.registered)),
                             {std::to_string(submitted), std::to_string(_r.registered), text::percentOf(submitted, _r.registered),
                              std::to_string(_r.previousSubmitted), text::periodShort(_r.previousPeriod)})) +
                      "</p>\n<p>";
    std::string median =
        _r.medianIndex
            // TRANSLATORS: HTML sector report: {1} the median index, {2} what it rests on.
            ? fill(tr("html", "Median professionalisation index: {1} out of 100 ({2})"), {text::oneDecimal(*_r.medianIndex), text::medianBasis(_r)})
            // TRANSLATORS: as above without a median: {1} why.
            : fill(tr("html", "Median professionalisation index: n/a ({1})"), {text::medianBasis(_r)});
    if (_r.medianIndex && _r.previousMedianIndex) {
      auto tenths = static_cast<std::int64_t>(std::llround((*_r.medianIndex - *_r.previousMedianIndex) * 10));
      // TRANSLATORS: follows the median index: {1} "up 3.1", {2} the previous period, {3} the median then.
      median += fill(tr("html", ", {1} since {2} ({3})"),
                     {text::changeInWords(tenths), text::periodShort(_r.previousPeriod), text::oneDecimal(*_r.previousMedianIndex)});
    }
    out += h(median + ".") + "</p>\n<p>";
    if (_r.statusesDisclosed) {
      std::size_t green = 0, values = 0;
      for (const engine::SectorKpi& k : _r.kpis) {
        green += k.green;
        values += k.green + k.amber + k.red;
      }
      // TRANSLATORS: HTML sector report: {1} a percentage, {2} green values of {3}.
      out += h(fill(trn("html", "Targets met: {1}, {2} of {3} KPI value green, over every KPI of every submission.",
                        "Targets met: {1}, {2} of {3} KPI values green, over every KPI of every submission.",
                        static_cast<std::int64_t>(values)),
                    {text::percentOf(green, values), std::to_string(green), std::to_string(values)}));
    } else {
      // TRANSLATORS: HTML sector report: {1} why ("not shown: fewer than 5 submissions").
      out += h(fill(tr("html", "Targets met: {1}, so that no organisation's statuses can be told."),
                    {text::statusesWithheld(_r.minimumGroupSize)}));
    }
    return out + "</p>\n</section>\n";
  }

  std::string rates() const {
    std::vector<std::pair<std::string, bool>> columns;
    for (const std::string& c : text::ratesColumns()) columns.push_back({c, !columns.empty()});
    std::string out = "<section aria-labelledby=\"rates\">\n<h2 id=\"rates\">" + h(tr("sector heading", "Sector rates")) +
                      "</h2>\n<table>\n<caption>" + h(tr("html", "One row per KPI")) + "</caption>\n" + head(columns) + "<tbody>\n";
    for (const engine::SectorKpi& k : _r.kpis) {
      const engine::KpiDefinition& def = *k.kpi;
      const engine::GroupDistribution& sector = k.groups.front();
      out += "<tr><th scope=\"row\">" + h(text::kpiName(def)) + "</th>" +
             cell("<strong>" +
                      h(sector.current.groupRate ? text::withShortUnit(sector.current.groupRate->toOneDecimal(), def)
                                                 : tr("cell", "not shown")) +
                      "</strong>",
                  true) +
             cell(h(sector.rateChangeTenths
                        ? text::arrow(*sector.rateChangeTenths) + " " + text::signedTenths(*sector.rateChangeTenths)
                        : std::string(DASH)),
                  true) +
             cell(h(sector.current.distribution ? text::oneDecimal(sector.current.distribution->median)
                                                : tr("cell", "not shown")),
                  true);
      if (_r.statusesDisclosed) {
        out += cell(counted(engine::Status::Green, k.green), true) + cell(counted(engine::Status::Amber, k.amber), true) +
               cell(counted(engine::Status::Red, k.red), true) + cell(std::to_string(k.noValue), true);
      } else {
        for (int i = 0; i < 4; ++i) out += cell(DASH, true);
      }
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n<p class=\"note\">" + h(text::ratesNote(_r)) + "</p>\n";
    std::string warned = text::ratesWarningNote(_r);
    // TRANSLATORS: HTML sector report, a link to the warnings after the note on warned figures.
    if (!warned.empty()) out += "<p>" + h(warned) + " <a href=\"#warnings\">" + h(tr("html", "Read them")) + "</a>.</p>\n";
    return out + "</section>\n";
  }

  static std::string counted(engine::Status s, std::size_t n) {
    return "<span class=\"" + statusClass(s) + "\"><span class=\"mark\" aria-hidden=\"true\">" + statusSymbol(s) +
           "</span>" + std::to_string(n) + "</span>";
  }

  std::string types() const {
    std::vector<std::pair<std::string, bool>> columns;
    for (const std::string& c : text::typesColumns()) columns.push_back({c, !columns.empty()});
    std::string out = "<section aria-labelledby=\"types\">\n<h2 id=\"types\">" + h(tr("sector heading", "Coverage by type of organisation")) +
                      "</h2>\n<table>\n<caption>" +
                      // TRANSLATORS: HTML sector report, a table's caption.
                      h(tr("html", "Registered and submitted organisations by type")) + "</caption>\n" + head(columns) + "<tbody>\n";
    for (const engine::TypeSummary& t : _r.types) {
      std::string median = text::typeMedian(t, _r.minimumGroupSize);
      out += "<tr><th scope=\"row\">" + h(text::groupName(t.type)) + "</th>" + cell(std::to_string(t.registered), true) +
             cell(std::to_string(t.submitted), true) + cell(text::percentOf(t.submitted, t.registered), true) +
             cell(h(median), true) + "</tr>\n";
    }
    return out + "</tbody>\n</table>\n</section>\n";
  }

  std::string kpis() const {
    std::string out = "<section aria-labelledby=\"kpis\">\n<h2 id=\"kpis\">" + h(tr("sector heading", "Distribution by KPI")) + "</h2>\n";
    for (const engine::SectorKpi& k : _r.kpis) {
      const engine::KpiDefinition& def = *k.kpi;
      std::string id = "kpi-" + idFor(def.id);
      DistributionChart chart = distributionChart(k, _r.minimumGroupSize);
      out += "<section aria-labelledby=\"" + id + "\">\n<h3 id=\"" + id + "\">" +
             h(text::kpiName(def) + " (" + text::shortUnit(def) + ")") + "</h3>\n";
      if (!chart.rows.empty()) {
        double height = distributionHeight(chart);
        SvgCanvas svg(*_fonts.regular, *_fonts.bold, 500, height);
        drawDistribution(svg, 0, 0, 500, height, chart);
        // TRANSLATORS: HTML sector report, a chart's title: {1} "K2".
        out += "<figure>\n" + svg.svg(id + "-chart", fill(tr("html", "{1} distribution by group"), {def.id}), describe(chart, text::unit(def))) +
               // TRANSLATORS: HTML sector report, a chart's caption.
               "\n<figcaption>" + h(tr("html", "Distribution by group")) + "</figcaption>\n</figure>\n";
      }
      // TRANSLATORS: HTML sector report, a table's caption: {1} "K2", {2} the unit.
      out += distributionTableStart(fill(tr("html", "{1} distribution by group ({2})"), {def.id, text::shortUnit(def)}), true);
      for (const engine::GroupDistribution& g : k.groups) {
        const engine::PeerComparison& c = g.current;
        if (!c.disclosed || !c.distribution) {
          out += "<tr><th scope=\"row\">" + h(text::groupName(c.group) + ": " + text::withheldReason(g, _r.minimumGroupSize)) +
                 "</th>" + cell(g.countDisclosed ? std::to_string(c.organisations) : DASH, true);
          for (int i = 0; i < 7; ++i) out += cell(DASH, true);
          out += "</tr>\n";
          continue;
        }
        const engine::FiveNumbers& f = *c.distribution;
        out += "<tr><th scope=\"row\">" + h(text::groupName(c.group)) + "</th>" +
               cell(std::to_string(c.organisations), true) + cell(text::oneDecimal(f.min), true) +
               cell(text::oneDecimal(f.lowerQuartile), true) + cell("<strong>" + text::oneDecimal(f.median) + "</strong>", true) +
               cell(text::oneDecimal(f.upperQuartile), true) + cell(text::oneDecimal(f.max), true) +
               cell(c.groupRate ? h(c.groupRate->toOneDecimal()) : DASH, true) +
               cell(h(g.rateChangeTenths ? text::signedTenths(*g.rateChangeTenths) : std::string(DASH)), true) + "</tr>\n";
      }
      out += "</tbody>\n</table>\n</section>\n";
    }
    return out + "</section>\n";
  }

  std::string leagueTable(const std::vector<engine::LeagueEntry>& entries, bool ranked, const std::string& caption) const {
    std::size_t catalogueSize = _r.catalogue->kpis().size();
    const std::vector<std::string> heads = text::leagueColumns();
    // TRANSLATORS: HTML sector report, the first column of the unranked indexes.
    std::vector<std::pair<std::string, bool>> columns = {{ranked ? heads[0] : tr("column", "Not ranked"), true},
                                                         {heads[1], false}, {heads[2], false}, {heads[3], true}, {heads[4], true}};
    for (const engine::SectorKpi& k : _r.kpis) columns.push_back({k.kpi->id, false});
    std::string out = "<table>\n<caption>" + h(caption) + "</caption>\n" + head(columns) + "<tbody>\n";
    for (const engine::LeagueEntry& e : entries) {
      std::string change = e.index && e.previousIndex ? text::signedWhole(*e.index - *e.previousIndex) : DASH;
      std::string who = name(e.name, e.welshName);
      if (!ranked && e.index) who += h(": " + text::basedOn(e.kpisWithValue, catalogueSize));
      if (!e.warnings.empty()) {
        who += "<br/><small><a href=\"#warnings\">" + h(text::warningNotes(e.warnings, _r.period)) + "</a></small>";
      }
      out += "<tr>" + cell(e.rank > 0 ? std::to_string(e.rank) : DASH, true) + "<th scope=\"row\">" + who + "</th>" +
             cell(h(text::groupName(e.type))) + cell(e.index ? std::to_string(*e.index) : h(tr("figure", "n/a")), true) +
             cell(h(change), true);
      for (engine::Status s : e.statuses) out += cell(status(s));
      out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
  }

  std::string league() const {
    std::string out = "<section aria-labelledby=\"league\">\n<h2 id=\"league\">" + h(text::leagueHeading()) + "</h2>\n";
    if (!_r.leagueDisclosed) return out + "<p>" + h(text::leagueWithheld(_r.minimumGroupSize)) + "</p>\n</section>\n";
    std::size_t catalogueSize = _r.catalogue->kpis().size();
    std::string intro = text::leagueIntro(catalogueSize);
    if (!intro.empty() && intro.back() == '.') intro.pop_back();
    out += leagueTable(_r.league, true, intro) + "<p class=\"note\">" + h(text::leagueKey(_r, false)) + "</p>\n";
    if (!_r.unranked.empty()) {
      out += "<h3 id=\"unranked\">" + h(text::unrankedHeading(catalogueSize)) + "</h3>\n<p class=\"note\">" +
             h(text::unrankedIntro()) + "</p>\n" + leagueTable(_r.unranked, false, text::unrankedHeading(catalogueSize));
    }
    return out + "</section>\n";
  }

  std::string warnings() const {
    if (_r.warnings.empty()) return {};
    std::string out = "<section aria-labelledby=\"warnings\">\n<h2 id=\"warnings\">" + h(text::warningsHeading()) +
                      // TRANSLATORS: HTML sector report, the warnings table's caption.
                      "</h2>\n<table>\n<caption>" + h(tr("html", "Warnings behind figures ranked or compared above")) + "</caption>\n" +
                      head({{tr("column", "Organisation"), false},
                            {tr("provenance", "Period"), false},
                            {tr("column", "Code"), false},
                            {tr("column", "What was found"), false},
                            {tr("column", "Sender's explanation"), false}}) +
                      "<tbody>\n";
    for (const engine::FigureWarning& w : _r.warnings) {
      out += "<tr><th scope=\"row\">" + h(w.name + " (" + w.organisation + ")") + "</th>" +
             cell(h(text::periodShort(w.period))) + cell(h(w.code + (w.kpi.empty() ? std::string() : " " + w.kpi))) +
             cell(h(w.message)) + cell(h(w.explained ? w.explanation : tr("provenance", "No explanation given"))) + "</tr>\n";
    }
    return out + "</tbody>\n</table>\n</section>\n";
  }

  std::string chase() const {
    std::string out = "<section aria-labelledby=\"chase\">\n<h2 id=\"chase\">" + h(text::chaseHeading()) + "</h2>\n";
    if (_r.missing.empty()) return out + "<p>" + h(text::chaseEmpty()) + "</p>\n</section>\n";
    std::vector<std::pair<std::string, bool>> columns;
    for (const std::string& c : text::chaseColumns()) columns.push_back({c, false});
    // TRANSLATORS: HTML sector report, the chase list's caption.
    out += "<table>\n<caption>" + h(tr("html", "Registered organisations without a submission")) + "</caption>\n" + head(columns) +
           "<tbody>\n";
    for (const engine::ChaseEntry& c : _r.missing) {
      out += "<tr><th scope=\"row\">" + name(c.name, c.welshName) + "</th>" + cell(h(c.code)) +
             cell(h(text::groupName(c.type))) +
             cell(h(c.lastPeriod.empty() ? text::neverSubmitted() : text::periodShort(c.lastPeriod))) + cell(h(c.contact)) + "</tr>\n";
    }
    return out + "</tbody>\n</table>\n</section>\n";
  }

  std::string received() const {
    std::string out = "<section aria-labelledby=\"received\">\n<h2 id=\"received\">" + h(text::receivedHeading()) + "</h2>\n";
    if (_r.submitted.empty()) return out + "<p>" + h(text::receivedEmpty()) + "</p>\n</section>\n";
    std::vector<std::pair<std::string, bool>> columns;
    for (const std::string& c : text::receivedColumns()) columns.push_back({c, columns.size() == 4});
    // TRANSLATORS: HTML sector report, the submissions table's caption.
    out += "<table>\n<caption>" + h(tr("html", "The current submission of each organisation for this period")) + "</caption>\n" +
           head(columns) + "<tbody>\n";
    for (const engine::SubmittedEntry& e : _r.submitted) {
      out += "<tr><th scope=\"row\">" + name(e.name, e.welshName) + "</th>" + cell(h(e.code)) +
             cell(h(text::ukShortTime(e.receivedAt))) + cell(h(e.channel)) + cell(std::to_string(e.revision), true) +
             cell(h(text::warningsCount(e))) + "</tr>\n";
    }
    return out + "</tbody>\n</table>\n</section>\n";
  }

  std::string method() const {
    return methodSection(*_r.catalogue, _r.minimumGroupSize,
                         text::sectorMethod(_r.catalogue->kpis().size(), _r.minimumGroupSize));
  }

  const Fonts& _fonts;
  const engine::SectorReport& _r;
};

}  // namespace

HtmlReportRenderer::HtmlReportRenderer(Fonts fonts) : _fonts(std::move(fonts)) {
  if (!_fonts.regular || !_fonts.bold) throw engine::RenderError("HTML renderer needs both font faces");
}

std::string HtmlReportRenderer::renderBoard(const engine::BoardReport& report) const {
  if (report.catalogue == nullptr) throw engine::RenderError("board report without a catalogue");
  engine::report::LanguageScope language(report.language);
  return BoardHtml(_fonts, report).build();
}

std::string HtmlReportRenderer::renderSector(const engine::SectorReport& report) const {
  if (report.catalogue == nullptr) throw engine::RenderError("sector report without a catalogue");
  engine::report::LanguageScope language(report.language);
  return SectorHtml(_fonts, report).build();
}

}  // namespace profkpi::reports

#include "reports/HtmlReportRenderer.h"

#include "engine/common/XmlEscape.h"
#include "engine/ports/Errors.h"
#include "engine/reporting/PageOne.h"
#include "engine/reporting/ReportText.h"
#include "reports/Charts.h"
#include "reports/PdfParts.h"
#include "reports/SvgCanvas.h"
#include "reports/TextLayout.h"

#include <cctype>
#include <cmath>

namespace profkpi::reports {

namespace text = engine::report;

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

std::string page(const std::string& title, const std::string& band, const std::string& body) {
  return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n"
         "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
         "<meta name=\"generator\" content=\"profkpi " PROFKPI_VERSION "\"/>\n<title>" +
         h(title) + "</title>\n<style>" + CSS + "</style>\n</head>\n<body>\n<p class=\"band\">" + h(band) + "</p>\n" +
         body + "</body>\n</html>\n";
}

std::string distributionTable(const DistributionChart& chart, const std::string& caption) {
  std::string out = "<table>\n<caption>" + h(caption) + "</caption>\n" +
                    head({{"Group", false},
                          {"With a value", true},
                          {"Lowest", true},
                          {"Lower quartile", true},
                          {"Median", true},
                          {"Upper quartile", true},
                          {"Highest", true},
                          {"Rate", true}}) +
                    "<tbody>\n";
  for (const DistributionRow& r : chart.rows) {
    out += "<tr><th scope=\"row\">" + h(r.label) + "</th>" + cell(std::to_string(r.organisations), true);
    if (!r.disclosed) {
      out += "<td colspan=\"6\">fewer than " + std::to_string(chart.minimumGroupSize) +
             " with a value: not shown</td></tr>\n";
      continue;
    }
    out += cell(text::oneDecimal(r.min), true) + cell(text::oneDecimal(r.lowerQuartile), true) +
           cell(text::oneDecimal(r.median), true) + cell(text::oneDecimal(r.upperQuartile), true) +
           cell(text::oneDecimal(r.max), true) + cell(r.rate ? text::oneDecimal(*r.rate) : DASH, true) + "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

class BoardHtml {
 public:
  BoardHtml(const Fonts& fonts, const engine::BoardReport& r) : _fonts(fonts), _r(r) {}

  std::string build() {
    std::string period = text::periodShort(_r.period);
    std::string body = "<header>\n<h1>" + h(_r.name) + "</h1>\n";
    if (!_r.welshName.empty() && _r.welshName != _r.name) {
      body += "<p class=\"welsh\" lang=\"cy\" xml:lang=\"cy\">" + h(_r.welshName) + "</p>\n";
    }
    body += "<p class=\"period\">" + h(_r.periodInWords) + "</p>\n<p class=\"meta\">" + h(meta()) +
            "</p>\n</header>\n<main>\n" + index() + headlines() + scorecard() + details() + provenance() + method() + "</main>\n";
    return page("Board report: " + _r.name + ", " + period,
                std::string("IT professionalisation KPIs") + DOT + "Board report" + DOT + period, body);
  }

 private:
  std::string meta() const {
    std::string m = _r.organisationCode;
    if (!_r.type.empty()) m += DOT + text::groupName(_r.type);
    return m + DOT + "Produced " + text::ukTime(_r.generatedAt) + " from data received up to " +
           text::ukTime(_r.dataCutOff);
  }

  std::string index() const {
    const text::IndexPanel panel = text::indexPanel(_r);
    std::string out = "<section aria-labelledby=\"index\">\n<h2 id=\"index\">Professionalisation index</h2>\n"
                      "<p class=\"index\">" + h(panel.value) + " <span>/ 100</span></p>\n<p><strong>" +
                      h(panel.basis) + "</strong></p>\n<p>" + h(panel.change) + "</p>\n";
    if (!panel.yearAgo.empty()) out += "<p>" + h(panel.yearAgo) + "</p>\n";
    out += "<p class=\"note\">" + h(text::indexExplanation()) + "</p>\n<table>\n<caption>Progress towards each target</caption>\n" +
           head({{"KPI", false}, {"Status", false}, {"Progress", true}}) + "<tbody>\n";
    const text::ScorecardPage page = text::scorecardPage(_r);
    for (std::size_t i = 0; i < page.rows.size(); ++i) {
      const text::ScorecardRow& row = page.rows[i];
      out += "<tr><th scope=\"row\">" + h(row.kpi) + "</th>" + cell(status(row.status)) + cell(h(row.progress), true) +
             "</tr>\n";
    }
    return out + "</tbody>\n</table>\n</section>\n";
  }

  std::string headlines() const {
    std::string out = "<section aria-labelledby=\"headlines\">\n<h2 id=\"headlines\">Headlines</h2>\n<ul>\n";
    for (const std::string& line : text::headlines(_r)) out += "<li>" + h(line) + "</li>\n";
    return out + "</ul>\n</section>\n";
  }

  std::string scorecard() const {
    const text::ScorecardPage page = text::scorecardPage(_r);
    std::vector<std::pair<std::string, bool>> columns = {
        {"KPI", false}, {"Value", true}, {"Target", true}, {"Status", false}, {page.changeHeader, true}};
    if (!page.yearHeader.empty()) columns.push_back({page.yearHeader, true});
    columns.push_back({"Trend, " + page.trendHeader, false});
    columns.push_back({"Median: all", true});
    columns.push_back({"Median: " + page.groupHeader, true});
    columns.push_back({"Quartile (all)", false});
    std::string out = "<section aria-labelledby=\"scorecard\">\n<h2 id=\"scorecard\">Scorecard</h2>\n<table>\n"
                      "<caption>One row per KPI</caption>\n" + head(columns) + "<tbody>\n";
    for (std::size_t i = 0; i < page.rows.size(); ++i) {
      const text::ScorecardRow& row = page.rows[i];
      const engine::KpiResult& k = _r.results.kpis[i];
      TrendChart trend = trendChart(k, _r.results.missedReturns);
      std::string value = "<strong>" + h(row.value) + "</strong>" + (row.marks.empty() ? "" : " " + h(row.marks));
      if (!row.counts.empty()) value += "<br/><span class=\"note\">" + h(row.counts) + "</span>";
      out += "<tr><th scope=\"row\">" + h(row.kpi) + "</th>" + cell(value, true) + cell(h(row.target), true) +
             cell(status(row.status)) + cell(h(row.change), true);
      if (!page.yearHeader.empty()) out += cell(h(row.yearChange), true);
      out += cell(h(describe(trend, k.current.kpi->unit))) + cell(h(row.median), true) + cell(h(row.groupMedian), true) +
             cell(h(row.quartile)) + "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    for (const std::string& note : page.notes) out += "<p>" + h(note) + "</p>\n";
    return out + "<p class=\"note\">" + h(page.key) + "</p>\n</section>\n";
  }

  std::string details() const {
    std::string out = "<section aria-labelledby=\"details\">\n<h2 id=\"details\">The KPIs in detail</h2>\n";
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

      out += "<section aria-labelledby=\"" + id + "\">\n<h3 id=\"" + id + "\">" + h(def.id + " " + def.title) +
             "</h3>\n<p><strong>" + h(text::withShortUnit(k.current.shown(), def)) + "</strong> " +
             status(k.current.status);
      for (const std::string& sentence : text::detailFacts(_r, i)) out += " " + h(sentence);
      out += "</p>\n<p class=\"note\">" + h(def.description) + "</p>\n<div class=\"charts\">\n<figure>\n" +
             peers.svg(id + "-peers", def.id + " compared with peers", describe(distribution, def.unit)) +
             "\n<figcaption>Compared with peers</figcaption>\n</figure>\n<figure>\n" +
             history.svg(id + "-trend", def.id + " trend", describe(trend, def.unit)) +
             "\n<figcaption>Trend</figcaption>\n</figure>\n</div>\n" +
             distributionTable(distribution, def.id + " peer distribution (" + text::shortUnit(def) + ")") +
             "<table>\n<caption>" + h(def.id + " trend (" + text::shortUnit(def) + ")") + "</caption>\n" +
             head({{"Period", false}, {"Value", true}}) + "<tbody>\n";
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
    std::string out =
        "<section aria-labelledby=\"provenance\">\n<h2 id=\"provenance\">Data quality and provenance</h2>\n<table>\n"
        "<caption>The submission these figures come from</caption>\n<tbody>\n" +
        row("Submission ID", "<code>" + h(s.submissionId) + "</code>") +
        row("Organisation as sent", h(s.organisationName + " (" + s.organisation + ")")) +
        row("Period", h(s.period + DOT + _r.periodInWords)) +
        row("Received", h(text::ukTime(s.receivedAt) + " (" + text::isoTime(s.receivedAt) + ")")) +
        row("How it arrived", h(text::channelInWords(s.channel))) + row("Source system", h(s.sourceSystem.empty() ? "not stated" : s.sourceSystem)) +
        row("Prepared at", h(s.preparedAt)) +
        row("Kind and revision", h(s.kind + DOT + "revision " + std::to_string(s.revision))) +
        row("Fingerprint of the document", "<code>" + h(s.sha256) + "</code> " +
                                               h("(SHA-256: any change to the document, however small, changes it)")) + row("Schema version", h(s.schemaVersion)) +
        row("Catalogue version", h(_r.catalogue->version())) + row("Peer groups", h(peers)) +
        row("Data cut-off", h(text::ukTime(_r.dataCutOff))) + "</tbody>\n</table>\n<h3>Returns</h3>\n<p>" +
        h(text::returnsInWords(_r)) + "</p>\n<h3>Warnings</h3>\n";
    if (s.warnings.empty()) {
      out += "<p>No warnings were raised for this submission.</p>\n";
    } else {
      out += "<table>\n<caption>Warnings raised when the submission was accepted</caption>\n" +
             head({{"Code", false}, {"KPI", false}, {"What was found", false}, {"Sender's explanation", false}}) +
             "<tbody>\n";
      for (const engine::Diagnostic& d : s.warnings) {
        out += "<tr><th scope=\"row\">" + h(d.code) + "</th>" + cell(h(d.kpi.empty() ? DASH : d.kpi)) +
               cell(h(text::warningInWords(d.code) + ": " + d.message)) +
               cell(h(d.explained ? d.explanation : "No explanation given")) + "</tr>\n";
      }
      out += "</tbody>\n</table>\n";
    }
    return out + "</section>\n";
  }

  std::string method() const {
    std::string out = "<section aria-labelledby=\"method\">\n<h2 id=\"method\">Method</h2>\n";
    for (const engine::report::MethodSection& section : text::method(*_r.catalogue, _r.minimumGroupSize)) {
      out += "<h3>" + h(section.heading) + "</h3>\n";
      for (const std::string& p : section.paragraphs) out += "<p>" + h(p) + "</p>\n";
    }
    return out + "</section>\n";
  }

  const Fonts& _fonts;
  const engine::BoardReport& _r;
};

class SectorHtml {
 public:
  SectorHtml(const Fonts& fonts, const engine::SectorReport& r) : _fonts(fonts), _r(r) {}

  std::string build() {
    std::string period = text::periodShort(_r.period);
    std::string body = "<header>\n<h1>Sector benchmark</h1>\n<p class=\"period\">" + h(_r.periodInWords) +
                       "</p>\n<p class=\"meta\">" +
                       h("Produced " + text::ukTime(_r.generatedAt) +
                         (_r.dataCutOff ? " from data received up to " + text::ukTime(*_r.dataCutOff)
                                        : std::string(" (no submissions yet)"))) +
                       "</p>\n</header>\n<main>\n" + overview() + kpis() + league() + chase() + "</main>\n";
    return page("Sector benchmark report, " + period,
                std::string("IT professionalisation KPIs") + DOT + "Sector report" + DOT + period, body);
  }

 private:
  std::string overview() const {
    std::string out = "<section aria-labelledby=\"coverage\">\n<h2 id=\"coverage\">Coverage</h2>\n<p>" +
                      h(std::to_string(_r.submitted.size()) + " of " + std::to_string(_r.registered) +
                        " registered organisations submitted (" + std::to_string(_r.previousSubmitted) + " for " +
                        text::periodShort(_r.previousPeriod) + ").") +
                      "</p>\n<p>" +
                      h("Median professionalisation index: " +
                        (_r.medianIndex ? text::oneDecimal(*_r.medianIndex) : std::string("not shown")) + ".") +
                      "</p>\n<table>\n<caption>Coverage by type of organisation</caption>\n" +
                      head({{"Type", false}, {"Registered", true}, {"Submitted", true}, {"Median index", true}}) +
                      "<tbody>\n";
    for (const engine::TypeSummary& t : _r.types) {
      out += "<tr><th scope=\"row\">" + h(text::groupName(t.type)) + "</th>" + cell(std::to_string(t.registered), true) +
             cell(std::to_string(t.submitted), true) +
             cell(h(t.medianIndex ? text::oneDecimal(*t.medianIndex) : std::string("not shown")), true) + "</tr>\n";
    }
    return out + "</tbody>\n</table>\n</section>\n";
  }

  std::string kpis() const {
    std::string out = "<section aria-labelledby=\"kpis\">\n<h2 id=\"kpis\">Sector rates and distributions</h2>\n";
    for (const engine::SectorKpi& k : _r.kpis) {
      const engine::KpiDefinition& def = *k.kpi;
      std::string id = "kpi-" + idFor(def.id);
      const engine::GroupDistribution& sector = k.groups.front();
      DistributionChart chart = distributionChart(k, _r.minimumGroupSize);
      double height = distributionHeight(chart);
      SvgCanvas svg(*_fonts.regular, *_fonts.bold, 500, height);
      drawDistribution(svg, 0, 0, 500, height, chart);
      out += "<section aria-labelledby=\"" + id + "\">\n<h3 id=\"" + id + "\">" + h(def.id + " " + def.title) +
             "</h3>\n<p>" +
             h("Sector rate " +
               (sector.current.groupRate ? text::withUnit(sector.current.groupRate->toOneDecimal(), def)
                                         : std::string("not shown")) +
               (sector.rateChangeTenths ? ", " + text::changeInWords(*sector.rateChangeTenths) + " since " +
                                              text::periodShort(_r.previousPeriod)
                                        : std::string()) +
               ". Green " + std::to_string(k.green) + ", amber " + std::to_string(k.amber) + ", red " +
               std::to_string(k.red) + ", no value " + std::to_string(k.noValue) + ".") +
             "</p>\n<figure>\n" + svg.svg(id + "-chart", def.id + " distribution by group", describe(chart, def.unit)) +
             "\n<figcaption>Distribution by group</figcaption>\n</figure>\n" +
             distributionTable(chart, def.id + " distribution (" + text::shortUnit(def) + ")") + "</section>\n";
    }
    return out + "</section>\n";
  }

  std::string league() const {
    std::string out = "<section aria-labelledby=\"league\">\n<h2 id=\"league\">League table</h2>\n";
    if (!_r.leagueDisclosed) {
      return out + "<p>" +
             h("Fewer than " + std::to_string(_r.minimumGroupSize) + " organisations submitted: no league table.") +
             "</p>\n</section>\n";
    }
    std::vector<std::pair<std::string, bool>> columns = {
        {"Rank", true}, {"Organisation", false}, {"Type", false}, {"Index", true}};
    for (const engine::SectorKpi& k : _r.kpis) columns.push_back({k.kpi->id, false});
    out += "<table>\n<caption>By professionalisation index</caption>\n" + head(columns) + "<tbody>\n";
    for (const engine::LeagueEntry& e : _r.league) {
      out += "<tr>" + cell(e.rank > 0 ? std::to_string(e.rank) : DASH, true) + "<th scope=\"row\">" + h(e.name) +
             "</th>" + cell(h(text::groupName(e.type))) + cell(e.index ? std::to_string(*e.index) : "n/a", true);
      for (engine::Status s : e.statuses) out += cell(status(s));
      out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n</section>\n";
  }

  std::string chase() const {
    std::string out = "<section aria-labelledby=\"chase\">\n<h2 id=\"chase\">Chase list</h2>\n";
    if (_r.missing.empty()) return out + "<p>Every registered organisation has submitted.</p>\n</section>\n";
    out += "<table>\n<caption>Registered organisations without a submission</caption>\n" +
           head({{"Organisation", false}, {"Code", false}, {"Last submitted", false}, {"Contact", false}}) + "<tbody>\n";
    for (const engine::ChaseEntry& c : _r.missing) {
      out += "<tr><th scope=\"row\">" + h(c.name) + "</th>" + cell(h(c.code)) +
             cell(h(c.lastPeriod.empty() ? "never" : text::periodShort(c.lastPeriod))) + cell(h(c.contact)) + "</tr>\n";
    }
    return out + "</tbody>\n</table>\n</section>\n";
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
  return BoardHtml(_fonts, report).build();
}

std::string HtmlReportRenderer::renderSector(const engine::SectorReport& report) const {
  if (report.catalogue == nullptr) throw engine::RenderError("sector report without a catalogue");
  return SectorHtml(_fonts, report).build();
}

}  // namespace profkpi::reports

#include "engine/reporting/SectorText.h"

#include "engine/reporting/ReportText.h"
#include "engine/reporting/Words.h"

#include <cmath>


namespace profkpi::engine::report {

// TRANSLATORS: sector report, the heading of the list of data-quality warnings (also named in notes).
std::string warningsHeading() { return tr("sector heading", "Data-quality warnings"); }

namespace {
std::int64_t many(std::size_t n) { return static_cast<std::int64_t>(n); }
}  // namespace

std::string basedOn(std::size_t withValue, std::size_t catalogueSize) {
  // TRANSLATORS: sector report, an unranked index: {1} KPIs with a value, {2} the catalogue's KPIs.
  return fill(trn("sector", "based on {1} of {2} KPI", "based on {1} of {2} KPIs", many(catalogueSize)),
              {std::to_string(withValue), std::to_string(catalogueSize)});
}

std::string unrankedHeading(std::size_t catalogueSize) {
  // TRANSLATORS: sector report, heading of the unranked indexes: {1} the catalogue's KPIs.
  return fill(trn("sector heading", "Index on fewer than {1} KPI: not ranked", "Index on fewer than {1} KPIs: not ranked",
                  many(catalogueSize)),
              {std::to_string(catalogueSize)});
}

std::string medianBasis(const SectorReport& r) {
  std::size_t all = r.catalogue != nullptr ? r.catalogue->kpis().size() : 0;
  if (!r.medianIndex) {
    // TRANSLATORS: sector report, under the median index: {1} the smallest group shown, {2} the catalogue's KPIs.
    return fill(trn("sector", "fewer than {1} indexes on all {2} KPI: not shown", "fewer than {1} indexes on all {2} KPIs: not shown",
                    many(all)),
                {std::to_string(r.minimumGroupSize), std::to_string(all)});
  }
  // TRANSLATORS: sector report, under the median index: {1} complete indexes, {2} the catalogue's KPIs.
  std::string out = fill(trn("sector", "median of the {1} indexes on all {2} KPI", "median of the {1} indexes on all {2} KPIs", many(all)),
                         {std::to_string(r.completeIndexes), std::to_string(all)});
  if (r.partialIndexes > 0) {
    // TRANSLATORS: follows the above: {1} indexes on fewer KPIs, left out of the median.
    out += fill(trn("sector", "; {1} index on fewer KPIs left out", "; {1} indexes on fewer KPIs left out", many(r.partialIndexes)),
                {std::to_string(r.partialIndexes)});
  }
  return out;
}

std::string bothNames(const std::string& name, const std::string& welshName) {
  if (welshName.empty() || welshName == name) return name;
  // A Welsh report names an organisation in Welsh wherever it has a Welsh name.
  return language() == "cy" ? welshName : name + " (" + welshName + ")";
}

std::string namesLanguage(const std::string& welshName) { return language() == "cy" && welshName.empty() ? "en" : ""; }

std::string warningNotes(const std::vector<FigureWarning>& warnings, const std::string& reportPeriod) {
  if (warnings.empty()) return {};
  std::string list;
  for (std::size_t i = 0; i < warnings.size(); ++i) {
    const FigureWarning& w = warnings[i];
    if (i > 0) list += "; ";
    std::string code = w.code;
    // TRANSLATORS: sector report, a warning on one KPI's value: {1} "PQ102", {2} "K5".
    if (!w.kpi.empty()) code = fill(tr("sector warning", "{1} on {2}"), {w.code, w.kpi});
    if (w.period != reportPeriod) code += " (" + periodShort(w.period) + ")";
    list += w.explained
                // TRANSLATORS: sector report, a warning's note: {1} the code, {2} the sender's first words (not translated).
                ? fill(tr("sector warning", "{1}, explained: \u201C{2}\u201D"), {code, firstWords(w.explanation, 6)})
                // TRANSLATORS: as above without an explanation: {2} the first words of the finding.
                : fill(tr("sector warning", "{1}, not explained: {2}"), {code, firstWords(w.message, 6)});
  }
  // TRANSLATORS: sector report, notes beside a league entry: {1} the warnings, {2} the heading "Data-quality warnings".
  return fill(trn("sector warning", "Warning {1}. See {2}.", "Warnings {1}. See {2}.", many(warnings.size())),
              {list, warningsHeading()});
}

std::string withheldReason(const GroupDistribution& g, std::size_t minimumGroupSize) {
  return g.current.organisations >= minimumGroupSize && g.current.organisations > 0
             // TRANSLATORS: sector report, a group's figures withheld by differencing control.
             ? tr("sector", "withheld: would reveal a smaller group")
             // TRANSLATORS: sector report, a group too small to show.
             : tr("sector", "too few to show");
}

std::string percentOf(std::size_t part, std::size_t whole) {
  if (whole == 0) return "\xE2\x80\x93";
  return std::to_string(static_cast<long>(std::lround(100.0 * static_cast<double>(part) / static_cast<double>(whole)))) +
         "%";
}

std::string typeMedian(const TypeSummary& t, std::size_t minimumGroupSize) {
  if (t.medianIndex) return oneDecimal(*t.medianIndex);
  if (t.submitted == 0) return "\xE2\x80\x93";
  return t.completeIndexes >= minimumGroupSize && t.completeIndexes > 0 ? tr("sector", "withheld: would reveal a smaller group")
                                                                         // TRANSLATORS: sector report, a type's median index.
                                                                         : tr("sector", "too few: not shown");
}

std::string statusesWithheld(std::size_t minimumGroupSize) {
  // TRANSLATORS: sector report: counts by status withheld; {1} the smallest group shown (5).
  return fill(trn("sector", "not shown: fewer than {1} submission", "not shown: fewer than {1} submissions", many(minimumGroupSize)),
              {std::to_string(minimumGroupSize)});
}

std::vector<MethodSection> sectorMethod(std::size_t catalogueSize, std::size_t minimumGroupSize) {
  std::string m = std::to_string(minimumGroupSize), n = std::to_string(catalogueSize);
  // TRANSLATORS: sector report, Method page, a heading.
  return {{tr("method", "Ranking, withheld figures and warnings"),
           // TRANSLATORS: sector report, Method page: {1} the catalogue's KPIs.
           {fill(trn("method", "The league table ranks only indexes resting on all {1} KPI of the catalogue. An index on fewer "
                               "KPIs (for example where an organisation has no IT staff) is listed apart with the number of "
                               "KPIs it rests on, not ranked, and left out of the median index of the sector and of each type.",
                     "The league table ranks only indexes resting on all {1} KPIs of the catalogue. An index on fewer "
                     "KPIs (for example where an organisation has no IT staff) is listed apart with the number of KPIs "
                     "it rests on, not ranked, and left out of the median index of the sector and of each type.",
                     many(catalogueSize)),
                 {n}),
            // TRANSLATORS: sector report, Method page: {1} the smallest group shown (5).
            fill(trn("method", "Counts by status (green, amber, red, no value and targets met) are shown only when at least {1} "
                               "organisation submitted. A type's figures are also withheld when, shown beside the sector's, "
                               "they would let a reader work out figures of fewer than {1} organisation (the sector minus the "
                               "types shown): the smallest type shown is withheld until what remains is none or at least {1} "
                               "organisation.",
                     "Counts by status (green, amber, red, no value and targets met) are shown only when at least {1} "
                     "organisations submitted. A type's figures are also withheld when, shown beside the sector's, they "
                     "would let a reader work out figures of fewer than {1} organisations (the sector minus the types "
                     "shown): the smallest type shown is withheld until what remains is none or at least {1} organisations.",
                     many(minimumGroupSize)),
                 {m}),
            // TRANSLATORS: sector report, Method page: {1} the heading "Data-quality warnings".
            fill(tr("method", "A rank, league position or change that rests on a value carrying a data-quality warning, "
                              "explained or not, has a note beside it with the warning's code and the first words of the "
                              "explanation; {1} lists each in full."),
                 {warningsHeading()})}}};
}

std::string ratesWarningNote(const SectorReport& r) {
  std::string parts;
  for (const SectorKpi& k : r.kpis) {
    if (k.warnings.empty()) continue;
    std::size_t explained = 0;
    for (const FigureWarning& w : k.warnings) explained += w.explained ? 1 : 0;
    // TRANSLATORS: sector report, warnings on one KPI's figures: {1} "K5", {2} warnings, {3} explained.
    parts += (parts.empty() ? "" : "; ") + fill(tr("sector warning", "{1}: {2} ({3} explained)"),
                                                {k.kpi->id, std::to_string(k.warnings.size()), std::to_string(explained)});
  }
  if (parts.empty()) return {};
  // TRANSLATORS: sector report, under the sector rates: {1} the warnings by KPI, {2} the heading "Data-quality warnings".
  return fill(tr("sector warning", "These figures include values that carry a data-quality warning: {1}. See {2}."),
              {parts, warningsHeading()});
}

std::string sectorMeta(const SectorReport& r) {
  std::string produced =
      r.dataCutOff
          ? fill(tr("board report", "Produced {1} from data received up to {2}"), {ukTime(r.generatedAt), ukTime(*r.dataCutOff)})
          // TRANSLATORS: sector report, under the title, before any submission: {1} when it was produced.
          : fill(tr("sector", "Produced {1} (no submissions yet)"), {ukTime(r.generatedAt)});
  // TRANSLATORS: sector report, under the title: who it is for (Socitm: the Society of IT Management).
  return produced + " \u00B7 " + tr("sector", "For the programme board and Socitm: this report names organisations.");
}

std::vector<std::string> ratesColumns() {
  return {tr("column", "KPI"),
          // TRANSLATORS: sector rates table, column heading: the sector's rate.
          tr("column", "Sector rate"),
          // TRANSLATORS: a column heading: a change since the previous period.
          tr("column", "Change"),
          // TRANSLATORS: a column heading.
          tr("column", "Median"),
          tr("status", "Green"), tr("status", "Amber"), tr("status", "Red"), tr("status", "No value")};
}

std::string ratesNote(const SectorReport& r) {
  // TRANSLATORS: sector report, under the sector rates: {1} the previous period.
  std::string note = fill(tr("sector", "The sector rate is the total of every organisation's numerators over the total of "
                                       "their denominators; change is since {1}."),
                          {periodShort(r.previousPeriod)});
  note += " " + statusKey(*r.catalogue);
  // TRANSLATORS: sector report, under the sector rates: {1} why counts by status are withheld ("not shown: fewer than 5 submissions").
  if (!r.statusesDisclosed) note += " " + fill(tr("sector", "Counts by status {1}."), {statusesWithheld(r.minimumGroupSize)});
  return note;
}

std::vector<std::string> typesColumns() {
  // TRANSLATORS: a column heading: the type of organisation.
  return {tr("column", "Type"),
          // TRANSLATORS: coverage by type table, column heading: organisations in the registry.
          tr("column", "Registered"),
          // TRANSLATORS: coverage by type table, column heading: organisations that submitted.
          tr("column", "Submitted"),
          // TRANSLATORS: coverage by type table, column heading: the share that submitted.
          tr("column", "Coverage"),
          // TRANSLATORS: coverage by type table, column heading.
          tr("column", "Median index")};
}

std::string statusLetter(Status status) {
  switch (status) {
    // TRANSLATORS: league table, a status's mark: one letter for "Green".
    case Status::Green: return tr("status letter", "G");
    // TRANSLATORS: league table, a status's mark: one letter for "Amber".
    case Status::Amber: return tr("status letter", "A");
    // TRANSLATORS: league table, a status's mark: one letter for "Red".
    case Status::Red: return tr("status letter", "R");
    case Status::None: break;
  }
  // TRANSLATORS: league table, a status's mark: one letter for "No value".
  return tr("status letter", "N");
}

std::vector<std::string> leagueColumns() {
  // TRANSLATORS: league table, column heading: the rank.
  return {tr("column", "Rank"),
          // TRANSLATORS: a column heading.
          tr("column", "Organisation"), tr("column", "Type"),
          // TRANSLATORS: league table, column heading: the professionalisation index.
          tr("column", "Index"), tr("column", "Change")};
}

// TRANSLATORS: sector report, a heading.
std::string leagueHeading() { return tr("sector heading", "League table by professionalisation index"); }

std::string leagueWithheld(std::size_t minimumGroupSize) {
  // TRANSLATORS: sector report, instead of the league table: {1} the smallest group shown (5).
  return fill(trn("sector", "Fewer than {1} organisation submitted for this period, so no league table is shown.",
                  "Fewer than {1} organisations submitted for this period, so no league table is shown.",
                  static_cast<std::int64_t>(minimumGroupSize)),
              {std::to_string(minimumGroupSize)});
}

std::string leagueIntro(std::size_t catalogueSize) {
  // TRANSLATORS: sector report, above the league table: {1} the catalogue's KPIs.
  return fill(trn("sector", "Organisations measured on all {1} KPI, ranked by their index.",
                  "Organisations measured on all {1} KPIs, ranked by their index.", static_cast<std::int64_t>(catalogueSize)),
              {std::to_string(catalogueSize)});
}

std::string leagueKey(const SectorReport& r, bool marks) {
  // TRANSLATORS: sector report, under the league table: {1} the previous period.
  std::string key = fill(tr("sector", "Equal indexes share a rank. Change is against the organisation's own index for {1}."),
                         {periodShort(r.previousPeriod)});
  // TRANSLATORS: sector report, under the league table: what the letters mean (use the letters of "G", "A", "R", "N").
  if (marks) key += " " + tr("sector", "Marks: G green, A amber, R red, N no value.");
  return key;
}

std::string unrankedIntro() {
  // TRANSLATORS: sector report, above the unranked indexes.
  return tr("sector", "An index resting on fewer KPIs is not comparable with a complete one, so these are listed apart, "
                      "not ranked, and left out of the median index.");
}

std::string warningsIntro() {
  // TRANSLATORS: sector report, under "Data-quality warnings".
  return tr("sector", "Each warning raised when a submission was accepted that touches a figure ranked or compared above, "
                      "with the sender's explanation in full.");
}

// TRANSLATORS: sector report, a heading.
std::string chaseHeading() { return tr("sector heading", "Chase list: registered organisations without a submission"); }
// TRANSLATORS: sector report, under the chase list's heading when it is empty.
std::string chaseEmpty() { return tr("sector", "Every registered organisation has submitted for this period."); }
// TRANSLATORS: chase list, "Last submitted" column: the organisation never submitted.
std::string neverSubmitted() { return tr("sector", "never"); }

std::vector<std::string> chaseColumns() {
  return {tr("column", "Organisation"), tr("column", "Code"), tr("column", "Type"),
          // TRANSLATORS: chase list, column heading: the last period the organisation submitted for.
          tr("column", "Last submitted"),
          // TRANSLATORS: chase list, column heading: whom to chase.
          tr("column", "Contact")};
}

// TRANSLATORS: sector report, a heading.
std::string receivedHeading() { return tr("sector heading", "Submissions received"); }
// TRANSLATORS: sector report, under "Submissions received" when there are none.
std::string receivedEmpty() { return tr("sector", "No submissions have been received for this period."); }

std::string warningsCount(const SubmittedEntry& e) {
  if (e.warnings == 0) return "0";
  // TRANSLATORS: submissions table, warnings column: {1} warnings, {2} of them explained.
  return fill(tr("sector", "{1} ({2} explained)"), {std::to_string(e.warnings), std::to_string(e.explained)});
}

std::vector<std::string> receivedColumns() {
  return {tr("column", "Organisation"), tr("column", "Code"), tr("provenance", "Received"),
          // TRANSLATORS: submissions table, column heading: how the submission arrived (http, inbox, cli).
          tr("column", "Channel"),
          // TRANSLATORS: submissions table, column heading: the submission's revision number.
          tr("column", "Revision"), tr("heading", "Warnings")};
}

}  // namespace profkpi::engine::report

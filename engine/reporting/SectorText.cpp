#include "engine/reporting/SectorText.h"

#include "engine/reporting/ReportText.h"

#include <cmath>


namespace profkpi::engine::report {

const char* const WARNINGS_HEADING = "Data-quality warnings";

namespace {
const char* const LEFT_QUOTE = "\xE2\x80\x9C";
const char* const RIGHT_QUOTE = "\xE2\x80\x9D";

std::string kpis(std::size_t n) { return std::to_string(n) + (n == 1 ? " KPI" : " KPIs"); }
}  // namespace

std::string basedOn(std::size_t withValue, std::size_t catalogueSize) {
  return "based on " + std::to_string(withValue) + " of " + kpis(catalogueSize);
}

std::string unrankedHeading(std::size_t catalogueSize) {
  return "Index on fewer than " + kpis(catalogueSize) + ": not ranked";
}

std::string medianBasis(const SectorReport& r) {
  std::size_t all = r.catalogue != nullptr ? r.catalogue->kpis().size() : 0;
  if (!r.medianIndex) {
    return "fewer than " + std::to_string(r.minimumGroupSize) + " indexes on all " + kpis(all) + ": not shown";
  }
  std::string out = "median of the " + std::to_string(r.completeIndexes) + " indexes on all " + kpis(all);
  if (r.partialIndexes > 0) {
    out += "; " + std::to_string(r.partialIndexes) + (r.partialIndexes == 1 ? " index" : " indexes") +
           " on fewer KPIs left out";
  }
  return out;
}

std::string bothNames(const std::string& name, const std::string& welshName) {
  return welshName.empty() || welshName == name ? name : name + " (" + welshName + ")";
}

std::string warningNotes(const std::vector<FigureWarning>& warnings, const std::string& reportPeriod) {
  if (warnings.empty()) return {};
  std::string out = warnings.size() == 1 ? "Warning " : "Warnings ";
  for (std::size_t i = 0; i < warnings.size(); ++i) {
    const FigureWarning& w = warnings[i];
    if (i > 0) out += "; ";
    out += w.code + (w.kpi.empty() ? std::string() : " on " + w.kpi);
    if (w.period != reportPeriod) out += " (" + periodShort(w.period) + ")";
    out += w.explained ? ", explained: " + std::string(LEFT_QUOTE) + firstWords(w.explanation, 6) + RIGHT_QUOTE
                       : ", not explained: " + firstWords(w.message, 6);
  }
  return out + ". See " + WARNINGS_HEADING + ".";
}

std::string withheldReason(const GroupDistribution& g, std::size_t minimumGroupSize) {
  return g.current.organisations >= minimumGroupSize && g.current.organisations > 0
             ? "withheld: would reveal a smaller group"
             : "too few to show";
}

std::string percentOf(std::size_t part, std::size_t whole) {
  if (whole == 0) return "\xE2\x80\x93";
  return std::to_string(static_cast<long>(std::lround(100.0 * static_cast<double>(part) / static_cast<double>(whole)))) +
         "%";
}

std::string typeMedian(const TypeSummary& t, std::size_t minimumGroupSize) {
  if (t.medianIndex) return oneDecimal(*t.medianIndex);
  if (t.submitted == 0) return "\xE2\x80\x93";
  return t.completeIndexes >= minimumGroupSize && t.completeIndexes > 0 ? "withheld: would reveal a smaller group"
                                                                         : "too few: not shown";
}

std::string statusesWithheld(std::size_t minimumGroupSize) {
  return "not shown: fewer than " + std::to_string(minimumGroupSize) + " submissions";
}

std::vector<MethodSection> sectorMethod(std::size_t catalogueSize, std::size_t minimumGroupSize) {
  std::string m = std::to_string(minimumGroupSize);
  return {{"Ranking, withheld figures and warnings",
           {"The league table ranks only indexes resting on all " + kpis(catalogueSize) +
                " of the catalogue. An index on fewer KPIs (for example where an organisation has no IT staff) is "
                "listed apart with the number of KPIs it rests on, not ranked, and left out of the median index of "
                "the sector and of each type.",
            "Counts by status (green, amber, red, no value and targets met) are shown only when at least " + m +
                " organisations submitted. A type's figures are also withheld when, shown beside the sector's, they "
                "would let a reader work out figures of fewer than " + m +
                " organisations (the sector minus the types shown): the smallest type shown is withheld until what "
                "remains is none or at least " + m + " organisations.",
            "A rank, league position or change that rests on a value carrying a data-quality warning, explained or "
            "not, has a note beside it with the warning's code and the first words of the explanation; " +
                std::string(WARNINGS_HEADING) + " lists each in full."}}};
}

std::string ratesWarningNote(const SectorReport& r) {
  std::string parts;
  for (const SectorKpi& k : r.kpis) {
    if (k.warnings.empty()) continue;
    std::size_t explained = 0;
    for (const FigureWarning& w : k.warnings) explained += w.explained ? 1 : 0;
    parts += (parts.empty() ? "" : "; ") + k.kpi->id + ": " + std::to_string(k.warnings.size()) + " (" +
             std::to_string(explained) + " explained)";
  }
  if (parts.empty()) return {};
  return "These figures include values that carry a data-quality warning: " + parts + ". See " + WARNINGS_HEADING +
         ".";
}

}  // namespace profkpi::engine::report

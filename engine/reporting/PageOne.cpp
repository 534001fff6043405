#include "engine/reporting/PageOne.h"

#include "engine/common/Counted.h"
#include "engine/reporting/ReportText.h"

#include <cstdlib>
#include <map>

namespace profkpi::engine::report {

namespace {

const char* const DASH = "\xE2\x80\x93";  // "–": nothing to compare

std::string changeCell(const std::optional<std::int64_t>& tenths, bool returned) {
  if (tenths) return signedTenths(*tenths);
  return returned ? DASH : "no return";
}

std::string medianOf(const PeerComparison& c) {
  if (!c.disclosed || !c.distribution) return "not shown";
  return oneDecimal(c.distribution->median);
}

bool submitted(const BoardReport& r, const std::string& period) {
  for (const KpiResult& k : r.results.kpis) {
    for (const TrendPoint& p : k.trend) {
      if (p.period == period) return true;
    }
  }
  return false;
}

// "warning PQ102 (CPD days above 30 per FTE), explained: “Most of the …”"
// for one; several joined by "; ".
std::string warningNotes(const std::vector<ValueWarning>& warnings) {
  std::string out;
  for (const ValueWarning& w : warnings) {
    if (!out.empty()) out += "; ";
    out += "warning " + w.code + " (" + warningInWords(w.code) + "), " +
           (w.explained ? "explained: \xE2\x80\x9C" + firstWords(w.explanation, 7) + "\xE2\x80\x9D" : std::string("not explained"));
  }
  return out;
}

}  // namespace

const PeerComparison& groupShown(const KpiResult& kpi) {
  if (!kpi.type.disclosed && kpi.wider.disclosed) return kpi.wider;
  return kpi.type;
}

IndexPanel indexPanel(const BoardReport& r) {
  IndexPanel panel;
  const std::optional<int>& index = r.results.scorecard.index;
  panel.value = index ? std::to_string(*index) : "n/a";
  panel.basis = indexBasis(r);
  panel.partial = partialIndex(r);
  const OrganisationResults& o = r.results;
  if (!o.previousSubmitted && !o.lastReturn.empty()) {
    panel.change = "No return for " + periodShort(r.previousPeriod) + "; the last, " + periodShort(o.lastReturn) +
                   (o.lastReturnIndex ? ", had " + std::to_string(*o.lastReturnIndex) : std::string(", had no index"));
  } else if (!o.previousSubmitted) {
    panel.change = "First return: no earlier index to compare with";
  } else if (index && o.previousIndex) {
    int delta = *index - *o.previousIndex;
    panel.change = (delta == 0 ? std::string("No change") : std::string(delta > 0 ? "Up " : "Down ") +
                                                                 counted(static_cast<std::size_t>(std::abs(delta)), "point")) +
                   " since " + periodShort(r.previousPeriod) + ", when it was " + std::to_string(*o.previousIndex);
  } else {
    panel.change = "No index in " + periodShort(r.previousPeriod) + " to compare with";
  }
  // A move that comes mostly from a value with a warning says so.
  if (o.previousSubmitted && index && o.previousIndex && *index != *o.previousIndex) {
    std::optional<std::size_t> most = biggestMove(r);
    if (most && (!o.kpis[*most].warnings.empty() || !o.kpis[*most].previousWarnings.empty())) {
      panel.change += "; mostly from " + o.kpis[*most].current.kpi->id + ", whose " +
                      (o.kpis[*most].previousWarnings.empty() ? std::string("value now carries")
                                                              : periodShort(r.previousPeriod) + " value carried") +
                      " a warning";
    }
  }
  if (index && o.yearAgoIndex) {
    panel.yearAgo = std::to_string(*o.yearAgoIndex) + " in " + periodShort(r.yearAgoPeriod) + ", a year earlier";
  } else if (!r.yearAgoPeriod.empty()) {
    panel.yearAgo = submitted(r, r.yearAgoPeriod) || o.missedReturns.empty()
                        ? std::string()
                        : "No index a year earlier (" + periodShort(r.yearAgoPeriod) + ")";
  }
  return panel;
}

ScorecardPage scorecardPage(const BoardReport& r) {
  ScorecardPage page;
  page.changeHeader = "Since " + periodShort(r.previousPeriod);
  if (!r.yearAgoPeriod.empty()) page.yearHeader = "Since " + periodShort(r.yearAgoPeriod);
  const auto& kpis = r.results.kpis;
  if (!kpis.empty() && !kpis.front().trend.empty()) {
    page.trendHeader = periodShort(kpis.front().trend.front().period) + " to " + periodShort(r.period);
  }

  // The group most KPIs are compared with names the column; a KPI compared
  // with another group says which in its cell.
  std::map<std::string, std::size_t> groups;
  for (const KpiResult& k : kpis) ++groups[groupShown(k).group];
  std::string common;
  std::size_t most = 0;
  for (const auto& [group, n] : groups) {
    if (n > most) common = group, most = n;
  }
  page.groupHeader = common.empty() ? std::string("Same type") : groupName(common);

  bool anyGroupShown = false;
  for (const KpiResult& k : kpis) anyGroupShown = anyGroupShown || groupShown(k).disclosed;
  std::size_t noteNumber = 0;
  bool yearReturned = r.yearAgoPeriod.empty() || submitted(r, r.yearAgoPeriod);
  for (std::size_t i = 0; i < kpis.size(); ++i) {
    const KpiResult& k = kpis[i];
    const KpiDefinition& def = *k.current.kpi;
    const BoardKpi facts = i < r.kpis.size() ? r.kpis[i] : BoardKpi{};
    ScorecardRow row;
    row.kpi = def.id + " " + def.title;
    row.value = withShortUnit(k.current.shown(), def);
    if (k.current.value) row.counts = counts(def, facts.numeratorHundredths, facts.denominatorHundredths);
    row.target = withShortUnit(number(def.target), def);
    row.status = k.current.status;
    row.progress = facts.progressPercent ? std::to_string(*facts.progressPercent) + "%" : "n/a";
    row.change = k.current.value ? changeCell(k.changeTenths, r.results.previousSubmitted) : DASH;
    row.yearChange = k.current.value ? changeCell(k.yearChangeTenths, yearReturned) : DASH;
    if (r.yearAgoPeriod.empty()) row.yearChange.clear();
    row.median = medianOf(k.sector);
    const PeerComparison& group = groupShown(k);
    row.groupMedian = group.group.empty() ? std::string(DASH) : medianOf(group);
    if (!group.group.empty() && group.group != common && row.groupMedian != "not shown") {
      row.groupMedian += " (" + groupName(group.group) + ")";
    }
    row.quartile = quartile(k.sector);

    auto note = [&](const std::string& words) {
      ++noteNumber;
      row.marks += "[" + std::to_string(noteNumber) + "]";
      page.notes.push_back("[" + std::to_string(noteNumber) + "] " + words);
    };
    if (!k.warnings.empty()) {
      note(def.id + " " + withUnit(k.current.shown(), def) + " carries " + warningNotes(k.warnings) +
           ". Its status, change and peer position rest on this value (Data quality and provenance).");
    }
    if (!k.previousWarnings.empty() && k.changeTenths) {
      note(def.id + "'s change since " + periodShort(r.previousPeriod) + " starts from a value that carried " +
           warningNotes(k.previousWarnings) + ".");
    }
    std::string rounding = roundingNote(k, facts);
    if (!rounding.empty()) note(rounding);
    page.rows.push_back(std::move(row));
  }

  page.key = statusKey(*r.catalogue) + " Progress is the share of the target reached, rounded down. Changes are "
             "between the values shown, " + comparedWith(r) +
             (r.yearAgoPeriod.empty() ? std::string() : " and since " + periodShort(r.yearAgoPeriod) + " (a year earlier)") +
             ". Medians compare with the " + counted(r.sectorSubmissions, "organisation") +
             " that submitted for this period and with the " + page.groupHeader + " group" +
             (anyGroupShown ? std::string()
                            : " (too few to show, and no wider group large enough short of all organisations)") +
             "; the quartile is among all organisations, the 1st the best quarter.";
  return page;
}

std::vector<std::string> detailFacts(const BoardReport& r, std::size_t i) {
  std::vector<std::string> out;
  const KpiResult& k = r.results.kpis.at(i);
  const KpiDefinition& def = *k.current.kpi;
  const BoardKpi facts = i < r.kpis.size() ? r.kpis[i] : BoardKpi{};
  std::string shown = withUnit(k.current.shown(), def);
  std::string inputs = k.current.value ? counts(def, facts.numeratorHundredths, facts.denominatorHundredths) : "";
  out.push_back(shown + (inputs.empty() ? "" : " (" + inputs + ")") + " against a target of " +
                withUnit(number(def.target), def) + ".");

  std::string change;
  if (!r.results.previousSubmitted) {
    change = "No change to show: " + comparedWith(r) + ".";
  } else if (k.changeTenths) {
    change = "Change since " + periodShort(r.previousPeriod) + ": " + changeInWords(*k.changeTenths) + " (from " +
             withUnit(value(k.previous), def) + ").";
  } else {
    change = "No " + periodShort(r.previousPeriod) + " value to compare with.";
  }
  if (k.yearChangeTenths) {
    change += " Since " + periodShort(r.yearAgoPeriod) + ", a year earlier: " + changeInWords(*k.yearChangeTenths) +
              " (from " + withUnit(value(k.yearAgo), def) + ").";
  }
  out.push_back(change);

  std::string peers;
  if (k.sector.disclosed && k.sector.distribution) {
    peers = "Median of all organisations " + oneDecimal(k.sector.distribution->median);
    if (k.sector.groupRate) peers += ", sector rate " + k.sector.groupRate->toOneDecimal();
    const PeerComparison& group = groupShown(k);
    if (group.disclosed && group.distribution) {
      peers += "; median of " + groupName(group.group) + " " + oneDecimal(group.distribution->median);
      if (&group == &k.wider) peers += " (" + groupName(k.type.group) + ": too few to show)";
    }
    if (k.sector.rank) {
      peers += ". Rank " + std::to_string(*k.sector.rank) + " of " + std::to_string(k.sector.organisations) + ", " +
               quarterWords(k.sector);
      if (!k.warnings.empty()) peers += ", resting on a value with warning " + k.warnings.front().code;
    }
    peers += ".";
  } else {
    peers = "Too few organisations with a value to compare (fewer than " + std::to_string(r.minimumGroupSize) + ").";
  }
  out.push_back(peers);
  for (const ValueWarning& w : k.warnings) {
    out.push_back("Warning on this value: " + warningNote(w) + ". Read it under Data quality and provenance.");
  }
  for (const ValueWarning& w : k.previousWarnings) {
    out.push_back("The " + periodShort(r.previousPeriod) + " value carried a warning: " + warningNote(w) + ".");
  }
  std::string rounding = roundingNote(k, facts);
  if (!rounding.empty()) out.push_back(rounding);
  return out;
}

}  // namespace profkpi::engine::report

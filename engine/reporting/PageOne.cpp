#include "engine/reporting/PageOne.h"

#include "engine/reporting/ReportText.h"
#include "engine/reporting/Words.h"

#include <cstdlib>
#include <map>

namespace profkpi::engine::report {

namespace {

const char* const DASH = "\xE2\x80\x93";  // "–": nothing to compare

std::string changeCell(const std::optional<std::int64_t>& tenths, bool returned) {
  if (tenths) return signedTenths(*tenths);
  // TRANSLATORS: a scorecard cell: no return for the period a change is measured against.
  return returned ? DASH : tr("cell", "no return");
}

std::string notShown() { return tr("cell", "not shown"); }

std::string medianOf(const PeerComparison& c) {
  if (!c.disclosed || !c.distribution) return notShown();
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
    out += w.explained
               // TRANSLATORS: part of a scorecard note: {1} "PQ102", {2} the warning in words, {3} the sender's
               // first words (not translated).
               ? fill(tr("scorecard note", "warning {1} ({2}), explained: \u201C{3}\u201D"),
                      {w.code, warningInWords(w.code), firstWords(w.explanation, 7)})
               // TRANSLATORS: as above, without an explanation.
               : fill(tr("scorecard note", "warning {1} ({2}), not explained"), {w.code, warningInWords(w.code)});
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
  panel.value = index ? std::to_string(*index) : tr("figure", "n/a");
  panel.basis = indexBasis(r);
  panel.partial = partialIndex(r);
  const OrganisationResults& o = r.results;
  if (!o.previousSubmitted && !o.lastReturn.empty()) {
    panel.change = o.lastReturnIndex
                       // TRANSLATORS: page one, index panel: {1} the missed period, {2} the last returned, {3} its index.
                       ? fill(tr("index panel", "No return for {1}; the last, {2}, had {3}"),
                              {periodShort(r.previousPeriod), periodShort(o.lastReturn), std::to_string(*o.lastReturnIndex)})
                       // TRANSLATORS: as above when that return had no index.
                       : fill(tr("index panel", "No return for {1}; the last, {2}, had no index"),
                              {periodShort(r.previousPeriod), periodShort(o.lastReturn)});
  } else if (!o.previousSubmitted) {
    // TRANSLATORS: page one, index panel, for an organisation's first return.
    panel.change = tr("index panel", "First return: no earlier index to compare with");
  } else if (index && o.previousIndex) {
    int delta = *index - *o.previousIndex;
    std::string since = periodShort(r.previousPeriod), was = std::to_string(*o.previousIndex);
    std::string points = std::to_string(std::abs(delta));
    if (delta == 0) {
      // TRANSLATORS: page one, index panel: {1} the previous period, {2} the index then.
      panel.change = fill(tr("index panel", "No change since {1}, when it was {2}"), {since, was});
    } else {
      // A move that comes mostly from a value with a warning says so, in the same sentence.
      std::optional<std::size_t> most = biggestMove(r);
      bool warned = most && (!o.kpis[*most].warnings.empty() || !o.kpis[*most].previousWarnings.empty());
      bool before = warned && !o.kpis[*most].previousWarnings.empty();
      std::string kpi = warned ? o.kpis[*most].current.kpi->id : std::string();
      std::int64_t n = std::abs(delta);
      std::string pattern;
      if (delta > 0 && !warned) {
        // TRANSLATORS: page one, index panel: {1} points, {2} the previous period, {3} the index then:
        // "Up 6 points since Q1 2025/26, when it was 66".
        pattern = trn("index panel", "Up {1} point since {2}, when it was {3}", "Up {1} points since {2}, when it was {3}", n);
      } else if (delta > 0 && !before) {
        // TRANSLATORS: as above, with {4} the KPI ("K5") whose value, now carrying a warning, moved the index most.
        pattern = trn("index panel", "Up {1} point since {2}, when it was {3}; mostly from {4}, whose value now carries a warning",
                      "Up {1} points since {2}, when it was {3}; mostly from {4}, whose value now carries a warning", n);
      } else if (delta > 0) {
        // TRANSLATORS: as above, with {4} the KPI whose value in the previous period {2} carried a warning.
        pattern = trn("index panel", "Up {1} point since {2}, when it was {3}; mostly from {4}, whose {2} value carried a warning",
                      "Up {1} points since {2}, when it was {3}; mostly from {4}, whose {2} value carried a warning", n);
      } else if (!warned) {
        // TRANSLATORS: page one, index panel, for a fall: "Down 6 points since Q1 2025/26, when it was 72".
        pattern = trn("index panel", "Down {1} point since {2}, when it was {3}", "Down {1} points since {2}, when it was {3}", n);
      } else if (!before) {
        // TRANSLATORS: as above, with {4} the KPI whose value, now carrying a warning, moved the index most.
        pattern = trn("index panel", "Down {1} point since {2}, when it was {3}; mostly from {4}, whose value now carries a warning",
                      "Down {1} points since {2}, when it was {3}; mostly from {4}, whose value now carries a warning", n);
      } else {
        // TRANSLATORS: as above, with {4} the KPI whose value in the previous period {2} carried a warning.
        pattern = trn("index panel", "Down {1} point since {2}, when it was {3}; mostly from {4}, whose {2} value carried a warning",
                      "Down {1} points since {2}, when it was {3}; mostly from {4}, whose {2} value carried a warning", n);
      }
      panel.change = fill(pattern, {points, since, was, kpi});
    }
  } else {
    // TRANSLATORS: page one, index panel: {1} the previous period.
    panel.change = fill(tr("index panel", "No index in {1} to compare with"), {periodShort(r.previousPeriod)});
  }
  if (index && o.yearAgoIndex) {
    // TRANSLATORS: page one, index panel: {1} the index a year earlier, {2} that period.
    panel.yearAgo = fill(tr("index panel", "{1} in {2}, a year earlier"), {std::to_string(*o.yearAgoIndex), periodShort(r.yearAgoPeriod)});
  } else if (!r.yearAgoPeriod.empty()) {
    panel.yearAgo = submitted(r, r.yearAgoPeriod) || o.missedReturns.empty()
                        ? std::string()
                        // TRANSLATORS: page one, index panel: {1} the period a year earlier.
                        : fill(tr("index panel", "No index a year earlier ({1})"), {periodShort(r.yearAgoPeriod)});
  }
  return panel;
}

ScorecardPage scorecardPage(const BoardReport& r) {
  ScorecardPage page;
  // TRANSLATORS: a scorecard column heading (narrow: it wraps): {1} "Q1 2025/26".
  page.changeHeader = fill(tr("scorecard column", "Since {1}"), {periodShort(r.previousPeriod)});
  if (!r.yearAgoPeriod.empty()) page.yearHeader = fill(tr("scorecard column", "Since {1}"), {periodShort(r.yearAgoPeriod)});
  const auto& kpis = r.results.kpis;
  if (!kpis.empty() && !kpis.front().trend.empty()) {
    // TRANSLATORS: part of the scorecard's trend column heading: {1} and {2} periods.
    page.trendHeader = fill(tr("scorecard column", "{1} to {2}"), {periodShort(kpis.front().trend.front().period), periodShort(r.period)});
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
  // TRANSLATORS: the comparator group of the organisation's type when the registry gives none.
  page.groupHeader = common.empty() ? tr("group", "Same type") : groupName(common);

  bool anyGroupShown = false;
  for (const KpiResult& k : kpis) anyGroupShown = anyGroupShown || groupShown(k).disclosed;
  std::size_t noteNumber = 0;
  bool yearReturned = r.yearAgoPeriod.empty() || submitted(r, r.yearAgoPeriod);
  for (std::size_t i = 0; i < kpis.size(); ++i) {
    const KpiResult& k = kpis[i];
    const KpiDefinition& def = *k.current.kpi;
    const BoardKpi facts = i < r.kpis.size() ? r.kpis[i] : BoardKpi{};
    ScorecardRow row;
    row.kpi = kpiName(def);
    row.value = withShortUnit(k.current.shown(), def);
    if (k.current.value) row.counts = counts(def, facts.numeratorHundredths, facts.denominatorHundredths);
    row.target = withShortUnit(number(def.target), def);
    row.status = k.current.status;
    row.progress = facts.progressPercent ? std::to_string(*facts.progressPercent) + "%" : tr("figure", "n/a");
    row.change = k.current.value ? changeCell(k.changeTenths, r.results.previousSubmitted) : DASH;
    row.yearChange = k.current.value ? changeCell(k.yearChangeTenths, yearReturned) : DASH;
    if (r.yearAgoPeriod.empty()) row.yearChange.clear();
    row.median = medianOf(k.sector);
    const PeerComparison& group = groupShown(k);
    row.groupMedian = group.group.empty() ? std::string(DASH) : medianOf(group);
    if (!group.group.empty() && group.group != common && row.groupMedian != notShown()) {
      row.groupMedian += " (" + groupName(group.group) + ")";
    }
    row.quartile = quartile(k.sector);

    auto note = [&](const std::string& words) {
      ++noteNumber;
      row.marks += "[" + std::to_string(noteNumber) + "]";
      page.notes.push_back("[" + std::to_string(noteNumber) + "] " + words);
    };
    if (!k.warnings.empty()) {
      // TRANSLATORS: a note under the scorecard: {1} "K5", {2} its value, {3} the warnings (see "warning {1} ({2})…").
      note(fill(tr("scorecard note", "{1} {2} carries {3}. Its status, change and peer position rest on this value "
                                     "(Data quality and provenance)."),
                {def.id, withUnit(k.current.shown(), def), warningNotes(k.warnings)}));
    }
    if (!k.previousWarnings.empty() && k.changeTenths) {
      // TRANSLATORS: a note under the scorecard: {1} "K5", {2} the previous period, {3} the warnings.
      note(fill(tr("scorecard note", "{1}'s change since {2} starts from a value that carried {3}."),
                {def.id, periodShort(r.previousPeriod), warningNotes(k.previousWarnings)}));
    }
    std::string rounding = roundingNote(k, facts);
    if (!rounding.empty()) note(rounding);
    page.rows.push_back(std::move(row));
  }

  std::string changes =
      r.yearAgoPeriod.empty()
          // TRANSLATORS: the scorecard's key: {1} what changes are measured against ("since Q1 2025/26").
          ? fill(tr("scorecard key", "Progress is the share of the target reached, rounded down. Changes are between "
                                     "the values shown, {1}."),
                 {comparedWith(r)})
          // TRANSLATORS: as above, with {2} the period a year earlier.
          : fill(tr("scorecard key", "Progress is the share of the target reached, rounded down. Changes are between "
                                     "the values shown, {1} and since {2} (a year earlier)."),
                 {comparedWith(r), periodShort(r.yearAgoPeriod)});
  std::int64_t n = static_cast<std::int64_t>(r.sectorSubmissions);
  std::string medians =
      anyGroupShown
          // TRANSLATORS: the scorecard's key: {1} organisations that submitted, {2} the comparator group ("Welsh unitary").
          ? fill(trn("scorecard key", "Medians compare with the {1} organisation that submitted for this period and with "
                                      "the {2} group; the quartile is among all organisations, the 1st the best quarter.",
                     "Medians compare with the {1} organisations that submitted for this period and with the {2} group; "
                     "the quartile is among all organisations, the 1st the best quarter.", n),
                 {std::to_string(r.sectorSubmissions), page.groupHeader})
          // TRANSLATORS: as above when the group is too small to show.
          : fill(trn("scorecard key", "Medians compare with the {1} organisation that submitted for this period and with "
                                      "the {2} group (too few to show, and no wider group large enough short of all "
                                      "organisations); the quartile is among all organisations, the 1st the best quarter.",
                     "Medians compare with the {1} organisations that submitted for this period and with the {2} group "
                     "(too few to show, and no wider group large enough short of all organisations); the quartile is "
                     "among all organisations, the 1st the best quarter.", n),
                 {std::to_string(r.sectorSubmissions), page.groupHeader});
  page.key = statusKey(*r.catalogue) + " " + changes + " " + medians;
  return page;
}

std::vector<std::string> detailFacts(const BoardReport& r, std::size_t i) {
  std::vector<std::string> out;
  const KpiResult& k = r.results.kpis.at(i);
  const KpiDefinition& def = *k.current.kpi;
  const BoardKpi facts = i < r.kpis.size() ? r.kpis[i] : BoardKpi{};
  std::string shown = withUnit(k.current.shown(), def);
  std::string inputs = k.current.value ? counts(def, facts.numeratorHundredths, facts.denominatorHundredths) : "";
  std::string target = withUnit(number(def.target), def);
  out.push_back(inputs.empty()
                    // TRANSLATORS: a detail panel's first sentence: {1} the value, {2} the target.
                    ? fill(tr("detail panel", "{1} against a target of {2}."), {shown, target})
                    // TRANSLATORS: as above with {3} the inputs ("2 of 21 staff").
                    : fill(tr("detail panel", "{1} ({3}) against a target of {2}."), {shown, target, inputs}));

  std::string change;
  std::string previous = periodShort(r.previousPeriod);
  if (!r.results.previousSubmitted) {
    // TRANSLATORS: a detail panel: {1} why ("no earlier return to compare with").
    change = fill(tr("detail panel", "No change to show: {1}."), {comparedWith(r)});
  } else if (k.changeTenths) {
    // TRANSLATORS: a detail panel: {1} the previous period, {2} "up 3.1", {3} the value then.
    change = fill(tr("detail panel", "Change since {1}: {2} (from {3})."),
                  {previous, changeInWords(*k.changeTenths), withUnit(value(k.previous), def)});
  } else {
    // TRANSLATORS: a detail panel: {1} the previous period.
    change = fill(tr("detail panel", "No {1} value to compare with."), {previous});
  }
  if (k.yearChangeTenths) {
    // TRANSLATORS: a detail panel, after the change: {1} the period a year earlier, {2} "up 3.1", {3} the value then.
    change += fill(tr("detail panel", " Since {1}, a year earlier: {2} (from {3})."),
                   {periodShort(r.yearAgoPeriod), changeInWords(*k.yearChangeTenths), withUnit(value(k.yearAgo), def)});
  }
  out.push_back(change);

  // Each a whole sentence: the sector, the comparator group, the rank.
  if (k.sector.disclosed && k.sector.distribution) {
    std::string median = oneDecimal(k.sector.distribution->median);
    out.push_back(k.sector.groupRate
                      // TRANSLATORS: a detail panel: {1} the median of all organisations, {2} the sector rate.
                      ? fill(tr("detail panel", "Median of all organisations {1}, sector rate {2}."),
                             {median, k.sector.groupRate->toOneDecimal()})
                      // TRANSLATORS: as above without a rate.
                      : fill(tr("detail panel", "Median of all organisations {1}."), {median}));
    const PeerComparison& group = groupShown(k);
    if (group.disclosed && group.distribution) {
      std::string name = groupName(group.group), groupMedian = oneDecimal(group.distribution->median);
      out.push_back(&group == &k.wider
                        // TRANSLATORS: a detail panel: {1} a wider group ("Welsh councils"), {2} its median, {3} the
                        // organisation's own type, whose group is too small.
                        ? fill(tr("detail panel", "Median of {1}: {2} ({3}: too few to show)."),
                               {name, groupMedian, groupName(k.type.group)})
                        // TRANSLATORS: a detail panel: {1} a group ("Welsh unitary"), {2} its median.
                        : fill(tr("detail panel", "Median of {1}: {2}."), {name, groupMedian}));
    }
    if (k.sector.rank) {
      std::string rank = std::to_string(*k.sector.rank), of = std::to_string(k.sector.organisations);
      out.push_back(k.warnings.empty()
                        // TRANSLATORS: a detail panel: {1} rank, {2} of how many, {3} "top quarter".
                        ? fill(tr("detail panel", "Rank {1} of {2}, {3}."), {rank, of, quarterWords(k.sector)})
                        // TRANSLATORS: as above, resting on a value with warning {4} ("PQ102").
                        : fill(tr("detail panel", "Rank {1} of {2}, {3}, resting on a value with warning {4}."),
                               {rank, of, quarterWords(k.sector), k.warnings.front().code}));
    }
  } else {
    // TRANSLATORS: a detail panel: {1} the smallest group shown (5).
    out.push_back(fill(tr("detail panel", "Too few organisations with a value to compare (fewer than {1})."),
                       {std::to_string(r.minimumGroupSize)}));
  }
  for (const ValueWarning& w : k.warnings) {
    // TRANSLATORS: a detail panel: {1} the warning ("PQ102 CPD days above 30 per FTE, not explained by the sender").
    out.push_back(fill(tr("detail panel", "Warning on this value: {1}. Read it under Data quality and provenance."),
                       {warningNote(w)}));
  }
  for (const ValueWarning& w : k.previousWarnings) {
    // TRANSLATORS: a detail panel: {1} the previous period, {2} the warning.
    out.push_back(fill(tr("detail panel", "The {1} value carried a warning: {2}."), {previous, warningNote(w)}));
  }
  std::string rounding = roundingNote(k, facts);
  if (!rounding.empty()) out.push_back(rounding);
  return out;
}

}  // namespace profkpi::engine::report

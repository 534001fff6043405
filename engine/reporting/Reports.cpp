#include "engine/reporting/Reports.h"

#include "engine/kpi/Quartiles.h"
#include "engine/reporting/Disclosure.h"

#include <date/tz.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

namespace profkpi::engine {

namespace {

std::optional<double> medianOf(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  return quantileType7(values, 0.5);
}

void noteLatest(std::optional<Instant>& latest, Instant candidate) {
  if (!latest || *latest < candidate) latest = candidate;
}

double progressOf(const KpiCalculator& calculator, const KpiDefinition& kpi, const Ratio& value) {
  try {
    return calculator.attainment(kpi, value).toDouble();
  } catch (const std::overflow_error&) {
    // Only absurd figures overflow exact arithmetic; doubles are good enough for progress.
    double v = value.toDouble(), t = kpi.target.toDouble();
    double share = kpi.direction == Direction::HigherIsBetter ? v / t : (v == 0 ? 1.0 : t / v);
    return std::min(1.0, share);
  }
}

// When nothing says otherwise, a report is dated by its data, so that rendering
// it again gives the same document.
Instant fallbackTime(const Period& period) {
  return startOfDay(period.lastDay() + date::days{1}, PERIOD_TIME_ZONE);
}

std::size_t valuedKpis(const Scorecard& card) {
  return static_cast<std::size_t>(
      std::count_if(card.kpis.begin(), card.kpis.end(), [](const KpiValue& v) { return v.value.has_value(); }));
}

// The registry's Welsh name; else, for a Welsh council (W code), the name it
// submitted when that differs from the registry's English one.
std::string welshNameOf(const Registry& registry, const SubmissionRecord& r) {
  const Organisation* o = registry.find(r.organisation);
  if (o == nullptr) return {};
  if (!o->welshName.empty()) return o->welshName == o->name ? std::string() : o->welshName;
  bool welsh = !r.organisation.empty() && r.organisation.front() == 'W';
  return welsh && r.organisationName != o->name ? r.organisationName : std::string();
}

FigureWarning figureWarning(const Registry& registry, const SubmissionRecord& r, const Diagnostic& d) {
  const Organisation* o = registry.find(r.organisation);
  return FigureWarning{r.organisation, o != nullptr ? o->name : r.organisationName, r.period, d.code, d.kpi,
                       d.message, d.explained, d.explanation};
}

// Groups[0] is the whole (the sector), the others its disjoint parts (types):
// which of them may show aggregates (Disclosure.h).
std::vector<bool> disclosedGroups(const std::vector<std::size_t>& sizes, std::size_t minimum) {
  std::vector<bool> shown{disclosable(sizes.front(), minimum)};
  std::vector<bool> parts =
      disclosableParts(sizes.front(), std::vector<std::size_t>(sizes.begin() + 1, sizes.end()), minimum);
  shown.insert(shown.end(), parts.begin(), parts.end());
  return shown;
}

// Withdraws the distribution, rate, rank and quartile of every group that may
// not show them, so that no renderer can.
void withholdDifferences(std::vector<PeerComparison>& groups, std::size_t minimum) {
  std::vector<std::size_t> sizes;
  for (const PeerComparison& c : groups) sizes.push_back(c.organisations);
  std::vector<bool> shown = disclosedGroups(sizes, minimum);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (shown[g] && groups[g].disclosed) continue;
    groups[g].disclosed = false;
    groups[g].distribution.reset();
    groups[g].groupRate.reset();
    groups[g].rank.reset();
    groups[g].quartile.reset();
  }
}

}  // namespace

Reports::Reports(Store& store, ResultsService& results) : _store(store), _results(results) {}

std::optional<BoardReport> Reports::board(const std::string& organisation, const Period& period,
                                          std::optional<Instant> generatedAt) {
  return board(organisation, _results.benchmark(period), generatedAt);
}

std::optional<BoardReport> Reports::board(const std::string& organisation, const PeerBenchmark& benchmark,
                                          std::optional<Instant> generatedAt) {
  const Period& period = benchmark.period();
  std::optional<OrganisationResults> results = _results.results(organisation, period, benchmark);
  if (!results) return std::nullopt;

  BoardReport report;
  report.organisationCode = organisation;
  if (results->organisation != nullptr) {
    report.name = results->organisation->name;
    report.welshName = results->organisation->welshName;
    report.type = results->organisation->type;
  } else {
    report.name = results->record.organisationName;
  }
  report.period = period.code();
  report.periodInWords = period.inWords();
  report.previousPeriod = period.previous().code();
  report.previousPeriodInWords = period.previous().inWords();
  report.catalogue = &_results.calculator().catalogue();
  report.minimumGroupSize = benchmark.options().minimumGroupSize;
  report.sectorSubmissions = benchmark.submissions();

  // The peer statistics come from every current submission of the period.
  std::optional<Instant> cutOff = benchmark.latestAcceptance();
  if (!report.type.empty()) report.typeSubmissions = benchmark.submissionsOfType(report.type);
  std::set<std::string> trendPeriods;
  for (const KpiResult& k : results->kpis) {
    for (const TrendPoint& p : k.trend) trendPeriods.insert(p.period);
  }
  for (const SubmissionRecord& r : _store.currentForOrganisation(organisation)) {
    if (trendPeriods.count(r.period) != 0) noteLatest(cutOff, r.receivedAt);
  }
  report.dataCutOff = cutOff.value_or(results->record.receivedAt);
  report.generatedAt = generatedAt.value_or(report.dataCutOff);
  const KpiCalculator& calculator = _results.calculator();
  for (const KpiResult& k : results->kpis) {
    BoardKpi facts;
    const KpiDefinition& def = *k.current.kpi;
    facts.numeratorHundredths = results->record.measures.hundredths(def.numerator);
    facts.denominatorHundredths = results->record.measures.hundredths(def.denominator);
    if (k.current.value) {
      ++report.indexBasis;
      facts.progress = progressOf(calculator, def, *k.current.value);
      facts.progressPercent = k.current.status == Status::Green
                                  ? 100
                                  : std::min(99, static_cast<int>(std::floor(*facts.progress * 100)));
      facts.shownStatus = calculator.status(def, Ratio(k.current.value->roundedTenths(), 10));
      if (k.previous) facts.progressChange = (*facts.progress - progressOf(calculator, def, *k.previous)) * 100;
    }
    report.kpis.push_back(facts);
  }
  if (period.isQuarter()) report.yearAgoPeriod = yearEarlier(period).code();
  report.boardNotes = results->record.boardNotes;
  // The day in the UK, as the report prints its date.
  auto local = date::make_zoned(date::locate_zone(PERIOD_TIME_ZONE), report.generatedAt).get_local_time();
  report.notesDay = Date{date::floor<date::days>(local).time_since_epoch()};
  report.results = std::move(*results);
  return report;
}

SectorReport Reports::sector(const Period& period, std::optional<Instant> generatedAt) {
  const KpiCalculator& calculator = _results.calculator();
  const Registry& registry = _results.registry();
  const Period previous = period.previous();

  PeerBenchmark now = _results.benchmark(period);
  const BenchmarkOptions options = now.options();
  const std::size_t minimum = options.minimumGroupSize;
  std::vector<SubmissionRecord> current = _store.currentForPeriod(period.code());
  std::vector<SubmissionRecord> before = _store.currentForPeriod(previous.code());
  PeerBenchmark then(calculator, registry, previous, before, options);
  const std::size_t catalogueSize = calculator.catalogue().kpis().size();

  SectorReport report;
  report.period = period.code();
  report.periodInWords = period.inWords();
  report.previousPeriod = previous.code();
  report.previousPeriodInWords = previous.inWords();
  report.catalogue = &calculator.catalogue();
  report.minimumGroupSize = minimum;
  report.registered = registry.all().size();
  report.previousSubmitted = before.size();

  std::optional<Instant> cutOff;
  for (const SubmissionRecord& r : current) noteLatest(cutOff, r.receivedAt);
  for (const SubmissionRecord& r : before) noteLatest(cutOff, r.receivedAt);
  report.dataCutOff = cutOff;
  report.generatedAt = generatedAt ? *generatedAt : cutOff ? *cutOff : fallbackTime(period);

  auto nameOf = [&](const SubmissionRecord& r) {
    const Organisation* o = registry.find(r.organisation);
    return o != nullptr ? o->name : r.organisationName;
  };

  // Submissions and their scorecards. Only complete indexes (every KPI of the
  // catalogue has a value) are ranked and enter the medians.
  std::map<std::string, std::optional<int>> previousIndex;
  std::vector<double> earlierComplete;
  std::map<std::string, const SubmissionRecord*> previousRecord;
  for (const SubmissionRecord& r : before) {
    Scorecard card = calculator.compute(r.measures, previous);
    previousIndex[r.organisation] = card.index;
    previousRecord[r.organisation] = &r;
    if (card.index && valuedKpis(card) == catalogueSize) earlierComplete.push_back(*card.index);
  }
  std::vector<Scorecard> cards;
  std::map<std::string, std::vector<double>> completeByType;
  std::vector<double> complete;
  for (const SubmissionRecord& r : current) {
    cards.push_back(calculator.compute(r.measures, period));
    SubmittedEntry e;
    e.code = r.organisation;
    e.name = nameOf(r);
    e.welshName = welshNameOf(registry, r);
    e.type = now.typeOf(r.organisation);
    e.receivedAt = r.receivedAt;
    e.channel = r.channel;
    e.revision = r.revision;
    e.warnings = r.warnings.size();
    e.explained = static_cast<std::size_t>(
        std::count_if(r.warnings.begin(), r.warnings.end(), [](const Diagnostic& d) { return d.explained; }));
    report.submitted.push_back(e);
    const Scorecard& card = cards.back();
    if (!card.index) continue;
    if (valuedKpis(card) == catalogueSize) {
      complete.push_back(*card.index);
      if (!e.type.empty()) completeByType[e.type].push_back(*card.index);
    } else {
      ++report.partialIndexes;
    }
  }
  report.completeIndexes = complete.size();
  report.statusesDisclosed = disclosable(current.size(), minimum);
  if (disclosable(complete.size(), minimum)) report.medianIndex = medianOf(complete);
  if (disclosable(earlierComplete.size(), minimum)) report.previousMedianIndex = medianOf(earlierComplete);

  // The chase list, with when each organisation last did submit.
  std::map<std::string, Period> lastSubmitted;
  for (const std::string& code : _store.periods()) {
    auto p = Period::parse(code);
    if (!p || p->isQuarter() != period.isQuarter() || !(*p < period)) continue;
    for (const SubmissionRecord& r : _store.currentForPeriod(code)) {
      auto it = lastSubmitted.find(r.organisation);
      if (it == lastSubmitted.end() || it->second < *p) lastSubmitted.insert_or_assign(r.organisation, *p);
    }
  }
  for (const Organisation* o : _results.coverage(period).missing) {
    ChaseEntry c;
    c.code = o->code;
    c.name = o->name;
    c.welshName = o->welshName;
    c.type = o->type;
    c.contact = o->contact;
    auto last = lastSubmitted.find(o->code);
    if (last != lastSubmitted.end()) c.lastPeriod = last->second.code();
    report.missing.push_back(c);
  }

  // Types: registered and submitted counts; medians of complete indexes where
  // neither the type nor the sector minus the types shown is a small group.
  std::map<std::string, TypeSummary> types;
  for (const Organisation& o : registry.all()) {
    if (!o.type.empty()) ++types[o.type].registered;
  }
  for (const SubmittedEntry& e : report.submitted) {
    if (!e.type.empty()) ++types[e.type].submitted;
  }
  std::vector<std::size_t> completeSizes;
  for (auto& [type, summary] : types) {
    summary.type = type;
    summary.completeIndexes = completeByType[type].size();
    completeSizes.push_back(summary.completeIndexes);
  }
  std::vector<bool> typeMedianShown = disclosableParts(complete.size(), completeSizes, minimum);
  for (auto& [type, summary] : types) {
    summary.disclosed = typeMedianShown[report.types.size()] && report.medianIndex.has_value();
    if (summary.disclosed) summary.medianIndex = medianOf(completeByType[type]);
    report.types.push_back(summary);
  }

  // Per KPI: the sector and each type that submitted, now and before.
  std::vector<std::string> groups{"sector"};
  for (const std::string& type : now.types()) groups.push_back(type);
  std::vector<std::size_t> submittedByGroup{current.size()};
  for (std::size_t g = 1; g < groups.size(); ++g) submittedByGroup.push_back(now.submissionsOfType(groups[g]));
  const std::vector<bool> countShown = disclosedGroups(submittedByGroup, minimum);
  const std::vector<KpiDefinition>& definitions = calculator.catalogue().kpis();
  for (std::size_t i = 0; i < definitions.size(); ++i) {
    SectorKpi k;
    k.kpi = &definitions[i];
    std::vector<PeerComparison> nowByGroup, thenByGroup;
    for (const std::string& group : groups) {
      nowByGroup.push_back(now.compare(k.kpi->id, group, std::nullopt));
      thenByGroup.push_back(then.compare(k.kpi->id, group, std::nullopt));
    }
    withholdDifferences(nowByGroup, minimum);
    withholdDifferences(thenByGroup, minimum);
    for (std::size_t g = 0; g < groups.size(); ++g) {
      GroupDistribution d;
      d.current = nowByGroup[g];
      d.submitted = submittedByGroup[g];
      d.countDisclosed = countShown[g];
      if (thenByGroup[g].disclosed) d.previousRate = thenByGroup[g].groupRate;
      if (d.current.groupRate && d.previousRate) d.rateChangeTenths = changeInTenths(*d.current.groupRate, *d.previousRate);
      k.groups.push_back(std::move(d));
    }
    for (std::size_t c = 0; c < cards.size(); ++c) {
      switch (cards[c].kpis.at(i).status) {
        case Status::Green: ++k.green; break;
        case Status::Amber: ++k.amber; break;
        case Status::Red: ++k.red; break;
        case Status::None: ++k.noValue; break;
      }
      // Only beside figures that are shown: a small group's warnings would say something of it.
      for (const Diagnostic& d : current[c].warnings) {
        if (report.statusesDisclosed && d.kpi == k.kpi->id) k.warnings.push_back(figureWarning(registry, current[c], d));
      }
    }
    report.kpis.push_back(std::move(k));
  }

  // The league table, only when the period's group is large enough to show:
  // complete indexes ranked, the others listed apart with what they rest on.
  report.leagueDisclosed = disclosable(current.size(), minimum);
  if (report.leagueDisclosed) {
    for (std::size_t i = 0; i < current.size(); ++i) {
      LeagueEntry e;
      e.code = report.submitted[i].code;
      e.name = report.submitted[i].name;
      e.welshName = report.submitted[i].welshName;
      e.type = report.submitted[i].type;
      e.index = cards[i].index;
      e.kpisWithValue = valuedKpis(cards[i]);
      auto p = previousIndex.find(e.code);
      if (p != previousIndex.end()) e.previousIndex = p->second;
      for (const KpiValue& v : cards[i].kpis) e.statuses.push_back(v.status);
      for (const Diagnostic& d : current[i].warnings) e.warnings.push_back(figureWarning(registry, current[i], d));
      auto earlier = previousRecord.find(e.code);
      if (earlier != previousRecord.end() && e.previousIndex && e.index) {
        for (const Diagnostic& d : earlier->second->warnings) {
          if (!d.kpi.empty()) e.warnings.push_back(figureWarning(registry, *earlier->second, d));
        }
      }
      report.warnings.insert(report.warnings.end(), e.warnings.begin(), e.warnings.end());
      bool ranked = e.index && e.kpisWithValue == catalogueSize;
      (ranked ? report.league : report.unranked).push_back(std::move(e));
    }
    auto byIndex = [](const LeagueEntry& a, const LeagueEntry& b) {
      if (a.index.has_value() != b.index.has_value()) return a.index.has_value();
      if (a.index && *a.index != *b.index) return *a.index > *b.index;
      return a.name < b.name;
    };
    std::stable_sort(report.league.begin(), report.league.end(), byIndex);
    std::stable_sort(report.unranked.begin(), report.unranked.end(), byIndex);
    for (std::size_t i = 0; i < report.league.size(); ++i) {
      LeagueEntry& e = report.league[i];
      e.rank = (i > 0 && report.league[i - 1].index == e.index) ? report.league[i - 1].rank : static_cast<int>(i) + 1;
    }
    std::stable_sort(report.warnings.begin(), report.warnings.end(), [](const FigureWarning& a, const FigureWarning& b) {
      return std::tie(a.organisation, b.period, a.code) < std::tie(b.organisation, a.period, b.code);
    });
  }
  return report;
}

}  // namespace profkpi::engine

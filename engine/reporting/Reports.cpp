#include "engine/reporting/Reports.h"

#include "engine/kpi/Quartiles.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

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
  report.results = std::move(*results);
  return report;
}

SectorReport Reports::sector(const Period& period, std::optional<Instant> generatedAt) {
  const KpiCalculator& calculator = _results.calculator();
  const Registry& registry = _results.registry();
  const Period previous = period.previous();

  PeerBenchmark now = _results.benchmark(period);
  const BenchmarkOptions options = now.options();
  std::vector<SubmissionRecord> current = _store.currentForPeriod(period.code());
  std::vector<SubmissionRecord> before = _store.currentForPeriod(previous.code());
  PeerBenchmark then(calculator, registry, previous, before, options);

  SectorReport report;
  report.period = period.code();
  report.periodInWords = period.inWords();
  report.previousPeriod = previous.code();
  report.previousPeriodInWords = previous.inWords();
  report.catalogue = &calculator.catalogue();
  report.minimumGroupSize = options.minimumGroupSize;
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

  // Submissions and their scorecards.
  std::map<std::string, std::optional<int>> previousIndex;
  for (const SubmissionRecord& r : before) previousIndex[r.organisation] = calculator.compute(r.measures, previous).index;
  std::vector<Scorecard> cards;
  std::map<std::string, std::vector<double>> indexesByType;
  std::vector<double> indexes;
  for (const SubmissionRecord& r : current) {
    cards.push_back(calculator.compute(r.measures, period));
    SubmittedEntry e;
    e.code = r.organisation;
    e.name = nameOf(r);
    e.type = now.typeOf(r.organisation);
    e.receivedAt = r.receivedAt;
    e.channel = r.channel;
    e.revision = r.revision;
    e.warnings = r.warnings.size();
    e.explained = static_cast<std::size_t>(
        std::count_if(r.warnings.begin(), r.warnings.end(), [](const Diagnostic& d) { return d.explained; }));
    report.submitted.push_back(e);
    if (cards.back().index) {
      indexes.push_back(*cards.back().index);
      if (!e.type.empty()) indexesByType[e.type].push_back(*cards.back().index);
    }
  }
  if (current.size() >= options.minimumGroupSize) report.medianIndex = medianOf(indexes);
  if (before.size() >= options.minimumGroupSize) {
    std::vector<double> earlier;
    for (const auto& [code, index] : previousIndex) {
      if (index) earlier.push_back(*index);
    }
    report.previousMedianIndex = medianOf(earlier);
  }

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
    c.type = o->type;
    c.contact = o->contact;
    auto last = lastSubmitted.find(o->code);
    if (last != lastSubmitted.end()) c.lastPeriod = last->second.code();
    report.missing.push_back(c);
  }

  // Types: registered and submitted counts.
  std::map<std::string, TypeSummary> types;
  for (const Organisation& o : registry.all()) {
    if (!o.type.empty()) ++types[o.type].registered;
  }
  for (const SubmittedEntry& e : report.submitted) {
    if (!e.type.empty()) ++types[e.type].submitted;
  }
  for (auto& [type, summary] : types) {
    summary.type = type;
    summary.disclosed = summary.submitted >= options.minimumGroupSize && summary.submitted > 0;
    if (summary.disclosed) summary.medianIndex = medianOf(indexesByType[type]);
    report.types.push_back(summary);
  }

  // Per KPI: the sector and each type that submitted, now and before.
  std::vector<std::string> groups{"sector"};
  for (const std::string& type : now.types()) groups.push_back(type);
  const std::vector<KpiDefinition>& definitions = calculator.catalogue().kpis();
  for (std::size_t i = 0; i < definitions.size(); ++i) {
    SectorKpi k;
    k.kpi = &definitions[i];
    for (const std::string& group : groups) {
      GroupDistribution g;
      g.current = now.compare(k.kpi->id, group, std::nullopt);
      PeerComparison earlier = then.compare(k.kpi->id, group, std::nullopt);
      if (earlier.disclosed) g.previousRate = earlier.groupRate;
      if (g.current.groupRate && g.previousRate) g.rateChangeTenths = changeInTenths(*g.current.groupRate, *g.previousRate);
      k.groups.push_back(std::move(g));
    }
    for (const Scorecard& card : cards) {
      switch (card.kpis.at(i).status) {
        case Status::Green: ++k.green; break;
        case Status::Amber: ++k.amber; break;
        case Status::Red: ++k.red; break;
        case Status::None: ++k.noValue; break;
      }
    }
    report.kpis.push_back(std::move(k));
  }

  // The league table, only when the period's group is large enough to show.
  report.leagueDisclosed = current.size() >= options.minimumGroupSize && !current.empty();
  if (report.leagueDisclosed) {
    for (std::size_t i = 0; i < current.size(); ++i) {
      LeagueEntry e;
      e.code = report.submitted[i].code;
      e.name = report.submitted[i].name;
      e.type = report.submitted[i].type;
      e.index = cards[i].index;
      auto p = previousIndex.find(e.code);
      if (p != previousIndex.end()) e.previousIndex = p->second;
      for (const KpiValue& v : cards[i].kpis) e.statuses.push_back(v.status);
      report.league.push_back(std::move(e));
    }
    std::stable_sort(report.league.begin(), report.league.end(), [](const LeagueEntry& a, const LeagueEntry& b) {
      if (a.index.has_value() != b.index.has_value()) return a.index.has_value();
      if (a.index && *a.index != *b.index) return *a.index > *b.index;
      return a.name < b.name;
    });
    for (std::size_t i = 0; i < report.league.size(); ++i) {
      LeagueEntry& e = report.league[i];
      if (!e.index) continue;
      e.rank = (i > 0 && report.league[i - 1].index == e.index) ? report.league[i - 1].rank : static_cast<int>(i) + 1;
    }
  }
  return report;
}

}  // namespace profkpi::engine

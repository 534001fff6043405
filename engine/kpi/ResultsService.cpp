#include "engine/kpi/ResultsService.h"

#include <algorithm>
#include <set>

namespace profkpi::engine {

std::int64_t changeInTenths(const Ratio& current, const Ratio& previous) {
  return current.roundedTenths() - previous.roundedTenths();
}

Period yearEarlier(const Period& period) {
  Period p = period.previous();
  if (period.isQuarter()) {
    for (int i = 1; i < 4; ++i) p = p.previous();
  }
  return p;
}

namespace {

std::vector<ValueWarning> warningsAbout(const SubmissionRecord& record, const std::string& kpi) {
  std::vector<ValueWarning> out;
  for (const Diagnostic& d : record.warnings) {
    if (d.kpi == kpi) out.push_back({d.code, d.message, d.explained, d.explanation});
  }
  return out;
}

}  // namespace

ResultsService::ResultsService(Store& store, const KpiCalculator& calculator, const Registry& registry,
                               BenchmarkOptions options)
    : _store(store), _calculator(calculator), _registry(registry), _options(options) {}

PeerBenchmark ResultsService::benchmark(const Period& period) {
  return PeerBenchmark(_calculator, _registry, period, _store.currentForPeriod(period.code()), _options);
}

std::optional<OrganisationResults> ResultsService::results(const std::string& organisation, const Period& period) {
  return results(organisation, period, benchmark(period));
}

std::optional<OrganisationResults> ResultsService::results(const std::string& organisation, const Period& period,
                                                           const PeerBenchmark& benchmark) {
  std::vector<SubmissionRecord> history = _store.currentForOrganisation(organisation);
  auto here = std::find_if(history.begin(), history.end(),
                           [&](const SubmissionRecord& r) { return r.period == period.code(); });
  if (here == history.end()) return std::nullopt;

  OrganisationResults out;
  out.organisation = _registry.find(organisation);
  out.record = *here;
  out.scorecard = _calculator.compute(here->measures, period);

  // The organisation's submissions among the TREND_LENGTH periods of the same
  // length ending with this one, oldest first; a period it missed is a gap,
  // not a reason to reach further back.
  Period earliest = period;
  for (std::size_t i = 1; i < TREND_LENGTH; ++i) earliest = earliest.previous();
  std::vector<std::pair<Period, const SubmissionRecord*>> series;
  for (const SubmissionRecord& r : history) {
    auto p = Period::parse(r.period);
    if (p && p->isQuarter() == period.isQuarter() && !(period < *p) && !(*p < earliest)) series.emplace_back(*p, &r);
  }
  std::sort(series.begin(), series.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  const SubmissionRecord* previous = nullptr;
  const SubmissionRecord* yearAgo = nullptr;
  const Period yearBefore = yearEarlier(period);
  for (const auto& [p, r] : series) {
    if (p == period.previous()) previous = r;
    if (period.isQuarter() && p == yearBefore) yearAgo = r;
  }
  std::optional<Scorecard> before, yearBeforeCard;
  out.previousSubmitted = previous != nullptr;
  if (previous != nullptr) {
    before = _calculator.compute(previous->measures, period.previous());
    out.previousIndex = before->index;
  } else if (series.size() > 1) {
    const auto& [p, r] = series[series.size() - 2];
    out.lastReturn = p.code();
    out.lastReturnIndex = _calculator.compute(r->measures, p).index;
  }
  if (yearAgo != nullptr) {
    yearBeforeCard = _calculator.compute(yearAgo->measures, yearBefore);
    out.yearAgoIndex = yearBeforeCard->index;
  }
  if (!series.empty()) {
    // A period without a submission after the first one with: a missed return.
    std::size_t next = 0;
    for (Period p = series.front().first; p < period; p = p.next()) {
      if (next < series.size() && series[next].first == p) {
        ++next;
      } else {
        out.missedReturns.push_back(p.code());
      }
    }
  }

  std::string type = benchmark.typeOf(organisation);
  for (const KpiValue& k : out.scorecard.kpis) {
    KpiResult result;
    result.current = k;
    if (before) {
      if (const KpiValue* then = before->find(k.kpi->id)) result.previous = then->value;
    }
    if (k.value && result.previous) result.changeTenths = changeInTenths(*k.value, *result.previous);
    if (yearBeforeCard) {
      if (const KpiValue* then = yearBeforeCard->find(k.kpi->id)) result.yearAgo = then->value;
    }
    if (k.value && result.yearAgo) result.yearChangeTenths = changeInTenths(*k.value, *result.yearAgo);
    result.warnings = warningsAbout(*here, k.kpi->id);
    if (previous != nullptr) result.previousWarnings = warningsAbout(*previous, k.kpi->id);
    result.sector = benchmark.compare(k.kpi->id, "sector", k.value);
    if (!type.empty()) result.type = benchmark.compare(k.kpi->id, type, k.value);
    std::string nation = benchmark.nationOf(organisation);
    if (!nation.empty() && !result.type.disclosed) result.wider = benchmark.compare(k.kpi->id, nation, k.value);
    for (const auto& [p, r] : series) {
      result.trend.push_back({p.code(), _calculator.value(*k.kpi, r->measures, p), warningsAbout(*r, k.kpi->id)});
    }
    out.kpis.push_back(std::move(result));
  }
  return out;
}

Coverage ResultsService::coverage(const Period& period) {
  Coverage c;
  c.period = period.code();
  c.submitted = _store.currentForPeriod(period.code());
  std::set<std::string> seen;
  for (const SubmissionRecord& r : c.submitted) seen.insert(r.organisation);
  for (const Organisation& o : _registry.all()) {
    if (seen.count(o.code) == 0) c.missing.push_back(&o);
  }
  return c;
}

}  // namespace profkpi::engine

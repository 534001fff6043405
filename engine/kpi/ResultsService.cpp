#include "engine/kpi/ResultsService.h"

#include <algorithm>
#include <set>

namespace profkpi::engine {

std::int64_t changeInTenths(const Ratio& current, const Ratio& previous) {
  return current >= previous ? (current - previous).roundedTenths() : -(previous - current).roundedTenths();
}

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
  for (const auto& [p, r] : series) {
    if (p == period.previous()) previous = r;
  }
  std::optional<Scorecard> before;
  if (previous != nullptr) {
    before = _calculator.compute(previous->measures, period.previous());
    out.previousIndex = before->index;
  }

  std::string type = benchmark.typeOf(organisation);
  for (const KpiValue& k : out.scorecard.kpis) {
    KpiResult result;
    result.current = k;
    if (before) {
      if (const KpiValue* then = before->find(k.kpi->id)) result.previous = then->value;
    }
    if (k.value && result.previous) result.changeTenths = changeInTenths(*k.value, *result.previous);
    result.sector = benchmark.compare(k.kpi->id, "sector", k.value);
    if (!type.empty()) result.type = benchmark.compare(k.kpi->id, type, k.value);
    for (const auto& [p, r] : series) {
      result.trend.push_back({p.code(), _calculator.value(*k.kpi, r->measures, p)});
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

// What boards and CIOs read: an organisation's KPIs for a period with status,
// change since the previous period, trend and peer comparisons; and a period's
// collection coverage. Reads the store; thread-safe when the store is.
#ifndef PROFKPI_ENGINE_KPI_RESULTSSERVICE_H
#define PROFKPI_ENGINE_KPI_RESULTSSERVICE_H

#include "engine/kpi/PeerBenchmark.h"
#include "engine/ports/Store.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace profkpi::engine {

inline constexpr std::size_t TREND_LENGTH = 8;

struct TrendPoint {
  std::string period;
  std::optional<Ratio> value;
};

struct KpiResult {
  KpiValue current;
  std::optional<Ratio> previous;  // the previous period's value, when there is one
  std::optional<std::int64_t> changeTenths;  // current - previous, rounded to tenths
  PeerComparison sector;
  PeerComparison type;
  std::vector<TrendPoint> trend;  // oldest first: the submitted periods among the TREND_LENGTH ending with this one
};

struct OrganisationResults {
  const Organisation* organisation = nullptr;  // nullptr when not in the registry
  SubmissionRecord record;                     // the current submission
  Scorecard scorecard;
  std::optional<int> previousIndex;
  std::vector<KpiResult> kpis;                 // catalogue order
};

struct Coverage {
  std::string period;
  std::vector<SubmissionRecord> submitted;      // current submissions, by organisation
  std::vector<const Organisation*> missing;     // registry organisations without one (the chase list)
};

class ResultsService {
 public:
  // All references must outlive the service.
  ResultsService(Store& store, const KpiCalculator& calculator, const Registry& registry,
                 BenchmarkOptions options = {});

  // The peer benchmark of a period; build once and reuse for many organisations.
  PeerBenchmark benchmark(const Period& period);
  // Nothing when the organisation has no current submission for the period.
  std::optional<OrganisationResults> results(const std::string& organisation, const Period& period);
  std::optional<OrganisationResults> results(const std::string& organisation, const Period& period,
                                             const PeerBenchmark& benchmark);
  Coverage coverage(const Period& period);

  const KpiCalculator& calculator() const { return _calculator; }
  const Registry& registry() const { return _registry; }
  const BenchmarkOptions& options() const { return _options; }

 private:
  Store& _store;
  const KpiCalculator& _calculator;
  const Registry& _registry;
  BenchmarkOptions _options;
};

// current - previous in tenths, rounded half away from zero.
std::int64_t changeInTenths(const Ratio& current, const Ratio& previous);

}  // namespace profkpi::engine

#endif

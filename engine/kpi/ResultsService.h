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

// A data-quality warning raised about one KPI's value in one period (PQ101,
// PQ102): reports mark such values wherever they show them.
struct ValueWarning {
  std::string code;
  std::string message;
  bool explained = false;
  std::string explanation;  // the sender's text when explained
};

struct TrendPoint {
  std::string period;
  std::optional<Ratio> value;
  std::vector<ValueWarning> warnings;  // about this KPI in that period's submission
};

struct KpiResult {
  KpiValue current;
  std::optional<Ratio> previous;  // the previous period's value, when there is one
  // The shown (rounded) current value minus the shown previous one, in tenths,
  // so that a change always agrees with the two figures a reader sees.
  std::optional<std::int64_t> changeTenths;
  std::optional<Ratio> yearAgo;                  // the same period a year earlier (quarters only)
  std::optional<std::int64_t> yearChangeTenths;  // as changeTenths, against yearAgo
  std::vector<ValueWarning> warnings;            // about the current value
  std::vector<ValueWarning> previousWarnings;    // about the previous period's value
  PeerComparison sector;
  PeerComparison type;
  // The organisation's nation ("nation:W"), compared when the type is too small
  // to show (disclosure control) and the nation's group is large enough.
  PeerComparison wider;
  std::vector<TrendPoint> trend;  // oldest first: the submitted periods among the TREND_LENGTH ending with this one
};

struct OrganisationResults {
  const Organisation* organisation = nullptr;  // nullptr when not in the registry
  SubmissionRecord record;                     // the current submission
  Scorecard scorecard;
  bool previousSubmitted = false;              // the previous period has a submission
  std::optional<int> previousIndex;
  std::optional<int> yearAgoIndex;             // the same period a year earlier (quarters only)
  // The latest period before this one with a submission, when the previous
  // period itself had none (a missed return), and its index.
  std::string lastReturn;
  std::optional<int> lastReturnIndex;
  // Periods of the trend window without a submission, after the first one with
  // a submission (missed returns), oldest first.
  std::vector<std::string> missedReturns;
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

// The change between two values as the reports show them: each rounded to
// tenths (half away from zero) first, so the change agrees with the figures.
std::int64_t changeInTenths(const Ratio& current, const Ratio& previous);
// The same period a year earlier: four quarters back, or the previous year.
Period yearEarlier(const Period& period);

}  // namespace profkpi::engine

#endif

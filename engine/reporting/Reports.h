// The board and sector reports as plain data: everything a report shows,
// gathered once from the store and the results service so that the PDF and
// the HTML renderers (engine/reporting/ReportRenderer.h) say exactly the same things.
// Times are passed in, never read from a clock here: the same stored data and
// the same times give the same report. KPI definitions point into the
// catalogue, and organisations into the registry; both must outlive a report.
#ifndef PROFKPI_ENGINE_REPORTING_REPORTS_H
#define PROFKPI_ENGINE_REPORTING_REPORTS_H

#include "engine/kpi/PeerBenchmark.h"
#include "engine/kpi/ResultsService.h"
#include "engine/ports/Store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace profkpi::engine {

// What a board report says about one KPI beyond its result, so that every
// figure on a page can be checked against the others.
struct BoardKpi {
  // Progress towards the target, 0..1, as the index averages it
  // (KpiCalculator::attainment); absent without a value.
  std::optional<double> progress;
  // Progress as a whole percentage, rounded down so that it never reaches a
  // status threshold the value does not reach (79.9% of target is 79, not 80).
  std::optional<int> progressPercent;
  // Progress now minus progress in the previous period, in points (0..100
  // scale): the one unit in which KPIs' moves compare, and what moves the index.
  std::optional<double> progressChange;
  // The status the value shown (rounded to one decimal) would have; differs from
  // the status when rounding carries the figure across a threshold.
  Status shownStatus = Status::None;
  // The KPI's inputs from the submission, in hundredths (numerator over
  // denominator: "2 of 21 staff").
  std::int64_t numeratorHundredths = 0;
  std::int64_t denominatorHundredths = 0;
};

// One organisation, one period (issue 5, "Board report").
struct BoardReport {
  std::string organisationCode;
  std::string name;       // the registry's name; the sender's when not in the registry
  std::string welshName;  // the registry's Welsh name, or empty
  std::string type;       // the registry's type, or empty
  std::string period;     // "2009-10-Q2"
  std::string periodInWords;          // "July to September 2009 (Q2 2009/10)"
  std::string previousPeriod;         // "2009-10-Q1"
  std::string previousPeriodInWords;
  Instant generatedAt;
  // The latest acceptance among the submissions the report uses (the period's
  // current submissions and the organisation's trend).
  Instant dataCutOff;
  const Catalogue* catalogue = nullptr;  // never null in an assembled report
  std::size_t minimumGroupSize = BenchmarkOptions{}.minimumGroupSize;
  std::size_t sectorSubmissions = 0;  // organisations with a current submission for the period
  std::size_t typeSubmissions = 0;    // of those, of this organisation's type
  OrganisationResults results;        // scorecard, KPIs with peers and trend, the submission
  std::vector<BoardKpi> kpis;         // catalogue order, beside results.kpis
  std::size_t indexBasis = 0;         // KPIs with a value: what the index rests on
  std::string yearAgoPeriod;          // the same period a year earlier; empty for years
};

// One comparator group of one KPI in the sector report.
struct GroupDistribution {
  PeerComparison current;                    // group, size, disclosure, five numbers, rate
  std::optional<Ratio> previousRate;         // the group's rate in the previous period, when disclosed then
  std::optional<std::int64_t> rateChangeTenths;
};

struct SectorKpi {
  const KpiDefinition* kpi = nullptr;
  std::vector<GroupDistribution> groups;  // "sector" first, then each organisation type, sorted
  std::size_t green = 0, amber = 0, red = 0, noValue = 0;  // statuses of the period's submissions
};

struct LeagueEntry {
  int rank = 0;  // 1 = the highest index; equal indexes share a rank; 0 when no index
  std::string code;
  std::string name;
  std::string type;
  std::optional<int> index;
  std::optional<int> previousIndex;
  std::vector<Status> statuses;  // catalogue order
};

struct SubmittedEntry {
  std::string code;
  std::string name;
  std::string type;
  Instant receivedAt;
  std::string channel;
  int revision = 1;
  std::size_t warnings = 0;
  std::size_t explained = 0;  // warnings the sender explained
};

struct ChaseEntry {
  std::string code;
  std::string name;
  std::string type;
  std::string contact;
  std::string lastPeriod;  // the latest period the organisation did submit, or empty
};

struct TypeSummary {
  std::string type;
  std::size_t registered = 0;
  std::size_t submitted = 0;
  bool disclosed = false;            // submitted >= minimumGroupSize
  std::optional<double> medianIndex;  // when disclosed
};

// One period, every organisation (issue 5, "Sector report").
struct SectorReport {
  std::string period;
  std::string periodInWords;
  std::string previousPeriod;
  std::string previousPeriodInWords;
  Instant generatedAt;
  std::optional<Instant> dataCutOff;  // absent when nothing was submitted for either period
  const Catalogue* catalogue = nullptr;  // never null in an assembled report
  std::size_t minimumGroupSize = BenchmarkOptions{}.minimumGroupSize;
  std::size_t registered = 0;
  std::size_t previousSubmitted = 0;
  std::vector<SubmittedEntry> submitted;  // by organisation code
  std::vector<ChaseEntry> missing;        // the chase list, by organisation code
  std::vector<TypeSummary> types;         // every type in the registry or submitted, sorted
  std::vector<SectorKpi> kpis;            // catalogue order
  std::optional<double> medianIndex;      // over the period's submissions, when disclosed
  std::optional<double> previousMedianIndex;
  bool leagueDisclosed = false;           // submissions >= minimumGroupSize
  std::vector<LeagueEntry> league;        // by rank, then name; empty unless disclosed
};

class Reports {
 public:
  // Both must outlive this object. Not thread-safe beyond what they are.
  Reports(Store& store, ResultsService& results);

  // Nothing when the organisation has no current submission for the period.
  // `generatedAt` absent: the data cut-off, so that the report depends only on
  // the data. Throws StoreError.
  std::optional<BoardReport> board(const std::string& organisation, const Period& period,
                                   std::optional<Instant> generatedAt = std::nullopt);
  // The same with the period's peer statistics built once by the caller
  // (ResultsService::benchmark), for many organisations of one period: gives
  // the same report as the call above when `peers` is of the current data.
  std::optional<BoardReport> board(const std::string& organisation, const PeerBenchmark& peers,
                                   std::optional<Instant> generatedAt = std::nullopt);
  // `generatedAt` absent: the data cut-off, or the day after the period ends
  // when nothing was submitted. Throws StoreError.
  SectorReport sector(const Period& period, std::optional<Instant> generatedAt = std::nullopt);

 private:
  Store& _store;
  ResultsService& _results;
};

}  // namespace profkpi::engine

#endif

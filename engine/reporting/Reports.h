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
  // The language the report is written in: "en" or "cy" (issue 25). Set by
  // whoever asks for the report; renderers take every fixed word from it.
  std::string language = "en";
  std::string organisationCode;
  std::string name;       // the registry's name; the sender's when not in the registry
  std::string welshName;  // the registry's Welsh name, or empty
  std::string type;       // the registry's type, or empty
  std::string period;     // "2009-10-Q2"
  // "July to September 2009 (Q2 2009/10)": in English, whatever `language`
  // says; renderers word the period in the report's language at render time
  // (ReportText.h periodInWords).
  std::string periodInWords;
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
  // What the council asks its board to note (format 1.1), when its current
  // submission has BoardNotes; absent otherwise, and the report shows no box.
  std::optional<BoardNotes> boardNotes;
  // The day Actions' due dates are compared with: an Action due before it is
  // overdue. generatedAt's date in the UK, so the same data gives the same report.
  Date notesDay{};
};

// A data-quality warning behind a figure the sector report ranks or compares.
struct FigureWarning {
  std::string organisation;  // code
  std::string name;          // as LeagueEntry::name
  std::string period;        // of the submission that carries it
  std::string code;          // "PQ102"
  std::string kpi;           // "K5"; empty when about the whole submission
  std::string message;
  bool explained = false;
  std::string explanation;   // the sender's words, when explained
};

// One comparator group of one KPI in the sector report.
struct GroupDistribution {
  // Group, size, disclosure, five numbers, rate. `disclosed` also honours
  // differencing against the other groups shown (Disclosure.h): a group large
  // enough on its own may be withheld, and then has no distribution nor rate.
  PeerComparison current;
  std::size_t submitted = 0;   // organisations of the group that submitted for the period
  bool countDisclosed = false;  // whether `current.organisations` (with a value) may be shown
  std::optional<Ratio> previousRate;         // the group's rate in the previous period, when disclosed then
  std::optional<std::int64_t> rateChangeTenths;
};

struct SectorKpi {
  const KpiDefinition* kpi = nullptr;
  std::vector<GroupDistribution> groups;  // "sector" first, then each organisation type, sorted
  // Statuses of the period's submissions; shown only when SectorReport::statusesDisclosed.
  std::size_t green = 0, amber = 0, red = 0, noValue = 0;
  // This period's warnings about this KPI's values (the sector rate and
  // distribution include them); none unless statusesDisclosed.
  std::vector<FigureWarning> warnings;
};

struct LeagueEntry {
  // 1 = the highest index; equal indexes share a rank; 0 when no index or
  // when the index rests on fewer KPIs than the catalogue holds (not ranked).
  int rank = 0;
  std::string code;
  std::string name;
  std::string welshName;  // as submitted or in the registry, when it differs from `name`; else empty
  std::string type;
  std::optional<int> index;
  std::optional<int> previousIndex;
  std::size_t kpisWithValue = 0;  // the KPIs the index rests on, of the catalogue's
  std::vector<Status> statuses;   // catalogue order
  // The period's warnings of this organisation, then the previous period's
  // warnings about a KPI (the index change rests on both).
  std::vector<FigureWarning> warnings;
};

struct SubmittedEntry {
  std::string code;
  std::string name;
  std::string welshName;  // as LeagueEntry::welshName
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
  std::string welshName;  // the registry's, or empty
  std::string type;
  std::string contact;
  std::string lastPeriod;  // the latest period the organisation did submit, or empty
};

struct TypeSummary {
  std::string type;
  std::size_t registered = 0;
  std::size_t submitted = 0;
  std::size_t completeIndexes = 0;    // submissions with an index on every KPI of the catalogue
  bool disclosed = false;             // the median may be shown (Disclosure.h, over complete indexes)
  std::optional<double> medianIndex;  // of the complete indexes, when disclosed
};

// One period, every organisation (issue 5, "Sector report").
struct SectorReport {
  std::string language = "en";  // as BoardReport::language
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
  // Counts by status (per KPI, and targets met overall) may be shown: the
  // period's submissions are at least minimumGroupSize.
  bool statusesDisclosed = false;
  // The median index is of complete indexes only (on every KPI of the
  // catalogue), as the league ranks them; shown when they are enough.
  std::size_t completeIndexes = 0;
  std::size_t partialIndexes = 0;         // indexes on fewer KPIs, left out of the median
  std::optional<double> medianIndex;
  std::optional<double> previousMedianIndex;
  bool leagueDisclosed = false;           // submissions >= minimumGroupSize
  std::vector<LeagueEntry> league;        // complete indexes by rank, then name; empty unless disclosed
  // Indexes on fewer KPIs than the catalogue holds and submissions without an
  // index: not ranked; by index (highest first), then name. Empty unless disclosed.
  std::vector<LeagueEntry> unranked;
  std::vector<FigureWarning> warnings;    // every warning the report marks, by organisation, period, code
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

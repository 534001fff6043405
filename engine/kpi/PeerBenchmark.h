// Peer statistics for one period, computed once from the current submissions of
// every organisation and then asked about any organisation (so a run over all
// organisations costs one pass, not one per organisation). Two comparator
// groups: the whole sector, and organisations of the same type; and the
// organisation's nation, the wider group shown when its type is too small. Disclosure
// control: a group with fewer than `minimumGroupSize` values shows no
// distribution, rank or quartile, and nothing names another organisation.
// Immutable once built; safe to share across threads.
#ifndef PROFKPI_ENGINE_KPI_PEERBENCHMARK_H
#define PROFKPI_ENGINE_KPI_PEERBENCHMARK_H

#include "engine/kpi/KpiCalculator.h"
#include "engine/kpi/Quartiles.h"
#include "engine/model/Registry.h"
#include "engine/model/SubmissionRecord.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace profkpi::engine {

// Every field: meaning and default.
struct BenchmarkOptions {
  // Smallest comparator group whose distribution may be shown. Default 5.
  std::size_t minimumGroupSize = 5;
};

// One KPI of one organisation against one comparator group.
struct PeerComparison {
  std::string group;          // "sector", or the organisation type
  std::size_t organisations = 0;  // in the group with a value for this KPI
  bool disclosed = false;     // organisations >= minimumGroupSize
  std::optional<FiveNumbers> distribution;  // when disclosed
  std::optional<Ratio> groupRate;           // sum of numerators / sum of denominators, scaled; when disclosed
  std::optional<int> rank;      // 1 = best; ties share a rank; when disclosed and valued
  std::optional<int> quartile;  // 1 = top (best) quarter .. 4 = bottom; when disclosed and valued
};

class PeerBenchmark {
 public:
  // `calculator` and `registry` must outlive the benchmark. Records of
  // organisations not in the registry count in the sector group only.
  PeerBenchmark(const KpiCalculator& calculator, const Registry& registry, const Period& period,
                const std::vector<SubmissionRecord>& current, BenchmarkOptions options = {});

  // `value` is the organisation's own (absent when n/a). Group "sector" or a type.
  PeerComparison compare(const std::string& kpiId, const std::string& group, const std::optional<Ratio>& value) const;
  // The organisation's type in the registry, or empty.
  std::string typeOf(const std::string& organisation) const;
  // The organisation's nation as a group ("nation:W", from its GSS code), for
  // a comparison wider than the type; empty when not in the registry.
  std::string nationOf(const std::string& organisation) const;
  // Types with at least one submission, sorted.
  std::vector<std::string> types() const;

  const Period& period() const { return _period; }
  std::size_t submissions() const { return _submissions; }
  // Of those, from organisations of this type (empty: none).
  std::size_t submissionsOfType(const std::string& type) const;
  // The latest acceptance among the submissions the statistics come from
  // (part of every report's data cut-off); absent when there were none.
  const std::optional<Instant>& latestAcceptance() const { return _latestAcceptance; }
  const BenchmarkOptions& options() const { return _options; }

 private:
  struct Group {
    std::vector<Ratio> sorted;  // values ascending, exact: for the distribution and ranks
    __int128 numerator = 0;      // in hundredths
    __int128 denominator = 0;
  };
  using Key = std::pair<std::string, std::string>;  // (kpi, group)

  const KpiCalculator& _calculator;
  const Registry& _registry;
  Period _period;
  BenchmarkOptions _options;
  std::size_t _submissions = 0;
  std::map<std::string, std::size_t> _submissionsByType;
  std::optional<Instant> _latestAcceptance;
  std::map<Key, Group> _groups;
};

}  // namespace profkpi::engine

#endif

#include "engine/kpi/PeerBenchmark.h"

#include <algorithm>
#include <set>

namespace profkpi::engine {

namespace {
const std::string SECTOR = "sector";
const std::string NATION_PREFIX = "nation:";
}  // namespace

PeerBenchmark::PeerBenchmark(const KpiCalculator& calculator, const Registry& registry, const Period& period,
                             const std::vector<SubmissionRecord>& current, BenchmarkOptions options)
    : _calculator(calculator), _registry(registry), _period(period), _options(options) {
  for (const SubmissionRecord& record : current) {
    ++_submissions;
    if (!_latestAcceptance || *_latestAcceptance < record.receivedAt) _latestAcceptance = record.receivedAt;
    std::string type = typeOf(record.organisation);
    std::string nation = nationOf(record.organisation);
    if (!type.empty()) ++_submissionsByType[type];
    for (const KpiDefinition& kpi : calculator.catalogue().kpis()) {
      auto value = calculator.value(kpi, record.measures, period);
      if (!value) continue;
      for (const std::string* group : std::initializer_list<const std::string*>{&SECTOR, &type, &nation}) {
        if (group->empty()) continue;
        Group& g = _groups[{kpi.id, *group}];
        g.sorted.push_back(*value);
        g.numerator += record.measures.hundredths(kpi.numerator);
        g.denominator += record.measures.hundredths(kpi.denominator);
      }
    }
  }
  for (auto& [key, group] : _groups) std::sort(group.sorted.begin(), group.sorted.end());
}

std::string PeerBenchmark::typeOf(const std::string& organisation) const {
  const Organisation* o = _registry.find(organisation);
  return o == nullptr ? std::string() : o->type;
}

std::string PeerBenchmark::nationOf(const std::string& organisation) const {
  // GSS codes start with the nation: E England, W Wales, S Scotland, N Northern Ireland.
  const Organisation* o = _registry.find(organisation);
  if (o == nullptr || o->code.empty() || std::string("EWSN").find(o->code[0]) == std::string::npos) return {};
  return NATION_PREFIX + o->code[0];
}

std::size_t PeerBenchmark::submissionsOfType(const std::string& type) const {
  auto found = _submissionsByType.find(type);
  return found == _submissionsByType.end() ? 0 : found->second;
}

std::vector<std::string> PeerBenchmark::types() const {
  std::set<std::string> types;
  for (const auto& [key, group] : _groups) {
    if (key.second != SECTOR && key.second.rfind(NATION_PREFIX, 0) != 0) types.insert(key.second);
  }
  return {types.begin(), types.end()};
}

PeerComparison PeerBenchmark::compare(const std::string& kpiId, const std::string& group,
                                      const std::optional<Ratio>& value) const {
  PeerComparison c;
  c.group = group;
  auto it = _groups.find({kpiId, group});
  const KpiDefinition* kpi = _calculator.catalogue().find(kpiId);
  if (it == _groups.end() || kpi == nullptr) return c;
  const Group& g = it->second;
  c.organisations = g.sorted.size();
  c.disclosed = c.organisations >= _options.minimumGroupSize && c.organisations > 0;
  if (!c.disclosed) return c;

  FiveNumbers f = summarise(g.sorted);
  c.distribution = f;
  if (g.denominator > 0) {
    c.groupRate = kpi->scaling == Scaling::Percent ? Ratio(g.numerator * 100, g.denominator)
                                                   : Ratio(g.numerator * 12, g.denominator * _period.months());
  }
  if (!value) return c;

  bool higherIsBetter = kpi->direction == Direction::HigherIsBetter;
  // Rank 1 is the best; organisations with the same value share a rank.
  auto first = g.sorted.begin();
  auto last = g.sorted.end();
  auto better = static_cast<std::size_t>(higherIsBetter ? last - std::upper_bound(first, last, *value)
                                                        : std::lower_bound(first, last, *value) - first);
  double v = value->toDouble();
  c.rank = static_cast<int>(better) + 1;
  if (higherIsBetter) {
    c.quartile = v >= f.upperQuartile ? 1 : v >= f.median ? 2 : v >= f.lowerQuartile ? 3 : 4;
  } else {
    c.quartile = v <= f.lowerQuartile ? 1 : v <= f.median ? 2 : v <= f.upperQuartile ? 3 : 4;
  }
  return c;
}

}  // namespace profkpi::engine

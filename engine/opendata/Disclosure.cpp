#include "engine/opendata/Disclosure.h"

#include <algorithm>

namespace profkpi::engine {

namespace {

// One type's organisations that submitted, and how many of them have a value.
struct TypeCount {
  std::size_t submitted = 0;
  std::size_t valued = 0;
};

}  // namespace

Disclosure::Disclosure(const KpiCalculator& calculator, const PeerBenchmark& peers,
                       const std::vector<SubmissionRecord>& current) {
  const std::size_t minimum = peers.options().minimumGroupSize;
  for (const KpiDefinition& kpi : calculator.catalogue().kpis()) {
    std::map<std::string, TypeCount> types;  // "" holds the organisations outside the registry
    for (const SubmissionRecord& record : current) {
      TypeCount& count = types[peers.typeOf(record.organisation)];
      ++count.submitted;
      if (calculator.value(kpi, record.measures, peers.period())) ++count.valued;
    }
    std::vector<std::string> shown;
    TypeCount withheld;
    for (const auto& [type, count] : types) {
      if (!type.empty() && peers.compare(kpi.id, type, std::nullopt).disclosed) {
        shown.push_back(type);
      } else {
        withheld.submitted += count.submitted;
        withheld.valued += count.valued;
      }
    }
    // Complementary suppression: the smallest shown types join the withheld
    // until the sector's figures less the shown ones describe enough organisations.
    std::sort(shown.begin(), shown.end(), [&](const std::string& a, const std::string& b) {
      return types[a].valued != types[b].valued ? types[a].valued < types[b].valued : a < b;
    });
    std::size_t next = 0;
    while (withheld.submitted > 0 && withheld.valued < minimum && next < shown.size()) {
      withheld.submitted += types[shown[next]].submitted;
      withheld.valued += types[shown[next]].valued;
      ++next;
    }
    shown.erase(shown.begin(), shown.begin() + static_cast<std::ptrdiff_t>(next));
    for (const std::string& type : shown) _shownTypes.emplace(type, kpi.id);

    bool differenceSafe = withheld.submitted == 0 || withheld.valued >= minimum;
    if (differenceSafe && peers.compare(kpi.id, "sector", std::nullopt).disclosed) _shownSectors.insert(kpi.id);
    for (const SubmissionRecord& record : current) {
      if (_shownTypes.count({peers.typeOf(record.organisation), kpi.id}) != 0) continue;
      _withheldFigures.emplace(record.organisation, kpi.id);
      _withheldIndex.insert(record.organisation);
    }
  }
}

bool Disclosure::figuresShown(const std::string& organisation, const std::string& kpi) const {
  return _withheldFigures.count({organisation, kpi}) == 0;
}

bool Disclosure::sectorShown(const std::string& kpi) const { return _shownSectors.count(kpi) != 0; }

bool Disclosure::typeShown(const std::string& type, const std::string& kpi) const {
  return _shownTypes.count({type, kpi}) != 0;
}

bool Disclosure::indexShown(const std::string& organisation) const { return _withheldIndex.count(organisation) == 0; }

}  // namespace profkpi::engine

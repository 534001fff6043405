#include "engine/nightly/SnapshotStore.h"

#include <algorithm>

namespace profkpi::engine {

SnapshotStore::SnapshotStore(Store& store) : _store(store), _periods(store.periods()) {
  for (const std::string& period : _periods) {
    std::vector<SubmissionRecord> current = _store.currentForPeriod(period);
    _all.insert(_all.end(), std::make_move_iterator(current.begin()), std::make_move_iterator(current.end()));
  }
  for (std::size_t i = 0; i < _all.size(); ++i) {
    _byPeriod[_all[i].period].push_back(i);
    _byOrganisation[_all[i].organisation].push_back(i);
  }
  for (auto& [organisation, indexes] : _byOrganisation) {
    std::sort(indexes.begin(), indexes.end(),
              [&](std::size_t a, std::size_t b) { return _all[a].sequence < _all[b].sequence; });
  }
}

std::optional<SubmissionRecord> SnapshotStore::current(const std::string& organisation, const std::string& period) {
  auto found = _byOrganisation.find(organisation);
  if (found == _byOrganisation.end()) return std::nullopt;
  for (std::size_t i : found->second) {
    if (_all[i].period == period) return _all[i];
  }
  return std::nullopt;
}

std::vector<SubmissionRecord> SnapshotStore::currentForPeriod(const std::string& period) {
  std::vector<SubmissionRecord> records;
  auto found = _byPeriod.find(period);
  if (found == _byPeriod.end()) return records;
  records.reserve(found->second.size());
  for (std::size_t i : found->second) records.push_back(_all[i]);
  return records;
}

std::vector<SubmissionRecord> SnapshotStore::currentForOrganisation(const std::string& organisation) {
  std::vector<SubmissionRecord> records;
  auto found = _byOrganisation.find(organisation);
  if (found == _byOrganisation.end()) return records;
  for (std::size_t i : found->second) records.push_back(_all[i]);
  return records;
}

}  // namespace profkpi::engine

// The run ledger and delivery log ports in memory, for engine tests. The lease
// expires by a clock the test controls. Not thread-safe; several schedulers
// (standing for several processes) may share one, polled in turn.
#ifndef PROFKPI_TESTS_FAKES_MEMORYRUNLEDGER_H
#define PROFKPI_TESTS_FAKES_MEMORYRUNLEDGER_H

#include "engine/nightly/DeliveryLog.h"
#include "engine/nightly/RunLedger.h"
#include "engine/ports/Clock.h"

#include <algorithm>
#include <map>

namespace profkpi::tests {

class MemoryRunLedger final : public engine::RunLedger {
 public:
  // `clock` judges lease expiry; it must outlive the ledger.
  explicit MemoryRunLedger(const engine::Clock& clock) : _clock(clock) {}

  bool acquireLease(const std::string& holder, std::chrono::seconds ttl) override {
    engine::Instant now = _clock.now();
    if (_lease && _lease->holder != holder && _lease->expires > now) return false;
    if (!_lease || _lease->holder != holder) _lease = engine::LeaseHolder{holder, now, now};
    _lease->expires = now + ttl;
    ++leaseAcquisitions;
    return true;
  }
  std::optional<engine::LeaseHolder> leaseHolder() override {
    if (_lease && _lease->expires > _clock.now()) return _lease;
    return std::nullopt;
  }
  void releaseLease(const std::string& holder) override {
    if (_lease && _lease->holder == holder) _lease.reset();
  }

  std::int64_t beginRun(const engine::RunRecord& run) override {
    runs.push_back(run);
    runs.back().id = static_cast<std::int64_t>(runs.size());
    return runs.back().id;
  }
  void addItem(std::int64_t runId, const engine::RunItem& item) override { itemsByRun[runId].push_back(item); }
  void finishRun(const engine::RunRecord& run) override { runs.at(static_cast<std::size_t>(run.id - 1)) = run; }
  std::optional<engine::Date> lastServedDay() override {
    std::optional<engine::Date> last;
    for (const auto& r : runs) {
      bool counts = r.outcome == engine::RunOutcome::Succeeded || r.outcome == engine::RunOutcome::Failed ||
                    r.outcome == engine::RunOutcome::Armed;
      if (r.trigger == engine::RunTrigger::Schedule && r.servedDay && counts && (!last || *r.servedDay > *last)) {
        last = r.servedDay;
      }
    }
    return last;
  }
  std::vector<engine::RunRecord> recentRuns(std::size_t limit) override {
    std::vector<engine::RunRecord> recent(runs.rbegin(), runs.rend());
    if (recent.size() > limit) recent.resize(limit);
    return recent;
  }
  std::vector<engine::RunItem> items(std::int64_t runId) override { return itemsByRun[runId]; }
  std::vector<engine::RunItem> mailItems(const engine::MailItemQuery& query) override {
    std::vector<engine::RunItem> found;
    for (const auto& [id, items] : itemsByRun) {
      for (const engine::RunItem& item : items) {
        if (!engine::isMailAttempt(item)) continue;
        if (!query.organisation.empty() && item.organisation != query.organisation) continue;
        if (!query.period.empty() && item.period != query.period) continue;
        if (query.since && item.at < *query.since) continue;
        found.push_back(item);
      }
    }
    return found;
  }

  // Runs, not Armed markers.
  std::vector<engine::RunRecord> realRuns() const {
    std::vector<engine::RunRecord> real;
    for (const auto& r : runs) {
      if (r.outcome != engine::RunOutcome::Armed) real.push_back(r);
    }
    return real;
  }

  std::vector<engine::RunRecord> runs;
  std::map<std::int64_t, std::vector<engine::RunItem>> itemsByRun;
  int leaseAcquisitions = 0;

 private:
  const engine::Clock& _clock;
  std::optional<engine::LeaseHolder> _lease;
};

class MemoryDeliveryLog final : public engine::DeliveryLog {
 public:
  std::vector<engine::DeliveryState> deliveries() override {
    std::vector<engine::DeliveryState> all;
    for (const auto& [org, state] : byOrganisation) all.push_back(state);
    return all;
  }
  void saveDelivery(const engine::DeliveryState& state) override { byOrganisation[state.organisation] = state; }
  std::vector<engine::SectorState> sectorReports() override {
    std::vector<engine::SectorState> all;
    for (const auto& [period, state] : byPeriod) all.push_back(state);
    return all;
  }
  void saveSectorReport(const engine::SectorState& state) override { byPeriod[state.period] = state; }

  std::map<std::string, engine::DeliveryState> byOrganisation;
  std::map<std::string, engine::SectorState> byPeriod;
};

}  // namespace profkpi::tests

#endif

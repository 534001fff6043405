// The nightly run's lease and history (engine/nightly/RunLedger.h) in the store's
// database, on the store's session pool. The lease is a row with an expiry
// judged by the database server's clock, so processes on several hosts sharing
// one PostgreSQL store agree on it; taking it is serialised by BEGIN IMMEDIATE
// on SQLite and an advisory lock on PostgreSQL. Thread-safe.
#ifndef PROFKPI_ADAPTERS_STORE_SQLRUNLEDGER_H
#define PROFKPI_ADAPTERS_STORE_SQLRUNLEDGER_H

#include "adapters/store/SqlStore.h"
#include "engine/nightly/RunLedger.h"

namespace profkpi::adapters::store {

class SqlRunLedger final : public engine::RunLedger {
 public:
  // `store` (migrated: it holds the tables) must outlive the ledger.
  explicit SqlRunLedger(SqlStore& store) : _store(store) {}

  bool acquireLease(const std::string& holder, std::chrono::seconds ttl) override;
  std::optional<engine::LeaseHolder> leaseHolder() override;
  void releaseLease(const std::string& holder) override;

  std::int64_t beginRun(const engine::RunRecord& run) override;
  void addItem(std::int64_t runId, const engine::RunItem& item) override;
  void addItems(std::int64_t runId, const std::vector<engine::RunItem>& items) override;
  void finishRun(const engine::RunRecord& run) override;
  std::optional<engine::Date> lastServedDay() override;
  std::vector<engine::RunRecord> recentRuns(std::size_t limit) override;
  std::vector<engine::RunItem> items(std::int64_t runId) override;
  std::vector<engine::RunItem> mailItems(const engine::MailItemQuery& query) override;

 private:
  // The database server's clock, in milliseconds since the epoch.
  std::int64_t serverMillis(Poco::Data::Session& session);

  SqlStore& _store;
};

}  // namespace profkpi::adapters::store

#endif

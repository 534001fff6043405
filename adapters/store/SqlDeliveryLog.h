// Where each board and sector report stands (engine/nightly/DeliveryLog.h), in the
// store's database on the store's session pool. Thread-safe.
#ifndef PROFKPI_ADAPTERS_STORE_SQLDELIVERYLOG_H
#define PROFKPI_ADAPTERS_STORE_SQLDELIVERYLOG_H

#include "adapters/store/SqlStore.h"
#include "engine/nightly/DeliveryLog.h"

namespace profkpi::adapters::store {

class SqlDeliveryLog final : public engine::DeliveryLog {
 public:
  // `store` (migrated: it holds the tables) must outlive the log.
  explicit SqlDeliveryLog(SqlStore& store) : _store(store) {}

  std::vector<engine::DeliveryState> deliveries() override;
  void saveDelivery(const engine::DeliveryState& state) override;
  void saveDeliveries(const std::vector<engine::DeliveryState>& states) override;
  std::vector<engine::SectorState> sectorReports() override;
  void saveSectorReport(const engine::SectorState& state) override;

 private:
  SqlStore& _store;
};

}  // namespace profkpi::adapters::store

#endif

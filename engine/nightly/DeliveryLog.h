// Where each organisation's board report and each period's sector report
// stand: which data they were rendered from, where they were archived, and
// whether the board report has reached the organisation. What lets a nightly
// run over unchanged data do nothing, and a failed mail go out on the next run.
// Implementations must be thread-safe and durable; failures throw StoreError.
#ifndef PROFKPI_ENGINE_NIGHTLY_DELIVERYLOG_H
#define PROFKPI_ENGINE_NIGHTLY_DELIVERYLOG_H

#include "engine/common/Time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace profkpi::engine {

enum class DeliveryStatus {
  Pending,    // archived; the mail has not gone yet (not tried, or failed for now)
  Delivered,  // archived and accepted by the mail system
  Refused,    // the mail system refused it for good; not tried again for this data
  Abandoned,  // failed for now on too many runs; not tried again for this data
  Unmailed,   // archived only: no mail configured, or no contact address
  Sending,    // being handed to the mail system; left so by a run that ended then: possibly sent
};

// "pending", "delivered", "refused", "abandoned", "unmailed", "sending"; and back (nothing for other text).
const char* deliveryStatusName(DeliveryStatus status);
std::optional<DeliveryStatus> deliveryStatusFromName(std::string_view name);

struct DeliveryState {
  std::string organisation;
  std::string period;              // the period of the board report (the organisation's latest)
  std::int64_t dataSequence = 0;   // the latest acceptance among the organisation's current submissions
  // In the archive, within the period; one per language the organisation asks
  // for, separated by a space, in its order ("W06000001.cy.pdf W06000001.pdf").
  std::string fileName;
  std::string sha256;              // of the first archived document (its first language)
  DeliveryStatus status = DeliveryStatus::Pending;
  int attempts = 0;                // runs on which the mail failed for now
  std::string lastError;
  Instant updatedAt;
  std::optional<Instant> deliveredAt;
};

struct SectorState {
  std::string period;
  std::int64_t dataSequence = 0;  // the latest acceptance among the period's current submissions
  std::string fileName;           // as DeliveryState's: "sector.pdf", or "sector.pdf sector.cy.pdf"
  std::string sha256;             // of the first (English) document
  Instant renderedAt;
};

class DeliveryLog {
 public:
  DeliveryLog() = default;
  DeliveryLog(const DeliveryLog&) = delete;
  DeliveryLog& operator=(const DeliveryLog&) = delete;
  virtual ~DeliveryLog() = default;

  // Every organisation's latest state, by organisation.
  virtual std::vector<DeliveryState> deliveries() = 0;
  // Inserts or replaces the organisation's state.
  virtual void saveDelivery(const DeliveryState& state) = 0;
  // Saves several states at once, atomically where the back end can (one
  // commit for many documents of a nightly run). By default, one by one.
  virtual void saveDeliveries(const std::vector<DeliveryState>& states) {
    for (const DeliveryState& state : states) saveDelivery(state);
  }
  // Every period's latest sector report, by period.
  virtual std::vector<SectorState> sectorReports() = 0;
  // Inserts or replaces the period's state.
  virtual void saveSectorReport(const SectorState& state) = 0;
};

}  // namespace profkpi::engine

#endif

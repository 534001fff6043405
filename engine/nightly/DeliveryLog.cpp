#include "engine/nightly/DeliveryLog.h"

#include <array>
#include <utility>

namespace profkpi::engine {

namespace {

constexpr std::array<std::pair<DeliveryStatus, const char*>, 6> STATUSES{{
    {DeliveryStatus::Pending, "pending"},
    {DeliveryStatus::Delivered, "delivered"},
    {DeliveryStatus::Refused, "refused"},
    {DeliveryStatus::Abandoned, "abandoned"},
    {DeliveryStatus::Unmailed, "unmailed"},
    {DeliveryStatus::Sending, "sending"},
}};

}  // namespace

const char* deliveryStatusName(DeliveryStatus status) {
  for (const auto& [value, name] : STATUSES) {
    if (value == status) return name;
  }
  return "pending";
}

std::optional<DeliveryStatus> deliveryStatusFromName(std::string_view name) {
  for (const auto& [value, text] : STATUSES) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace profkpi::engine

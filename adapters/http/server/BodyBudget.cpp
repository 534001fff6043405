#include "adapters/http/server/BodyBudget.h"

namespace profkpi::adapters::http {

bool BodyBudget::tryTake(std::int64_t bytes) {
  std::lock_guard<std::mutex> lock(_mutex);
  if (_inUse > 0 && _inUse + bytes > _capacity) return false;
  _inUse += bytes;
  return true;
}

void BodyBudget::giveBack(std::int64_t bytes) {
  std::lock_guard<std::mutex> lock(_mutex);
  _inUse -= bytes;
}

std::int64_t BodyBudget::inUse() const {
  std::lock_guard<std::mutex> lock(_mutex);
  return _inUse;
}

bool BodyLease::growTo(std::int64_t total) {
  if (total <= _bytes) return true;
  if (!_budget->tryTake(total - _bytes)) return false;
  _bytes = total;
  return true;
}

void BodyLease::release() {
  if (_budget != nullptr && _bytes > 0) _budget->giveBack(_bytes);
  _bytes = 0;
}

}  // namespace profkpi::adapters::http

#include "adapters/auth/FailureLimiter.h"

namespace profkpi::adapters::auth {

long FailureLimiter::blockedFor(const std::string& address) {
  std::lock_guard<std::mutex> lock(_mutex);
  auto it = _entries.find(address);
  if (it == _entries.end()) return 0;
  auto elapsed = _clock.now() - it->second.windowStart;
  if (elapsed >= _limits.window) {
    _entries.erase(it);
    return 0;
  }
  if (it->second.failures < _limits.maxFailures) return 0;
  return std::chrono::duration_cast<std::chrono::seconds>(_limits.window - elapsed).count() + 1;
}

void FailureLimiter::recordFailure(const std::string& address) {
  std::lock_guard<std::mutex> lock(_mutex);
  engine::Instant now = _clock.now();
  auto it = _entries.find(address);
  if (it == _entries.end() || now - it->second.windowStart >= _limits.window) {
    if (_entries.size() >= _limits.maxAddresses) {
      // Forget the address whose window started first.
      auto oldest = _entries.begin();
      for (auto e = _entries.begin(); e != _entries.end(); ++e) {
        if (e->second.windowStart < oldest->second.windowStart) oldest = e;
      }
      _entries.erase(oldest);
    }
    _entries[address] = Entry{1, now};
    return;
  }
  ++it->second.failures;
}

void FailureLimiter::recordSuccess(const std::string& address) {
  std::lock_guard<std::mutex> lock(_mutex);
  _entries.erase(address);
}

}  // namespace profkpi::adapters::auth

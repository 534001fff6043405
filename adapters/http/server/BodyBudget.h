// The memory all request bodies held at once may take (http.maxBufferedBodyBytes).
// A request takes its share before its body is read and gives it back when its
// handler has finished; past the budget a request waits (its socket unread, so
// the client is slowed by TCP itself) or is refused. Thread-safe.
#ifndef PROFKPI_ADAPTERS_HTTP_SERVER_BODYBUDGET_H
#define PROFKPI_ADAPTERS_HTTP_SERVER_BODYBUDGET_H

#include <cstdint>
#include <mutex>

namespace profkpi::adapters::http {

class BodyBudget {
 public:
  explicit BodyBudget(std::int64_t capacity) : _capacity(capacity) {}

  // Takes `bytes` when they fit, or when nothing else is taken (so one body
  // larger than the whole budget is still served, alone).
  bool tryTake(std::int64_t bytes);
  void giveBack(std::int64_t bytes);
  std::int64_t inUse() const;

 private:
  const std::int64_t _capacity;
  mutable std::mutex _mutex;
  std::int64_t _inUse = 0;
};

// A share of the budget, given back when the lease is destroyed.
class BodyLease {
 public:
  BodyLease() = default;
  explicit BodyLease(BodyBudget& budget) : _budget(&budget) {}
  BodyLease(const BodyLease&) = delete;
  BodyLease& operator=(const BodyLease&) = delete;
  ~BodyLease() { release(); }

  // Grows the share to `total` bytes; false (and unchanged) when the budget has no room.
  bool growTo(std::int64_t total);
  void release();
  std::int64_t size() const { return _bytes; }

 private:
  BodyBudget* _budget = nullptr;
  std::int64_t _bytes = 0;
};

}  // namespace profkpi::adapters::http

#endif

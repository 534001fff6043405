// A word threads can sleep on until it changes: Linux's futex, which C++20
// offers as std::atomic::wait. The group commit's callers sleep on one so that,
// once their batch is announced, they return without taking the queue's mutex
// again (a condition variable made each of them take it, all at once, and
// most of them then slept again on the mutex). Thread-safe.
#ifndef PROFKPI_ADAPTERS_STORE_FUTEXWORD_H
#define PROFKPI_ADAPTERS_STORE_FUTEXWORD_H

#include <atomic>
#include <cstdint>

namespace profkpi::adapters::store {

class FutexWord {
 public:
  std::uint32_t value() const { return _value.load(std::memory_order_acquire); }
  // Changes the value; sleepers wake only when woken (wakeOne, wakeAll).
  void bump() { _value.fetch_add(1, std::memory_order_acq_rel); }
  // Sleeps unless the value is no longer `seen`; may also return for no
  // reason, so callers check what they wait for and call again.
  void waitWhile(std::uint32_t seen);
  void wakeOne();
  void wakeAll();

 private:
  std::atomic<std::uint32_t> _value{0};
  static_assert(std::atomic<std::uint32_t>::is_always_lock_free && sizeof(std::atomic<std::uint32_t>) == 4,
                "the futex is the atomic's own four bytes");
};

}  // namespace profkpi::adapters::store

#endif

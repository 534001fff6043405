#include "adapters/store/FutexWord.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <climits>

namespace profkpi::adapters::store {

namespace {

// Private: the word is never shared with another process. Errors need no
// handling: EAGAIN (the value had changed) and EINTR are early returns, which
// every caller tolerates.
void futex(std::atomic<std::uint32_t>& word, int operation, std::uint32_t value) {
  syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&word), operation | FUTEX_PRIVATE_FLAG, value, nullptr,
          nullptr, 0);
}

}  // namespace

void FutexWord::waitWhile(std::uint32_t seen) {
  if (value() == seen) futex(_value, FUTEX_WAIT, seen);
}

void FutexWord::wakeOne() { futex(_value, FUTEX_WAKE, 1); }

void FutexWord::wakeAll() { futex(_value, FUTEX_WAKE, INT_MAX); }

}  // namespace profkpi::adapters::store

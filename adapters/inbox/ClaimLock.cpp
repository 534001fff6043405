#include "adapters/inbox/ClaimLock.h"

#include "engine/ports/Errors.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace profkpi::adapters::inbox {

std::optional<ClaimLock> ClaimLock::take(const std::string& path, std::chrono::milliseconds wait) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0640);
  if (fd < 0) throw engine::StoreError("inbox: cannot open the claim lock " + path + ": " + std::strerror(errno));
  ClaimLock lock(fd);
  const auto until = std::chrono::steady_clock::now() + wait;
  for (;;) {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return lock;
    if (errno != EWOULDBLOCK && errno != EINTR) {
      throw engine::StoreError("inbox: cannot lock " + path + ": " + std::strerror(errno));
    }
    if (std::chrono::steady_clock::now() >= until) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

ClaimLock::ClaimLock(ClaimLock&& other) noexcept : _fd(other._fd) { other._fd = -1; }

ClaimLock& ClaimLock::operator=(ClaimLock&& other) noexcept {
  if (this != &other) {
    if (_fd >= 0) ::close(_fd);
    _fd = other._fd;
    other._fd = -1;
  }
  return *this;
}

// Closing the only descriptor of the open file releases its flock.
ClaimLock::~ClaimLock() {
  if (_fd >= 0) ::close(_fd);
}

}  // namespace profkpi::adapters::inbox

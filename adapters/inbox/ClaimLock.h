// An instance's hold on its claim folder in a shared inbox: an exclusive
// flock(2) on a lock file, kept open for as long as the instance watches the
// inbox. The kernel drops it when the process ends, however it ends (on NFS the
// client's lock manager does, when the host or the mount goes away), so a peer
// that can take a claim folder's lock knows its owner is gone and may adopt
// the files it had claimed but not finished.
#ifndef PROFKPI_ADAPTERS_INBOX_CLAIMLOCK_H
#define PROFKPI_ADAPTERS_INBOX_CLAIMLOCK_H

#include <chrono>
#include <optional>
#include <string>

namespace profkpi::adapters::inbox {

class ClaimLock {
 public:
  // Takes the lock on `path` (created when missing), trying for up to `wait`;
  // none when another process holds it all that time. Throws
  // engine::StoreError when the file cannot be opened or locked at all.
  static std::optional<ClaimLock> take(const std::string& path, std::chrono::milliseconds wait);

  ClaimLock(ClaimLock&& other) noexcept;
  ClaimLock& operator=(ClaimLock&& other) noexcept;
  ClaimLock(const ClaimLock&) = delete;
  ClaimLock& operator=(const ClaimLock&) = delete;
  // Releases the lock.
  ~ClaimLock();

 private:
  explicit ClaimLock(int fd) : _fd(fd) {}

  int _fd = -1;
};

}  // namespace profkpi::adapters::inbox

#endif

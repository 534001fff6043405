#include "reports/AtomicFile.h"

#include "engine/Errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace profkpi::reports {

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path, int error) {
  throw engine::RenderError("cannot " + what + " " + path + ": " + std::strerror(error));
}

}  // namespace

void writeFileAtomically(const std::string& path, std::string_view bytes) {
  std::string pattern = path + ".tmp-XXXXXX";
  int fd = mkstemp(pattern.data());
  if (fd < 0) fail("create a temporary file beside", path, errno);
  auto discard = [&](const char* what) {
    int error = errno;
    close(fd);
    unlink(pattern.c_str());
    fail(what, path, error);
  };
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      discard("write");
    }
    written += static_cast<std::size_t>(n);
  }
  // Reports are for reading: rw-r--r--, not mkstemp's private 0600. (Not the
  // umask: reading it means changing it, which is not thread-safe.)
  if (fchmod(fd, 0644) != 0) discard("set permissions of");
  if (fsync(fd) != 0) discard("flush");
  if (close(fd) != 0) {
    int error = errno;
    unlink(pattern.c_str());
    fail("close", path, error);
  }
  if (std::rename(pattern.c_str(), path.c_str()) != 0) {
    int error = errno;
    unlink(pattern.c_str());
    fail("rename into place", path, error);
  }
}

}  // namespace profkpi::reports

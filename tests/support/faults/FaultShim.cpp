// An LD_PRELOAD shim that makes writes fail as on a full disk, for tests of the
// running server. While the file named by PROFKPI_FAULT_CONTROL exists, every
// write, pwrite, writev, fsync, fdatasync, fallocate and rename on a file whose
// path begins with PROFKPI_FAULT_PREFIX fails with ENOSPC (PROFKPI_FAULT_ERRNO
// overrides the number). The prefix is a path: "/srv/store.db" covers the
// database with its -wal and -shm files, "/srv/inbox/" a whole folder. Other
// files, sockets and pipes are untouched, and without the control file every
// call goes straight through, so one server can be faulted and healed while it
// runs, deterministically and without privileges.
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

char faultPrefix[PATH_MAX];
size_t faultPrefixLength;
const char* controlFile;
int faultErrno = ENOSPC;

ssize_t (*realWrite)(int, const void*, size_t);
ssize_t (*realPwrite)(int, const void*, size_t, off_t);
ssize_t (*realPwrite64)(int, const void*, size_t, off64_t);
ssize_t (*realWritev)(int, const struct iovec*, int);
int (*realFsync)(int);
int (*realFdatasync)(int);
int (*realFallocate)(int, int, off_t, off_t);
int (*realFallocate64)(int, int, off64_t, off64_t);
int (*realPosixFallocate)(int, off_t, off_t);
int (*realPosixFallocate64)(int, off64_t, off64_t);
int (*realRename)(const char*, const char*);

bool ready = false;

// `path` as the kernel names it (its folder through realpath, then its last
// component), so it compares with the targets of /proc/self/fd links.
bool resolve(const char* path, char* resolved) {
  char folder[PATH_MAX];
  snprintf(folder, sizeof folder, "%s", path);
  char* slash = strrchr(folder, '/');
  const char* name = slash != nullptr ? slash + 1 : path;
  if (slash != nullptr) *slash = 0;
  char real[PATH_MAX];
  if (realpath(slash == nullptr ? "." : (folder[0] == 0 ? "/" : folder), real) == nullptr) {
    if (slash == nullptr) return false;
    snprintf(real, sizeof real, "%s", folder);  // not there yet: as given
  }
  return snprintf(resolved, PATH_MAX, "%s/%s", strcmp(real, "/") == 0 ? "" : real, name) < PATH_MAX;
}

// Runs before main; and on first use, should another library's constructor write first.
__attribute__((constructor)) void setUp() {
  if (ready) return;
  ready = true;
  realWrite = reinterpret_cast<decltype(realWrite)>(dlsym(RTLD_NEXT, "write"));
  realPwrite = reinterpret_cast<decltype(realPwrite)>(dlsym(RTLD_NEXT, "pwrite"));
  realPwrite64 = reinterpret_cast<decltype(realPwrite64)>(dlsym(RTLD_NEXT, "pwrite64"));
  realWritev = reinterpret_cast<decltype(realWritev)>(dlsym(RTLD_NEXT, "writev"));
  realFsync = reinterpret_cast<decltype(realFsync)>(dlsym(RTLD_NEXT, "fsync"));
  realFdatasync = reinterpret_cast<decltype(realFdatasync)>(dlsym(RTLD_NEXT, "fdatasync"));
  realFallocate = reinterpret_cast<decltype(realFallocate)>(dlsym(RTLD_NEXT, "fallocate"));
  realFallocate64 = reinterpret_cast<decltype(realFallocate64)>(dlsym(RTLD_NEXT, "fallocate64"));
  realPosixFallocate = reinterpret_cast<decltype(realPosixFallocate)>(dlsym(RTLD_NEXT, "posix_fallocate"));
  realPosixFallocate64 = reinterpret_cast<decltype(realPosixFallocate64)>(dlsym(RTLD_NEXT, "posix_fallocate64"));
  realRename = reinterpret_cast<decltype(realRename)>(dlsym(RTLD_NEXT, "rename"));
  const char* prefix = getenv("PROFKPI_FAULT_PREFIX");
  controlFile = getenv("PROFKPI_FAULT_CONTROL");
  const char* number = getenv("PROFKPI_FAULT_ERRNO");
  if (number != nullptr && atoi(number) > 0) faultErrno = atoi(number);
  if (prefix == nullptr || controlFile == nullptr || !resolve(prefix, faultPrefix)) {
    controlFile = nullptr;
    return;
  }
  faultPrefixLength = strlen(faultPrefix);
}

bool covered(const char* path) { return strncmp(path, faultPrefix, faultPrefixLength) == 0; }

// Whether a call on `fd` is to fail now; errno is left as it was.
int faultsFd(int fd) {
  setUp();
  if (controlFile == nullptr) return 0;
  int saved = errno;
  int failing = 0;
  if (access(controlFile, F_OK) == 0) {
    char link[64];
    char target[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n > 0) {
      target[n] = 0;
      failing = covered(target);
    }
  }
  errno = saved;
  return failing;
}

// Whether a rename to `path` is to fail now.
int faultsPath(const char* path) {
  setUp();
  if (controlFile == nullptr) return 0;
  int saved = errno;
  char resolved[PATH_MAX];
  int failing = access(controlFile, F_OK) == 0 && resolve(path, resolved) && covered(resolved);
  errno = saved;
  return failing;
}

}  // namespace

#define FAIL_IF(condition) \
  do {                     \
    if (condition) {       \
      errno = faultErrno;  \
      return -1;           \
    }                      \
  } while (0)

extern "C" {

ssize_t write(int fd, const void* buffer, size_t count) {
  FAIL_IF(faultsFd(fd));
  return realWrite(fd, buffer, count);
}

ssize_t pwrite(int fd, const void* buffer, size_t count, off_t offset) {
  FAIL_IF(faultsFd(fd));
  return realPwrite(fd, buffer, count, offset);
}

ssize_t pwrite64(int fd, const void* buffer, size_t count, off64_t offset) {
  FAIL_IF(faultsFd(fd));
  return realPwrite64(fd, buffer, count, offset);
}

ssize_t writev(int fd, const struct iovec* vector, int count) {
  FAIL_IF(faultsFd(fd));
  return realWritev(fd, vector, count);
}

int fsync(int fd) {
  FAIL_IF(faultsFd(fd));
  return realFsync(fd);
}

int fdatasync(int fd) {
  FAIL_IF(faultsFd(fd));
  return realFdatasync(fd);
}

int fallocate(int fd, int mode, off_t offset, off_t length) {
  FAIL_IF(faultsFd(fd));
  return realFallocate(fd, mode, offset, length);
}

int fallocate64(int fd, int mode, off64_t offset, off64_t length) {
  FAIL_IF(faultsFd(fd));
  return realFallocate64(fd, mode, offset, length);
}

// posix_fallocate reports its error as the result, not in errno.
int posix_fallocate(int fd, off_t offset, off_t length) {
  if (faultsFd(fd)) return faultErrno;
  return realPosixFallocate(fd, offset, length);
}

int posix_fallocate64(int fd, off64_t offset, off64_t length) {
  if (faultsFd(fd)) return faultErrno;
  return realPosixFallocate64(fd, offset, length);
}

int rename(const char* from, const char* to) noexcept {
  FAIL_IF(faultsPath(to));
  return realRename(from, to);
}

}  // extern "C"

#include "platform/ScratchFile.h"

#include "platform/FileError.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace profkpi::platform {

namespace {
constexpr const char* SUFFIX = ".tmp-";
constexpr std::size_t RANDOM_LENGTH = 6;  // mkstemp's XXXXXX
}  // namespace

ScratchFile::ScratchFile(std::string target, mode_t mode)
    : _target(std::move(target)), _path(_target + SUFFIX + std::string(RANDOM_LENGTH, 'X')) {
  _fd = mkostemp(_path.data(), O_CLOEXEC);
  if (_fd < 0) {
    int error = errno;
    _path.clear();
    throw FileError("create a temporary file beside", _target, error);
  }
  if (fchmod(_fd, mode) != 0) discard("set the permissions of", errno);
}

ScratchFile::~ScratchFile() {
  if (_fd >= 0) close(_fd);
  if (!_path.empty()) unlink(_path.c_str());
}

void ScratchFile::discard(const char* step, int error) {
  if (_fd >= 0) close(_fd);
  _fd = -1;
  unlink(_path.c_str());
  _path.clear();
  throw FileError(step, _target, error);
}

void ScratchFile::write(std::string_view bytes) {
  for (std::size_t written = 0; written < bytes.size();) {
    ssize_t n = ::write(_fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      discard("write", errno);
    }
    written += static_cast<std::size_t>(n);
  }
}

void ScratchFile::commit() {
  // fsync flushes the file's pages whichever descriptor wrote them.
  if (fsync(_fd) != 0) discard("flush", errno);
  int closed = close(_fd);
  _fd = -1;
  if (closed != 0) discard("close", errno);
  if (std::rename(_path.c_str(), _target.c_str()) != 0) discard("rename into place", errno);
  _path.clear();
}

bool isScratchName(const std::string& name) {
  std::size_t at = name.rfind(SUFFIX);
  return at != std::string::npos && at + std::char_traits<char>::length(SUFFIX) + RANDOM_LENGTH == name.size();
}

}  // namespace profkpi::platform

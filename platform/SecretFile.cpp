#include "platform/SecretFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace profkpi::platform {

namespace {

// Closes the descriptor however reading ends.
class Descriptor {
 public:
  explicit Descriptor(int fd) : _fd(fd) {}
  ~Descriptor() {
    if (_fd >= 0) ::close(_fd);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return _fd; }

 private:
  int _fd;
};

char octal(unsigned bits) { return static_cast<char>('0' + (bits & 7u)); }

std::string modeText(mode_t mode) {
  return std::string{'0', octal(mode >> 6), octal(mode >> 3), octal(mode)};
}

}  // namespace

std::string readSecretFile(const std::string& path) {
  // Checked on the descriptor that is read, so the file cannot be swapped in between.
  Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
  if (file.get() < 0) throw SecretFileError("cannot read the secret file " + path + ": " + std::strerror(errno));
  struct stat info {};
  if (::fstat(file.get(), &info) != 0) {
    throw SecretFileError("cannot read the secret file " + path + ": " + std::strerror(errno));
  }
  if (!S_ISREG(info.st_mode)) throw SecretFileError("the secret file " + path + " is not a regular file");
  if ((info.st_mode & 077) != 0) {
    throw SecretFileError("the secret file " + path + " may be read or changed by others (mode " +
                          modeText(info.st_mode & 0777) + "); allow its owner only: chmod 600 " + path);
  }
  std::string secret;
  char buffer[4096];
  for (;;) {
    ssize_t got = ::read(file.get(), buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw SecretFileError("cannot read the secret file " + path + ": " + std::strerror(errno));
    if (got == 0) break;
    secret.append(buffer, static_cast<std::size_t>(got));
  }
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  if (secret.empty()) throw SecretFileError("the secret file " + path + " is empty");
  return secret;
}

}  // namespace profkpi::platform

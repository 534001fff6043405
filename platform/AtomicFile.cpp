#include "platform/AtomicFile.h"

#include "platform/FileError.h"
#include "platform/ScratchFile.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace profkpi::platform {

void writeFileAtomically(const std::string& path, std::string_view bytes, mode_t mode) {
  ScratchFile scratch(path, mode);
  scratch.write(bytes);
  scratch.commit();
}

void syncFolder(const std::string& folder) {
  int fd = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw FileError("open the folder", folder, errno);
  int rc = fsync(fd);
  int error = errno;
  close(fd);
  if (rc != 0) throw FileError("flush the folder", folder, error);
}

}  // namespace profkpi::platform

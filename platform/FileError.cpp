#include "platform/FileError.h"

#include <cstring>

namespace profkpi::platform {

FileError::FileError(std::string step, std::string path, int error)
    : std::runtime_error("cannot " + step + " " + path + ": " + std::strerror(error)),
      _step(std::move(step)),
      _path(std::move(path)),
      _error(error) {}

std::string FileError::reason() const { return std::strerror(_error); }

}  // namespace profkpi::platform

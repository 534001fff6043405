// A failed file operation: which step, on which file, and the system's errno.
// Callers translate it into their own error type (RenderError, ArchiveError,
// StoreError, ...), keeping their own wording around it.
#ifndef PROFKPI_PLATFORM_FILEERROR_H
#define PROFKPI_PLATFORM_FILEERROR_H

#include <stdexcept>
#include <string>

namespace profkpi::platform {

class FileError : public std::runtime_error {
 public:
  // what(): "cannot STEP PATH: REASON", e.g. "cannot flush /srv/a.pdf: No space left on device".
  FileError(std::string step, std::string path, int error);

  const std::string& step() const { return _step; }
  const std::string& path() const { return _path; }
  int error() const { return _error; }
  // The system's text for error(), e.g. "No space left on device".
  std::string reason() const;

 private:
  std::string _step;
  std::string _path;
  int _error;
};

}  // namespace profkpi::platform

#endif

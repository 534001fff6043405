// A file written beside its target under a temporary name (TARGET.tmp-XXXXXX)
// and renamed over the target only once it is complete and on disk, so that
// readers see the old file or the new one, never half of one. Abandoned (not
// committed), it is removed. One object per thread; distinct targets may be
// written from different threads at once.
#ifndef PROFKPI_PLATFORM_SCRATCHFILE_H
#define PROFKPI_PLATFORM_SCRATCHFILE_H

#include <string>
#include <string_view>
#include <sys/types.h>

namespace profkpi::platform {

class ScratchFile {
 public:
  // Creates the scratch file with exactly `mode` (not filtered by the umask:
  // reading the umask means changing it, which is not thread-safe). The folder
  // of `target` must exist. Throws FileError.
  ScratchFile(std::string target, mode_t mode);
  // Removes the scratch file unless it was committed.
  ~ScratchFile();
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  // The scratch file's name, for writers that open it by name themselves.
  const std::string& path() const { return _path; }
  // Appends `bytes`. Throws FileError (and the scratch file is removed).
  void write(std::string_view bytes);
  // Flushes the file to disk (whoever wrote it) and renames it over the
  // target. The rename is durable only once the folder is flushed too
  // (syncFolder). Throws FileError (and the scratch file is removed).
  void commit();

 private:
  [[noreturn]] void discard(const char* step, int error);

  std::string _target;
  std::string _path;
  int _fd = -1;
};

// Whether `name` (a file name, without folder) is that of a scratch file: an
// unfinished write that a killed process left behind.
bool isScratchName(const std::string& name);

}  // namespace profkpi::platform

#endif

// Replacing a whole file so that readers never see half of it, and making
// renames durable. Thread-safe for distinct targets.
#ifndef PROFKPI_PLATFORM_ATOMICFILE_H
#define PROFKPI_PLATFORM_ATOMICFILE_H

#include <string>
#include <string_view>
#include <sys/types.h>

namespace profkpi::platform {

// Replaces `path` with `bytes`, permissions exactly `mode`, through a
// ScratchFile: written, flushed, renamed into place. Throws FileError (naming
// `path`) and leaves no temporary file behind.
void writeFileAtomically(const std::string& path, std::string_view bytes, mode_t mode);

// Flushes `folder` itself, so that renames into it survive a power cut.
// Throws FileError.
void syncFolder(const std::string& folder);

}  // namespace profkpi::platform

#endif

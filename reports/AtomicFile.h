// Writing a rendered document so that readers never see half of it: the bytes
// go to a temporary file in the same folder, are flushed to disk, and the file
// is renamed over the target in one step. Thread-safe for distinct targets.
#ifndef PROFKPI_REPORTS_ATOMICFILE_H
#define PROFKPI_REPORTS_ATOMICFILE_H

#include <string>
#include <string_view>

namespace profkpi::reports {

// Replaces `path` with `bytes` atomically. Throws engine::RenderError (naming
// the path and the system's reason) and leaves no temporary file behind.
void writeFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace profkpi::reports

#endif

#include "reports/AtomicFile.h"

#include "engine/ports/Errors.h"
#include "platform/AtomicFile.h"
#include "platform/FileError.h"

namespace profkpi::reports {

void writeFileAtomically(const std::string& path, std::string_view bytes) {
  try {
    // Reports are for reading: rw-r--r--, not mkstemp's private 0600.
    platform::writeFileAtomically(path, bytes, 0644);
  } catch (const platform::FileError& e) {
    throw engine::RenderError(e.what());
  }
}

}  // namespace profkpi::reports

#include "engine/model/Diagnostic.h"

#include <algorithm>
#include <limits>

namespace profkpi::engine {

bool hasErrors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.isError(); });
}

void sortByPosition(Diagnostics& diagnostics) {
  auto key = [](const Diagnostic& d) {
    long line = d.line > 0 ? d.line : std::numeric_limits<long>::max();
    return std::pair(line, d.column);
  };
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
}

const char* severityName(Severity severity) {
  return severity == Severity::Error ? "error" : "warning";
}

}  // namespace profkpi::engine

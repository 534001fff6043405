#include "engine/intake/xml/ChildRuns.h"

namespace profkpi::engine::xml {

const std::vector<ChildRun> ChildRuns::NONE;

Position ChildRuns::childAt(std::size_t depth, std::size_t index) const {
  for (const ChildRun& run : of(depth)) {
    if (index < run.count) return index == 0 ? run.first : run.second;
    index -= run.count;
  }
  return openedAt(depth);
}

}  // namespace profkpi::engine::xml

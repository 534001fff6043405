#pragma once
// The children seen so far of each open element, so that a content-model
// finding, which Xerces makes at the parent's end tag, can be placed at the
// child that breaks the model (ContentModelFault.h). Children are kept as runs
// of the same name, each with where its first and second elements start: the
// schemas' maxOccurs are 1 or unbounded, so a run breaks the model at its
// first or second element. A Staff of a million Members is one run.

#include "engine/model/Submission.h"

#include <xercesc/util/XercesDefs.hpp>

#include <array>
#include <cstddef>
#include <vector>

XERCES_CPP_NAMESPACE_BEGIN
class ComplexTypeInfo;
XERCES_CPP_NAMESPACE_END

namespace profkpi::engine::xml {

struct ChildRun {
  const XMLCh* uri = nullptr;        // Xerces' pooled strings: the same pointer, the same name
  const XMLCh* localName = nullptr;
  std::size_t count = 0;
  Position first;
  Position second;
};

class ChildRuns {
 public:
  static constexpr std::size_t MAX_DEPTH = 256;

  // The element at `depth` (0 for the root) starts at `at`; it has no children
  // yet. `type` is its complex type as the validator took it (null when simple):
  // by its end tag the validator has moved on.
  void open(std::size_t depth, const XMLCh* localName, Position at, xercesc::ComplexTypeInfo* type) {
    _openedAt[depth] = at;
    _names[depth] = localName;
    _types[depth] = type;
    if (depth < _runs.size()) _runs[depth].clear();
  }

  // A child of the element at `depth` starts at `at`.
  void child(std::size_t depth, const XMLCh* uri, const XMLCh* localName, Position at) {
    if (depth >= _runs.size()) _runs.resize(depth + 1);
    std::vector<ChildRun>& runs = _runs[depth];
    if (!runs.empty() && runs.back().localName == localName && runs.back().uri == uri) {
      ChildRun& run = runs.back();
      if (++run.count == 2) run.second = at;
      return;
    }
    runs.push_back({uri, localName, 1, at, {}});
  }

  const std::vector<ChildRun>& of(std::size_t depth) const { return depth < _runs.size() ? _runs[depth] : NONE; }
  Position openedAt(std::size_t depth) const { return _openedAt[depth]; }
  const XMLCh* nameAt(std::size_t depth) const { return _names[depth]; }
  xercesc::ComplexTypeInfo* typeAt(std::size_t depth) const { return _types[depth]; }

  // Where the child with this index (0 first) started, as near as the runs
  // know: beyond a run's second element, where the second stands.
  Position childAt(std::size_t depth, std::size_t index) const;

  void clear() {
    for (auto& runs : _runs) runs.clear();
  }

 private:
  static const std::vector<ChildRun> NONE;
  std::vector<std::vector<ChildRun>> _runs;  // by depth; capacities kept between documents
  std::array<Position, MAX_DEPTH> _openedAt{};
  std::array<const XMLCh*, MAX_DEPTH> _names{};
  std::array<xercesc::ComplexTypeInfo*, MAX_DEPTH> _types{};
};

}  // namespace profkpi::engine::xml

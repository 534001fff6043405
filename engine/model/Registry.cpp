#include "engine/model/Registry.h"

#include <algorithm>
#include <stdexcept>

namespace profkpi::engine {

Registry::Registry(std::vector<Organisation> organisations) : _organisations(std::move(organisations)) {
  std::sort(_organisations.begin(), _organisations.end(),
            [](const Organisation& a, const Organisation& b) { return a.code < b.code; });
  for (std::size_t i = 0; i < _organisations.size(); ++i) {
    if (!_byCode.emplace(_organisations[i].code, i).second) {
      throw std::invalid_argument("registry lists organisation " + _organisations[i].code + " twice");
    }
  }
}

const Organisation* Registry::find(std::string_view code) const {
  auto it = _byCode.find(code);
  return it == _byCode.end() ? nullptr : &_organisations[it->second];
}

}  // namespace profkpi::engine

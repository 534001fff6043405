// A count with its noun, singular for one: "1 organisation", "2 organisations".
#ifndef PROFKPI_ENGINE_COUNTED_H
#define PROFKPI_ENGINE_COUNTED_H

#include <cstddef>
#include <string>
#include <string_view>

namespace profkpi::engine {

// `plural` defaults to the singular with an "s".
inline std::string counted(std::size_t n, std::string_view singular, std::string_view plural = {}) {
  std::string text = std::to_string(n) + " ";
  if (n == 1) return text.append(singular);
  if (plural.empty()) return text.append(singular).append("s");
  return text.append(plural);
}

}  // namespace profkpi::engine

#endif

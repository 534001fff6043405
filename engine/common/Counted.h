// A count with its noun, singular for one: "1 organisation", "2 organisations".
#ifndef PROFKPI_ENGINE_COMMON_COUNTED_H
#define PROFKPI_ENGINE_COMMON_COUNTED_H

#include <cstddef>
#include <string>
#include <string_view>

namespace profkpi::engine {

// Every noun counted so far takes a plain "s".
inline std::string counted(std::size_t n, std::string_view singular) {
  std::string text = std::to_string(n) + " ";
  text.append(singular);
  if (n != 1) text += 's';
  return text;
}

}  // namespace profkpi::engine

#endif

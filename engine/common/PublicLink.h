// Links to the service as its clients reach it (http.publicUrl).
#ifndef PROFKPI_ENGINE_COMMON_PUBLICLINK_H
#define PROFKPI_ENGINE_COMMON_PUBLICLINK_H

#include <string>
#include <string_view>

namespace profkpi::engine {

// `path` ("/api/v1/...") on `base` ("https://kpi.example.org", a trailing slash
// or not); just `path` when `base` is empty.
inline std::string publicLink(std::string_view base, std::string_view path) {
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  return std::string(base).append(path);
}

}  // namespace profkpi::engine

#endif

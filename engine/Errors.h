// Infrastructure failures, as the engine's callers see them. Expected outcomes
// (refusals, conflicts, "not found") are values, never these.
#ifndef PROFKPI_ENGINE_ERRORS_H
#define PROFKPI_ENGINE_ERRORS_H

#include <stdexcept>

namespace profkpi::engine {

// The store could not do what was asked (locked, disk full, connection lost...).
// Nothing was half-written. Callers answer "try again later" (HTTP 503).
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A report could not be rendered.
class RenderError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A report could not be delivered (mail refused or unreachable).
class DeliveryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace profkpi::engine

#endif

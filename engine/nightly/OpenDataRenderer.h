// The nightly run's port to the open-data files of a period (results, peer
// statistics and coverage as CSV with their metadata; adapters/opendata), which
// it archives beside the period's sector report whenever the period's
// submissions changed. Called on the run's thread with the run's snapshot.
#ifndef PROFKPI_ENGINE_NIGHTLY_OPENDATARENDERER_H
#define PROFKPI_ENGINE_NIGHTLY_OPENDATARENDERER_H

#include "engine/kpi/ResultsService.h"
#include "engine/model/Period.h"
#include "engine/ports/Store.h"

#include <string>
#include <utility>
#include <vector>

namespace profkpi::engine {

class OpenDataRenderer {
 public:
  OpenDataRenderer() = default;
  OpenDataRenderer(const OpenDataRenderer&) = delete;
  OpenDataRenderer& operator=(const OpenDataRenderer&) = delete;
  virtual ~OpenDataRenderer() = default;

  // The period's files as (file name, bytes), from `store` and `results` (which
  // reads `store`). Throws StoreError, or RenderError when a file cannot be made.
  virtual std::vector<std::pair<std::string, std::string>> render(Store& store, ResultsService& results,
                                                                  const Period& period) const = 0;
};

}  // namespace profkpi::engine

#endif

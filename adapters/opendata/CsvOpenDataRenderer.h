// The nightly run's open-data files (engine/nightly/OpenDataRenderer.h): the
// period's three CSV files with their metadata, as `profkpi export` writes them.
// Holds no state between calls; thread-safe.
#ifndef PROFKPI_ADAPTERS_OPENDATA_CSVOPENDATARENDERER_H
#define PROFKPI_ADAPTERS_OPENDATA_CSVOPENDATARENDERER_H

#include "adapters/opendata/OpenDataFiles.h"
#include "engine/nightly/OpenDataRenderer.h"
#include "engine/opendata/OpenDataExport.h"

namespace profkpi::adapters::opendata {

class CsvOpenDataRenderer final : public engine::OpenDataRenderer {
 public:
  CsvOpenDataRenderer(engine::OpenDataOptions options, FileOptions files)
      : _options(options), _files(std::move(files)) {}

  std::vector<std::pair<std::string, std::string>> render(engine::Store& store, engine::ResultsService& results,
                                                          const engine::Period& period) const override;

 private:
  engine::OpenDataOptions _options;
  FileOptions _files;
};

}  // namespace profkpi::adapters::opendata

#endif

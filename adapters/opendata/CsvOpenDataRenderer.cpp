#include "adapters/opendata/CsvOpenDataRenderer.h"

namespace profkpi::adapters::opendata {

std::vector<std::pair<std::string, std::string>> CsvOpenDataRenderer::render(engine::Store& store,
                                                                             engine::ResultsService& results,
                                                                             const engine::Period& period) const {
  engine::OpenDataExport exporter(store, results, _options);
  return openDataFiles(exporter, period, _files);
}

}  // namespace profkpi::adapters::opendata

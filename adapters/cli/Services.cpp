#include "adapters/cli/Services.h"

#include "engine/intake/xml/CatalogueLoader.h"
#include "engine/intake/xml/RegistryLoader.h"

namespace profkpi::adapters::cli {

Services::Services(const Poco::Util::AbstractConfiguration& config) : _config(config) {}
Services::~Services() = default;

const engine::xml::Schemas& Services::schemas() {
  if (!_schemas) _schemas = std::make_unique<engine::xml::Schemas>();
  return *_schemas;
}

const engine::Registry& Services::registry() {
  if (!_registry) _registry.emplace(engine::xml::loadRegistry(schemas(), _config.getString("registry.file")));
  return *_registry;
}

const engine::Catalogue& Services::catalogue() {
  if (!_catalogue) _catalogue.emplace(engine::xml::loadCatalogue(schemas(), _config.getString("catalogue.file")));
  return *_catalogue;
}

const engine::KpiCalculator& Services::calculator() {
  if (!_calculator) _calculator = std::make_unique<engine::KpiCalculator>(catalogue());
  return *_calculator;
}

engine::xml::ReaderLimits Services::readerLimits() const {
  engine::xml::ReaderLimits limits;
  limits.maxDepth = static_cast<std::size_t>(_config.getInt("intake.maxDepth"));
  limits.maxAttributes = static_cast<std::size_t>(_config.getInt("intake.maxAttributes"));
  limits.maxDiagnostics = static_cast<std::size_t>(_config.getInt("intake.maxDiagnostics"));
  return limits;
}

engine::BenchmarkOptions Services::benchmarkOptions() const {
  engine::BenchmarkOptions options;
  options.minimumGroupSize = static_cast<std::size_t>(_config.getInt("benchmark.minimumGroupSize"));
  return options;
}

}  // namespace profkpi::adapters::cli

#include "adapters/cli/Services.h"

#include "engine/xml/RegistryLoader.h"

namespace profkpi::adapters::cli {

Services::Services(const Poco::Util::AbstractConfiguration& config) : _config(config) {}
Services::~Services() = default;

const engine::xml::Schemas& Services::schemas() {
  if (!_schemas) _schemas = std::make_unique<engine::xml::Schemas>();
  return *_schemas;
}

const engine::Registry& Services::registry() {
  if (!_registry) _registry.emplace(engine::xml::loadRegistry(schemas(), _config.getString("registry.file", "")));
  return *_registry;
}

engine::xml::ReaderLimits Services::readerLimits() const {
  engine::xml::ReaderLimits limits;
  limits.maxDepth = static_cast<std::size_t>(_config.getInt("intake.maxDepth", 32));
  limits.maxAttributes = static_cast<std::size_t>(_config.getInt("intake.maxAttributes", 32));
  limits.maxDiagnostics = static_cast<std::size_t>(_config.getInt("intake.maxDiagnostics", 1000));
  return limits;
}

}  // namespace profkpi::adapters::cli

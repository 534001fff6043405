// The composition root's object graph: the concrete adapters behind the engine's
// ports, built from configuration on first use so that a command pays only for
// what it needs (validate never opens a store). Not thread-safe to build; the
// objects it hands out document their own thread-safety.
#ifndef PROFKPI_ADAPTERS_CLI_SERVICES_H
#define PROFKPI_ADAPTERS_CLI_SERVICES_H

#include "engine/Clock.h"
#include "engine/Registry.h"
#include "engine/xml/Schemas.h"
#include "engine/xml/SubmissionReader.h"

#include <Poco/Util/AbstractConfiguration.h>

#include <memory>
#include <optional>

namespace profkpi::adapters::cli {

class Services {
 public:
  // `config` must outlive the services.
  explicit Services(const Poco::Util::AbstractConfiguration& config);
  ~Services();

  const Poco::Util::AbstractConfiguration& config() const { return _config; }
  const engine::xml::Schemas& schemas();
  // Throws engine::xml::DocumentError when registry.file is unreadable or invalid.
  const engine::Registry& registry();
  const engine::Clock& clock() { return _clock; }
  engine::xml::ReaderLimits readerLimits() const;

 private:
  const Poco::Util::AbstractConfiguration& _config;
  engine::SystemClock _clock;
  std::unique_ptr<engine::xml::Schemas> _schemas;
  std::optional<engine::Registry> _registry;
};

}  // namespace profkpi::adapters::cli

#endif

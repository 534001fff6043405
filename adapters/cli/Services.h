// The composition root's engine objects built from configuration on first use:
// the schemas, the registry, the catalogue, the clock. Everything on the store,
// and the report renderers, is in StoreServices, which the commands that need
// it build on these: `profkpi validate` runs in a program that does not link the
// store, HTTP or report libraries at all (adapters/cli/programs/profkpi.cpp). Not thread-safe to build;
// the objects it hands out document their own thread-safety.
#ifndef PROFKPI_ADAPTERS_CLI_SERVICES_H
#define PROFKPI_ADAPTERS_CLI_SERVICES_H

#include "engine/intake/xml/Schemas.h"
#include "engine/intake/xml/SubmissionReader.h"
#include "engine/kpi/Catalogue.h"
#include "engine/kpi/KpiCalculator.h"
#include "engine/kpi/PeerBenchmark.h"
#include "engine/model/Registry.h"
#include "engine/ports/Clock.h"

#include <Poco/Util/AbstractConfiguration.h>

#include <functional>
#include <memory>
#include <optional>

namespace profkpi::adapters::cli {

class Services {
 public:
  // `config` must outlive the services.
  explicit Services(const Poco::Util::AbstractConfiguration& config);
  ~Services();

  const Poco::Util::AbstractConfiguration& config() const { return _config; }
  const engine::Clock& clock() { return _clock; }
  const engine::xml::Schemas& schemas();
  // Throws engine::xml::DocumentError when registry.file is unreadable or invalid.
  const engine::Registry& registry();
  // Throws engine::xml::DocumentError when catalogue.file is unreadable or invalid.
  const engine::Catalogue& catalogue();
  const engine::KpiCalculator& calculator();
  engine::xml::ReaderLimits readerLimits() const;
  engine::BenchmarkOptions benchmarkOptions() const;

  // Blocks until the process is asked to stop (SIGTERM, SIGINT); set by the application.
  void waitForTermination() const { _waitForTermination(); }
  void setTerminationWaiter(std::function<void()> waiter) { _waitForTermination = std::move(waiter); }

 private:
  const Poco::Util::AbstractConfiguration& _config;
  engine::SystemClock _clock;
  std::unique_ptr<engine::xml::Schemas> _schemas;
  std::optional<engine::Registry> _registry;
  std::optional<engine::Catalogue> _catalogue;
  std::unique_ptr<engine::KpiCalculator> _calculator;
  std::function<void()> _waitForTermination = [] {};
};

}  // namespace profkpi::adapters::cli

#endif

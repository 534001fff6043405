// The composition root's object graph: the concrete adapters behind the engine's
// ports, built from configuration on first use so that a command pays only for
// what it needs (validate never opens a store). Not thread-safe to build; the
// objects it hands out document their own thread-safety.
#ifndef PROFKPI_ADAPTERS_CLI_SERVICES_H
#define PROFKPI_ADAPTERS_CLI_SERVICES_H

#include "adapters/auth/ApiKeys.h"
#include "adapters/intake/IntakeGateway.h"
#include "engine/Catalogue.h"
#include "engine/Clock.h"
#include "engine/IntakeService.h"
#include "engine/KpiCalculator.h"
#include "engine/Registry.h"
#include "engine/ReportRenderer.h"
#include "engine/ResultsService.h"
#include "engine/Store.h"
#include "engine/xml/Schemas.h"
#include "engine/xml/SubmissionReader.h"
#include "reports/FontFace.h"

#include <Poco/Util/AbstractConfiguration.h>

#include <functional>
#include <memory>
#include <optional>

namespace profkpi::adapters::store {
class SqlStore;
}

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
  // Opens and migrates the configured store. Throws engine::StoreError.
  engine::Store& store();
  engine::KeyStore& keyStore();
  // The concrete store, for adapters that share its database (the nightly run's ledger).
  store::SqlStore& sqlStore();
  auth::ApiKeys& apiKeys();
  engine::IntakeService& intakeService();
  intake::IntakeGateway& gateway();
  engine::ResultsService& results();
  // The report renderer for "pdf" or "html", nullptr for any other format. Fonts
  // from reports.font.regular / reports.font.bold (empty: the ones found at build
  // time). Throws engine::RenderError when a font cannot be read.
  engine::ReportRenderer* renderer(const std::string& format);

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
  std::unique_ptr<store::SqlStore> _store;
  std::unique_ptr<auth::ApiKeys> _apiKeys;
  std::unique_ptr<engine::IntakeService> _intakeService;
  std::unique_ptr<intake::IntakeGateway> _gateway;
  std::unique_ptr<engine::ResultsService> _results;
  std::optional<reports::Fonts> _fonts;
  std::unique_ptr<engine::ReportRenderer> _pdfRenderer;
  std::unique_ptr<engine::ReportRenderer> _htmlRenderer;
  std::function<void()> _waitForTermination = [] {};
};

}  // namespace profkpi::adapters::cli

#endif

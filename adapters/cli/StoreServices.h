// The composition root's adapters on the store, built on Services on first use:
// the store, API keys, intake, results and the report renderers. Only the
// commands that need them build one, so a command pays only for what it uses.
// Not thread-safe to build; the objects it hands out document their own
// thread-safety.
#ifndef PROFKPI_ADAPTERS_CLI_STORESERVICES_H
#define PROFKPI_ADAPTERS_CLI_STORESERVICES_H

#include "adapters/auth/ApiKeys.h"
#include "adapters/cli/Services.h"
#include "adapters/intake/IntakeGateway.h"
#include "adapters/opendata/OpenDataFiles.h"
#include "engine/intake/IntakeService.h"
#include "engine/kpi/ResultsService.h"
#include "engine/opendata/OpenDataExport.h"
#include "engine/ports/Store.h"
#include "engine/reporting/ReportRenderer.h"
#include "reports/FontFace.h"

#include <memory>
#include <optional>
#include <string>

namespace profkpi::adapters::store {
class SqlStore;
}

namespace profkpi::adapters::cli {

class StoreServices {
 public:
  // `services` must outlive this.
  explicit StoreServices(Services& services);
  ~StoreServices();
  StoreServices(const StoreServices&) = delete;
  StoreServices& operator=(const StoreServices&) = delete;

  const Poco::Util::AbstractConfiguration& config() const { return _services.config(); }
  const engine::Clock& clock() { return _services.clock(); }

  // Opens and migrates the configured store. Throws engine::StoreError.
  engine::Store& store();
  engine::KeyStore& keyStore();
  // The concrete store, for adapters that share its database (the nightly run's ledger).
  store::SqlStore& sqlStore();
  auth::ApiKeys& apiKeys();
  engine::IntakeService& intakeService();
  intake::IntakeGateway& gateway();
  engine::ResultsService& results();
  // The open-data tables on results() (opendata.dueDays).
  engine::OpenDataExport& openData();
  // How the open-data files are written: opendata.publisher, benchmark.minimumGroupSize.
  opendata::FileOptions openDataFileOptions() const;
  // opendata.dueDays.
  engine::OpenDataOptions openDataOptions() const;
  // The report renderer for "pdf" or "html", nullptr for any other format. Fonts
  // from reports.font.regular / reports.font.bold (empty: the ones found at build
  // time). Throws engine::RenderError when a font cannot be read.
  engine::ReportRenderer* renderer(const std::string& format);

 private:
  Services& _services;
  std::unique_ptr<store::SqlStore> _store;
  std::unique_ptr<auth::ApiKeys> _apiKeys;
  std::unique_ptr<engine::IntakeService> _intakeService;
  std::unique_ptr<intake::IntakeGateway> _gateway;
  std::unique_ptr<engine::ResultsService> _results;
  std::unique_ptr<engine::OpenDataExport> _openData;
  std::optional<reports::Fonts> _fonts;
  std::unique_ptr<engine::ReportRenderer> _pdfRenderer;
  std::unique_ptr<engine::ReportRenderer> _htmlRenderer;
};

}  // namespace profkpi::adapters::cli

#endif

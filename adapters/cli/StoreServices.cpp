#include "adapters/cli/StoreServices.h"

#include "adapters/cli/Command.h"
#include "adapters/messages/BoostMessages.h"
#include "engine/ports/Errors.h"
#include "adapters/store/SqlStore.h"
#include "reports/HtmlReportRenderer.h"
#include "reports/PdfReportRenderer.h"

namespace profkpi::adapters::cli {

StoreServices::StoreServices(Services& services) : _services(services) {}
StoreServices::~StoreServices() = default;

engine::Store& StoreServices::store() {
  if (!_store) {
    // No fallbacks here: the shipped defaults (Defaults.cpp) are the one source.
    store::SqlStoreOptions options;
    options.busyTimeoutSeconds = config().getInt("store.busyTimeoutSeconds");
    options.maxSessions = config().getInt("store.maxSessions");
    _store = std::make_unique<store::SqlStore>(config().getString("store.connector"),
                                               config().getString("store.connection"), options);
  }
  return *_store;
}

engine::KeyStore& StoreServices::keyStore() {
  store();
  return *_store;
}

store::SqlStore& StoreServices::sqlStore() {
  store();
  return *_store;
}

auth::ApiKeys& StoreServices::apiKeys() {
  if (!_apiKeys) _apiKeys = std::make_unique<auth::ApiKeys>(keyStore(), clock());
  return *_apiKeys;
}

engine::IntakeService& StoreServices::intakeService() {
  if (!_intakeService) {
    _intakeService = std::make_unique<engine::IntakeService>(store(), _services.calculator(), clock());
  }
  return *_intakeService;
}

intake::IntakeGateway& StoreServices::gateway() {
  if (!_gateway) {
    _gateway = std::make_unique<intake::IntakeGateway>(_services.schemas(), _services.registry(),
                                                       _services.catalogue(), clock(),
                                                       _services.readerLimits(), intakeService());
  }
  return *_gateway;
}

engine::ResultsService& StoreServices::results() {
  if (!_results) {
    _results = std::make_unique<engine::ResultsService>(store(), _services.calculator(), _services.registry(),
                                                        _services.benchmarkOptions());
  }
  return *_results;
}

engine::OpenDataExport& StoreServices::openData() {
  if (!_openData) {
    _openData = std::make_unique<engine::OpenDataExport>(store(), results(), openDataOptions());
  }
  return *_openData;
}

engine::OpenDataOptions StoreServices::openDataOptions() const {
  engine::OpenDataOptions options;
  options.dueDays = config().getInt("opendata.dueDays");
  if (options.dueDays < 0 || options.dueDays > 3660) {
    throw UsageError("opendata.dueDays must be 0 to 3660, not " + std::to_string(options.dueDays));
  }
  return options;
}

opendata::FileOptions StoreServices::openDataFileOptions() const {
  opendata::FileOptions options;
  options.metadata.publisher = config().getString("opendata.publisher");
  options.metadata.minimumGroupSize = _services.benchmarkOptions().minimumGroupSize;
  return options;
}

engine::ReportRenderer* StoreServices::renderer(const std::string& format) {
  if (format != "pdf" && format != "html") return nullptr;
  if (!_fonts) {
    _fonts = reports::loadFonts(config().getString("reports.font.regular"), config().getString("reports.font.bold"));
    // Before the first renderer exists, so before any thread renders.
    try {
      messages::installCatalogues(config().getString("reports.messagesDir"));
    } catch (const std::runtime_error& e) {
      throw engine::RenderError(std::string("reports.messagesDir: ") + e.what());
    }
  }
  if (format == "pdf") {
    if (!_pdfRenderer) _pdfRenderer = std::make_unique<reports::PdfReportRenderer>(*_fonts);
    return _pdfRenderer.get();
  }
  if (!_htmlRenderer) _htmlRenderer = std::make_unique<reports::HtmlReportRenderer>(*_fonts);
  return _htmlRenderer.get();
}

}  // namespace profkpi::adapters::cli

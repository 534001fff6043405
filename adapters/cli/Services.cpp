#include "adapters/cli/Services.h"

#include "adapters/store/SqlStore.h"
#include "engine/xml/CatalogueLoader.h"
#include "engine/xml/RegistryLoader.h"
#include "reports/HtmlReportRenderer.h"
#include "reports/PdfReportRenderer.h"

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

engine::Store& Services::store() {
  if (!_store) {
    // No fallbacks here: the shipped defaults (Defaults.cpp) are the one source.
    store::SqlStoreOptions options;
    options.busyTimeoutSeconds = _config.getInt("store.busyTimeoutSeconds");
    options.maxSessions = _config.getInt("store.maxSessions");
    _store = std::make_unique<store::SqlStore>(_config.getString("store.connector"),
                                               _config.getString("store.connection"), options);
  }
  return *_store;
}

engine::KeyStore& Services::keyStore() {
  store();
  return *_store;
}

store::SqlStore& Services::sqlStore() {
  store();
  return *_store;
}

auth::ApiKeys& Services::apiKeys() {
  if (!_apiKeys) _apiKeys = std::make_unique<auth::ApiKeys>(keyStore(), clock());
  return *_apiKeys;
}

engine::IntakeService& Services::intakeService() {
  if (!_intakeService) _intakeService = std::make_unique<engine::IntakeService>(store(), calculator(), clock());
  return *_intakeService;
}

intake::IntakeGateway& Services::gateway() {
  if (!_gateway) {
    _gateway = std::make_unique<intake::IntakeGateway>(schemas(), registry(), clock(), readerLimits(), intakeService());
  }
  return *_gateway;
}

engine::ResultsService& Services::results() {
  if (!_results) {
    _results = std::make_unique<engine::ResultsService>(store(), calculator(), registry(), benchmarkOptions());
  }
  return *_results;
}

engine::ReportRenderer* Services::renderer(const std::string& format) {
  if (format != "pdf" && format != "html") return nullptr;
  if (!_fonts) {
    _fonts = reports::loadFonts(_config.getString("reports.font.regular"), _config.getString("reports.font.bold"));
  }
  if (format == "pdf") {
    if (!_pdfRenderer) _pdfRenderer = std::make_unique<reports::PdfReportRenderer>(*_fonts);
    return _pdfRenderer.get();
  }
  if (!_htmlRenderer) _htmlRenderer = std::make_unique<reports::HtmlReportRenderer>(*_fonts);
  return _htmlRenderer.get();
}

}  // namespace profkpi::adapters::cli

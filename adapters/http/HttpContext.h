// What the HTTP handlers share: the engine services and adapters they call and
// the service's own state (metrics, failed-authentication limiter). Everything
// referenced is thread-safe and outlives the server.
#ifndef PROFKPI_ADAPTERS_HTTP_HTTPCONTEXT_H
#define PROFKPI_ADAPTERS_HTTP_HTTPCONTEXT_H

#include "adapters/auth/ApiKeys.h"
#include "adapters/auth/FailureLimiter.h"
#include "adapters/http/HttpOptions.h"
#include "adapters/http/Metrics.h"
#include "adapters/intake/IntakeGateway.h"
#include "adapters/opendata/OpenDataFiles.h"
#include "engine/kpi/ResultsService.h"
#include "engine/opendata/OpenDataExport.h"
#include "engine/ports/Store.h"
#include "engine/reporting/ReportRenderer.h"

namespace profkpi::adapters::http {

struct HttpContext {
  HttpOptions options;
  intake::IntakeGateway& gateway;
  engine::Store& store;
  engine::ResultsService& results;
  auth::ApiKeys& keys;
  auth::FailureLimiter& limiter;
  Metrics& metrics;
  // Renders reports on demand (GET .../report.pdf); nullptr: the routes answer 503.
  engine::ReportRenderer* pdf = nullptr;
  // The open-data files (GET /api/v1/periods/{period}/results.csv ...);
  // nullptr: those routes answer 503.
  engine::OpenDataExport* openData = nullptr;
  opendata::FileOptions openDataFiles{};
  // opendata.public: the open-data routes need no key.
  bool openDataPublic = false;
};

}  // namespace profkpi::adapters::http

#endif

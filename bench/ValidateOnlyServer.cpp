// The baselines for the HTTP ingest benchmark (issue 7, goal 2): the same
// HTTP server as `profkpi serve` (adapters/http/HttpService: workers, queue,
// keep-alive, deadlines, from the same http.* defaults) with one handler for
// every request and no store.
//   validate-only-server PORT           read the body, validate it with the
//                                       intake serve uses (IntakeGateway: hardened
//                                       Xerces reader, grammar pool, business rules
//                                       that need no store), answer 201 + small JSON
//                                       (422 when refused)
//   validate-only-server PORT --noop    read the body, answer 201 + small JSON
// Runs until SIGTERM or SIGINT. bench/http.sh compares serve's ingest with it.
#include "adapters/http/HttpService.h"
#include "adapters/intake/IntakeGateway.h"
#include "engine/intake/xml/CatalogueLoader.h"
#include "engine/intake/xml/RegistryLoader.h"
#include "engine/intake/xml/Schemas.h"
#include "engine/kpi/Catalogue.h"
#include "engine/kpi/KpiCalculator.h"
#include "tests/fakes/InMemoryStore.h"

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

using namespace profkpi;

namespace {

adapters::http::HttpResponse answer(int status, const std::string& json) {
  adapters::http::HttpResponse response;
  response.status = status;
  response.set("Content-Type", "application/json");
  response.body = json;
  return response;
}

class ValidateHandler final : public adapters::http::RequestHandler {
 public:
  explicit ValidateHandler(adapters::intake::IntakeGateway* gateway) : _gateway(gateway) {}
  std::optional<adapters::http::HttpResponse> admit(const adapters::http::HttpRequest&) override { return {}; }
  adapters::http::HttpResponse serve(adapters::http::HttpRequest& request) override {
    if (_gateway == nullptr) {
      return answer(201, "{\"status\":\"received\",\"bytes\":" + std::to_string(request.body.size()) + "}");
    }
    engine::IntakeResult result = _gateway->validate(request.body, request.peer);
    bool valid = result.accepted();
    return answer(valid ? 201 : 422, std::string("{\"status\":\"") + (valid ? "valid" : "refused") +
                                          "\",\"submissionId\":\"" + result.submission.header.submissionId +
                                          "\",\"findings\":" + std::to_string(result.diagnostics.size()) + "}");
  }

 private:
  adapters::intake::IntakeGateway* _gateway;
};

class OneHandlerApplication final : public adapters::http::HttpApplication {
 public:
  explicit OneHandlerApplication(adapters::intake::IntakeGateway* gateway) : _gateway(gateway) {}
  std::unique_ptr<adapters::http::RequestHandler> handlerFor(const adapters::http::HttpRequest&) override {
    return std::make_unique<ValidateHandler>(_gateway);
  }
  void answeredByServer(const adapters::http::HttpRequest&, int) override {}

 private:
  adapters::intake::IntakeGateway* _gateway;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3 || (argc == 3 && std::strcmp(argv[2], "--noop") != 0)) {
    std::cerr << "usage: validate-only-server PORT [--noop]\n";
    return 2;
  }
  const bool noop = argc == 3;
  // Block the stop signals before any thread starts, so sigwait gets them.
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGTERM);
  sigaddset(&stopSignals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

  engine::xml::Schemas schemas;
  engine::Registry registry = engine::xml::loadRegistry(schemas);
  engine::Catalogue catalogue = engine::xml::loadCatalogue(schemas);
  engine::KpiCalculator calculator(catalogue);
  engine::SystemClock clock;
  // validate() never reaches the service or its store; the gateway needs one.
  tests::InMemoryStore unusedStore;
  engine::IntakeService unusedService(unusedStore, calculator, clock);
  adapters::intake::IntakeGateway gateway(schemas, registry, catalogue, clock, engine::xml::ReaderLimits{}, unusedService);

  adapters::http::HttpOptions options;  // serve's defaults (Defaults.cpp) but the port
  options.port = std::atoi(argv[1]);
  adapters::http::HttpService server(options, std::make_unique<OneHandlerApplication>(noop ? nullptr : &gateway));
  server.start();
  std::cerr << (noop ? "no-op" : "validate-only") << " server on http://127.0.0.1:" << server.port() << "/\n";
  int signal = 0;
  sigwait(&stopSignals, &signal);
  server.stop();
  return 0;
}

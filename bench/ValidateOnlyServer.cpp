// The baselines for the HTTP ingest benchmark (issue 7, goal 2): the same
// Poco HTTPServer as `profkpi serve` (adapters/http/HttpService: thread pool,
// queue, keep-alive, time-outs, from the same http.* defaults) with one handler
// for every request and no store.
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

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

using namespace profkpi;

namespace {

// As Exchange::readBody reads it: wait for a byte, take what has arrived.
std::string readBody(Poco::Net::HTTPServerRequest& request) {
  std::string body;
  if (request.hasContentLength()) body.reserve(static_cast<std::size_t>(request.getContentLength64()));
  std::istream& in = request.stream();
  char buffer[16384];
  while (in.peek() != std::char_traits<char>::eof()) {
    std::streamsize n = in.readsome(buffer, sizeof buffer);
    body.append(buffer, static_cast<std::size_t>(n));
  }
  return body;
}

void answer(Poco::Net::HTTPServerResponse& response, int status, const std::string& json) {
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response.setContentType("application/json");
  response.setContentLength64(static_cast<Poco::Int64>(json.size()));
  response.send().write(json.data(), static_cast<std::streamsize>(json.size()));
}

class ValidateHandler final : public Poco::Net::HTTPRequestHandler {
 public:
  explicit ValidateHandler(adapters::intake::IntakeGateway* gateway) : _gateway(gateway) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    std::string body = readBody(request);
    if (_gateway == nullptr) {
      answer(response, 201, "{\"status\":\"received\",\"bytes\":" + std::to_string(body.size()) + "}");
      return;
    }
    engine::IntakeResult result = _gateway->validate(body, request.clientAddress().host().toString());
    bool valid = result.accepted();
    answer(response, valid ? 201 : 422,
           std::string("{\"status\":\"") + (valid ? "valid" : "refused") + "\",\"submissionId\":\"" +
               result.submission.header.submissionId + "\",\"findings\":" +
               std::to_string(result.diagnostics.size()) + "}");
  }

 private:
  adapters::intake::IntakeGateway* _gateway;
};

class OneHandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit OneHandlerFactory(adapters::intake::IntakeGateway* gateway) : _gateway(gateway) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new ValidateHandler(_gateway);
  }

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
  adapters::intake::IntakeGateway gateway(schemas, registry, clock, engine::xml::ReaderLimits{}, unusedService);

  adapters::http::HttpOptions options;  // serve's defaults (Defaults.cpp) but the port
  options.port = std::atoi(argv[1]);
  adapters::http::HttpService server(options, new OneHandlerFactory(noop ? nullptr : &gateway));
  server.start();
  std::cerr << (noop ? "no-op" : "validate-only") << " server on http://127.0.0.1:" << server.port() << "/\n";
  int signal = 0;
  sigwait(&stopSignals, &signal);
  server.stop();
  return 0;
}

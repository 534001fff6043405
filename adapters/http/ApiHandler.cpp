#include "adapters/http/ApiHandler.h"

#include "adapters/http/HttpError.h"
#include "engine/ports/Errors.h"

#include <Poco/Logger.h>
#include <Poco/Timestamp.h>

namespace profkpi::adapters::http {

void ApiHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  Poco::Timestamp started;
  Exchange exchange(_context, request, response);
  Poco::Logger& log = Poco::Logger::get("http");
  auto answer = [&](int status, const std::string& title, const std::string& detail, long retryAfter) {
    if (!response.sent()) exchange.sendProblem(status, title, detail, {}, retryAfter);
  };
  try {
    serve(exchange);
  } catch (const HttpError& e) {
    answer(e.status(), e.title(), e.detail(), e.retryAfter());
  } catch (const engine::StoreError& e) {
    _context.metrics.storeError();
    log.error("%s", std::string(e.what()));  // the message names the store itself
    answer(503, "Service unavailable", "the store is not available; try again later", 5);
  } catch (const std::exception& e) {
    log.error("%s %s: %s", request.getMethod(), request.getURI(), std::string(e.what()));
    answer(500, "Internal server error", "", 0);
  }
  if (response.getStatus() == Poco::Net::HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE) exchange.drainRefusedBody();
  double seconds = static_cast<double>(started.elapsed()) / 1e6;
  int status = static_cast<int>(response.getStatus());
  _context.metrics.request(_route, status, seconds);
  log.information("%s %s %d %.1fms org=%s key=%s", request.getMethod(), request.getURI(), status, seconds * 1000,
                  exchange.organisation.empty() ? std::string("-") : exchange.organisation,
                  exchange.keyId.empty() ? std::string("-") : exchange.keyId);
}

}  // namespace profkpi::adapters::http

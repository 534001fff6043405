#include "adapters/http/ApiHandler.h"

#include "adapters/http/HttpError.h"
#include "engine/ports/Errors.h"

#include <Poco/Logger.h>

namespace profkpi::adapters::http {

template <typename Step>
void ApiHandler::run(Step step) {
  Exchange& x = *_exchange;
  auto answer = [&](int status, const std::string& title, const std::string& detail, long retryAfter) {
    if (!x.answered) x.sendProblem(status, title, detail, {}, retryAfter);
  };
  try {
    step(x);
  } catch (const HttpError& e) {
    answer(e.status(), e.title(), e.detail(), e.retryAfter());
  } catch (const engine::StoreError& e) {
    _context.metrics.storeError();
    Poco::Logger::get("http").error("%s", std::string(e.what()));  // the message names the store itself
    answer(503, "Service unavailable", "the store is not available; try again later", 5);
  } catch (const std::exception& e) {
    Poco::Logger::get("http").error("%s %s: %s", x.request().method, x.request().target, std::string(e.what()));
    answer(500, "Internal server error", "", 0);
  }
}

std::optional<HttpResponse> ApiHandler::admit(const HttpRequest& head) {
  _exchange = std::make_unique<Exchange>(_context, head);
  run([this](Exchange& x) { check(x); });
  if (_exchange->answered) return finish();
  return std::nullopt;
}

HttpResponse ApiHandler::serve(HttpRequest& request) {
  _exchange->bodyArrived(request);
  run([this](Exchange& x) { handle(x); });
  return finish();
}

HttpResponse ApiHandler::finish() {
  Exchange& x = *_exchange;
  double seconds = static_cast<double>(_started.elapsed()) / 1e6;
  int status = x.response.status;
  _context.metrics.request(_route, status, seconds);
  Poco::Logger::get("http").information("%s %s %d %.1fms org=%s key=%s", x.request().method, x.request().target,
                                        status, seconds * 1000,
                                        x.organisation.empty() ? std::string("-") : x.organisation,
                                        x.keyId.empty() ? std::string("-") : x.keyId);
  return std::move(x.response);
}

}  // namespace profkpi::adapters::http

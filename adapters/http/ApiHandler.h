// The base of every route's handler: it times the request, maps failures to
// answers in one place (HttpError -> its status, StoreError -> 503 with
// Retry-After, anything else -> 500), counts and logs one line per request
// (method, path, status, duration, organisation, key id; never the key itself).
// A route that takes a body refuses what it can in check(), before the server
// reads the body; handle() runs with the whole request.
#ifndef PROFKPI_ADAPTERS_HTTP_APIHANDLER_H
#define PROFKPI_ADAPTERS_HTTP_APIHANDLER_H

#include "adapters/http/Exchange.h"
#include "adapters/http/server/HttpServer.h"

#include <Poco/Timestamp.h>

#include <memory>
#include <string>

namespace profkpi::adapters::http {

class ApiHandler : public RequestHandler {
 public:
  // `route` names the route in metrics and logs ("POST /api/v1/submissions").
  ApiHandler(HttpContext& context, std::string route) : _context(context), _route(std::move(route)) {}

  std::optional<HttpResponse> admit(const HttpRequest& head) final;
  HttpResponse serve(HttpRequest& request) final;

 protected:
  // Before the body is read: authenticate, and throw HttpError for what can be
  // refused without it. Default: nothing.
  virtual void check(Exchange&) {}
  virtual void handle(Exchange& exchange) = 0;
  HttpContext& _context;

 private:
  // Runs one step, turning what it throws into the answer.
  template <typename Step>
  void run(Step step);
  // Counts and logs the answer, and hands it to the server.
  HttpResponse finish();

  std::string _route;
  Poco::Timestamp _started;
  std::unique_ptr<Exchange> _exchange;
};

}  // namespace profkpi::adapters::http

#endif

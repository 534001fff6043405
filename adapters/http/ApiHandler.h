// The base of every route's handler: it times the request, maps failures to
// answers in one place (HttpError -> its status, StoreError -> 503 with
// Retry-After, anything else -> 500), counts and logs one line per request
// (method, path, status, duration, organisation, key id; never the key itself).
#ifndef PROFKPI_ADAPTERS_HTTP_APIHANDLER_H
#define PROFKPI_ADAPTERS_HTTP_APIHANDLER_H

#include "adapters/http/Exchange.h"

#include <Poco/Net/HTTPRequestHandler.h>

#include <string>

namespace profkpi::adapters::http {

class ApiHandler : public Poco::Net::HTTPRequestHandler {
 public:
  // `route` names the route in metrics and logs ("POST /api/v1/submissions").
  ApiHandler(HttpContext& context, std::string route) : _context(context), _route(std::move(route)) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) final;

 protected:
  virtual void serve(Exchange& exchange) = 0;
  HttpContext& _context;

 private:
  std::string _route;
};

}  // namespace profkpi::adapters::http

#endif

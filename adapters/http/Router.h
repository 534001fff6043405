// Routes requests to handlers by method and path (INTERFACE.md). Decides, before
// any body is read, the refusals that need no handler: unknown routes (404),
// other methods (405) and declared bodies over the limit (413, without sending
// 100 Continue).
#ifndef PROFKPI_ADAPTERS_HTTP_ROUTER_H
#define PROFKPI_ADAPTERS_HTTP_ROUTER_H

#include "adapters/http/HttpContext.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <string>
#include <vector>

namespace profkpi::adapters::http {

// One route the service answers: a method and a path template, whose `{name}`
// segments each match any one path segment ("/api/v1/submissions/{submissionId}").
struct Route {
  std::string method;
  std::string path;
};

class Router final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Router(HttpContext& context) : _context(context) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

  // Every route, from the same table the router matches requests against, so
  // the published description (docs/openapi.yaml) can be checked against it.
  static std::vector<Route> routes();

 private:
  HttpContext& _context;
};

}  // namespace profkpi::adapters::http

#endif

// Routes requests to handlers by method and path (INTERFACE.md): the
// application the HTTP server serves. Unknown routes get 404, other methods 405
// with Allow, malformed paths 400, all decided before any body is read. HEAD is
// answered on every GET route.
#ifndef PROFKPI_ADAPTERS_HTTP_ROUTER_H
#define PROFKPI_ADAPTERS_HTTP_ROUTER_H

#include "adapters/http/HttpContext.h"
#include "adapters/http/server/HttpServer.h"

#include <string>
#include <vector>

namespace profkpi::adapters::http {

// One route the service answers: a method and a path template, whose `{name}`
// segments each match any one path segment ("/api/v1/submissions/{submissionId}").
struct Route {
  std::string method;
  std::string path;
};

class Router final : public HttpApplication {
 public:
  explicit Router(HttpContext& context) : _context(context) {}
  std::unique_ptr<RequestHandler> handlerFor(const HttpRequest& head) override;
  void answeredByServer(const HttpRequest& request, int status) override;

  // Every route, from the same table the router matches requests against, so
  // the published description (docs/openapi.yaml) can be checked against it.
  static std::vector<Route> routes();

 private:
  HttpContext& _context;
};

}  // namespace profkpi::adapters::http

#endif

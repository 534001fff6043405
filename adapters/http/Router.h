// Routes requests to handlers by method and path (INTERFACE.md). Decides, before
// any body is read, the refusals that need no handler: unknown routes (404),
// other methods (405) and declared bodies over the limit (413, without sending
// 100 Continue).
#ifndef PROFKPI_ADAPTERS_HTTP_ROUTER_H
#define PROFKPI_ADAPTERS_HTTP_ROUTER_H

#include "adapters/http/HttpContext.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace profkpi::adapters::http {

class Router final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Router(HttpContext& context) : _context(context) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

 private:
  HttpContext& _context;
};

}  // namespace profkpi::adapters::http

#endif

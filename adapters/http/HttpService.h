// The HTTP API of INTERFACE.md: the router over the shared context, served by
// the project's own HTTP/1.1 server (server/HttpServer.h). stop() stops
// accepting (new clients are refused), answers the requests in flight, closes
// every other connection and returns within http.shutdownSeconds.
#ifndef PROFKPI_ADAPTERS_HTTP_HTTPSERVICE_H
#define PROFKPI_ADAPTERS_HTTP_HTTPSERVICE_H

#include "adapters/http/HttpContext.h"
#include "adapters/http/server/HttpServer.h"

#include <memory>

namespace profkpi::adapters::http {

class HttpService {
 public:
  // The API (Router) over `context`, which must outlive the service. Throws
  // Poco::Net::NetException when the address cannot be bound.
  explicit HttpService(HttpContext& context);
  // Any application (the service takes it) with the same server settings:
  // benchmarks compare their baselines with the API on exactly this server.
  HttpService(const HttpOptions& options, std::unique_ptr<HttpApplication> application);
  ~HttpService();

  void start();
  void stop();
  // The port actually bound (useful when configured as 0).
  int port() const;

 private:
  std::unique_ptr<HttpApplication> _application;
  HttpServer _server;
  bool _running = false;
};

}  // namespace profkpi::adapters::http

#endif

// The HTTP service: Poco's HTTPServer with its own bounded thread pool and queue,
// per-read timeouts and bounded keep-alive. stop() stops accepting (new clients
// are refused), lets requests in flight finish, and returns when they have.
#ifndef PROFKPI_ADAPTERS_HTTP_HTTPSERVICE_H
#define PROFKPI_ADAPTERS_HTTP_HTTPSERVICE_H

#include "adapters/http/HttpContext.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <memory>

namespace profkpi::adapters::http {

class HttpService {
 public:
  // The API (Router) over `context`, which must outlive the service. Throws
  // Poco::Net::NetException when the address cannot be bound.
  explicit HttpService(HttpContext& context);
  // Any handler factory (the service takes it) with the same server settings:
  // benchmarks compare their baselines with the API on exactly this server.
  HttpService(const HttpOptions& options, Poco::Net::HTTPRequestHandlerFactory::Ptr factory);
  ~HttpService();

  void start();
  void stop();
  // The port actually bound (useful when configured as 0).
  int port() const;

 private:
  Poco::ThreadPool _pool;
  Poco::Net::ServerSocket _socket;  // shared with _server, closed by stop()
  int _port = 0;
  std::unique_ptr<Poco::Net::HTTPServer> _server;
  bool _running = false;
};

}  // namespace profkpi::adapters::http

#endif

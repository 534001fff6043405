// An HTTP/1.1 server built so that no client can change what another client's
// request does, nor hold the service: one thread reads and writes every socket
// (non-blocking, under epoll) against deadlines for the head, the body, the
// response and idle keep-alive; workers only ever run handlers on whole
// requests. Heads are read strictly (RequestHead.h), one request per message:
// a response sent before its body was read closes the connection, after
// draining what the client still sends. Bodies are read only once the handler
// has admitted the head (authentication before 100 Continue), within a memory
// budget shared by all connections; connections are capped in all and per
// client address. stop() returns within options.shutdownSeconds.
#ifndef PROFKPI_ADAPTERS_HTTP_SERVER_HTTPSERVER_H
#define PROFKPI_ADAPTERS_HTTP_SERVER_HTTPSERVER_H

#include "adapters/http/HttpOptions.h"
#include "adapters/http/server/HttpMessage.h"

#include <memory>
#include <optional>

namespace profkpi::adapters::http {

// One request's handling, in two steps on worker threads.
class RequestHandler {
 public:
  virtual ~RequestHandler() = default;
  // When the head is complete, before any byte of the body is read (and before
  // 100 Continue): a response to answer without the body (a refusal), or
  // nothing to go on and read it.
  virtual std::optional<HttpResponse> admit(const HttpRequest& head) = 0;
  // With the whole body (empty when the request has none).
  virtual HttpResponse serve(HttpRequest& request) = 0;
};

// What the server serves. Must be thread-safe: workers call it at once.
class HttpApplication {
 public:
  virtual ~HttpApplication() = default;
  // The handler for a request whose head has arrived; never null.
  virtual std::unique_ptr<RequestHandler> handlerFor(const HttpRequest& head) = 0;
  // A request the server answered itself (malformed, over a limit, too slow),
  // for logs and metrics; `request` holds what was parsed. Called on the
  // server's own thread: must not block.
  virtual void answeredByServer(const HttpRequest& request, int status) = 0;
};

class HttpServer {
 public:
  // Binds options.host:options.port (port 0: any free one). Throws
  // Poco::Net::NetException when it cannot. `application` must outlive the server.
  HttpServer(const HttpOptions& options, HttpApplication& application);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  void start();
  // Stops accepting at once (new clients are refused), answers the requests
  // being handled, closes every other connection, and returns within
  // options.shutdownSeconds (plus the time a handler already running needs).
  void stop();
  // The port actually bound.
  int port() const;

 private:
  class Reactor;
  std::unique_ptr<Reactor> _reactor;
};

}  // namespace profkpi::adapters::http

#endif

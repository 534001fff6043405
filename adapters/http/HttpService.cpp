#include "adapters/http/HttpService.h"

#include "adapters/http/Router.h"

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

namespace profkpi::adapters::http {

HttpService::HttpService(HttpContext& context) : HttpService(context.options, new Router(context)) {}

HttpService::HttpService(const HttpOptions& options, Poco::Net::HTTPRequestHandlerFactory::Ptr factory)
    : _pool("http", 2, options.threads + 1, 60) {
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(options.threads);
  params->setMaxQueued(options.queue);
  params->setTimeout(Poco::Timespan(options.ioTimeoutSeconds, 0));
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(options.keepAliveRequests);
  params->setKeepAliveTimeout(Poco::Timespan(options.keepAliveSeconds, 0));
  params->setServerName("profkpi");
  Poco::Net::ServerSocket socket;
  socket.bind(Poco::Net::SocketAddress(options.host, static_cast<Poco::UInt16>(options.port)), true);
  socket.listen(options.queue);
  _server = std::make_unique<Poco::Net::HTTPServer>(factory, _pool, socket, params);
}

HttpService::~HttpService() { stop(); }

void HttpService::start() {
  _server->start();
  _running = true;
}

void HttpService::stop() {
  if (!_running) return;
  _running = false;
  _server->stopAll(false);  // stop accepting; idle keep-alive connections close
  _pool.joinAll();          // requests in flight finish
}

int HttpService::port() const { return _server->port(); }

}  // namespace profkpi::adapters::http

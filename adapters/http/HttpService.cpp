#include "adapters/http/HttpService.h"

#include "adapters/http/Router.h"

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

namespace profkpi::adapters::http {

HttpService::HttpService(HttpContext& context)
    : _context(context), _pool("http", 2, context.options.threads + 1, 60) {
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(context.options.threads);
  params->setMaxQueued(context.options.queue);
  params->setTimeout(Poco::Timespan(context.options.ioTimeoutSeconds, 0));
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(context.options.keepAliveRequests);
  params->setKeepAliveTimeout(Poco::Timespan(context.options.keepAliveSeconds, 0));
  params->setServerName("profkpi");
  Poco::Net::ServerSocket socket;
  socket.bind(Poco::Net::SocketAddress(context.options.host, static_cast<Poco::UInt16>(context.options.port)), true);
  socket.listen(context.options.queue);
  _server = std::make_unique<Poco::Net::HTTPServer>(new Router(context), _pool, socket, params);
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

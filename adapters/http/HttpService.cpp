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
  _socket.bind(Poco::Net::SocketAddress(context.options.host, static_cast<Poco::UInt16>(context.options.port)), true);
  _socket.listen(context.options.queue);
  _port = _socket.address().port();
  _server = std::make_unique<Poco::Net::HTTPServer>(new Router(context), _pool, _socket, params);
}

HttpService::~HttpService() { stop(); }

void HttpService::start() {
  _server->start();
  _running = true;
}

void HttpService::stop() {
  if (!_running) return;
  _running = false;
  _server->stop();  // no more accept()
  // Closing the listening socket refuses new clients at once: left open, the
  // kernel would queue their connections until exit and then reset them, after
  // they had sent their bodies, leaving them unsure whether anything was stored.
  _socket.close();
  _server->stopAll(false);  // idle keep-alive connections close; requests in flight finish
  _pool.joinAll();
}

int HttpService::port() const { return _port; }

}  // namespace profkpi::adapters::http

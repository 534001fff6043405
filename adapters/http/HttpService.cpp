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
  // SO_REUSEADDR lets a restart bind while old connections linger in TIME_WAIT;
  // SO_REUSEPORT (which Poco's two-argument bind also sets) is left off, so a
  // port another process listens on is an error, not shared with it.
  _socket.bind(Poco::Net::SocketAddress(options.host, static_cast<Poco::UInt16>(options.port)), true, false);
  _socket.listen(options.queue);
  _port = _socket.address().port();
  _server = std::make_unique<Poco::Net::HTTPServer>(factory, _pool, _socket, params);
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

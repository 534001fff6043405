#include "adapters/http/HttpService.h"

#include "adapters/http/Router.h"

namespace profkpi::adapters::http {

HttpService::HttpService(HttpContext& context) : HttpService(context.options, std::make_unique<Router>(context)) {}

HttpService::HttpService(const HttpOptions& options, std::unique_ptr<HttpApplication> application)
    : _application(std::move(application)), _server(options, *_application) {}

HttpService::~HttpService() { stop(); }

void HttpService::start() {
  _server.start();
  _running = true;
}

void HttpService::stop() {
  if (!_running) return;
  _running = false;
  _server.stop();
}

int HttpService::port() const { return _server.port(); }

}  // namespace profkpi::adapters::http

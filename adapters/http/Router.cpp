#include "adapters/http/Router.h"

#include "adapters/http/Handlers.h"

#include <Poco/URI.h>

#include <vector>

namespace profkpi::adapters::http {

namespace {

std::vector<std::string> segmentsOf(const Poco::Net::HTTPServerRequest& request) {
  std::vector<std::string> segments;
  try {
    Poco::URI(request.getURI()).getPathSegments(segments);
  } catch (const Poco::Exception&) {
    segments.clear();
    segments.push_back("\x01");  // unparseable: matches no route
  }
  return segments;
}

bool is(const std::vector<std::string>& s, std::initializer_list<const char*> pattern) {
  if (s.size() != pattern.size()) return false;
  std::size_t i = 0;
  for (const char* part : pattern) {
    if (part[0] != '{' && s[i] != part) return false;
    ++i;
  }
  return true;
}

}  // namespace

Poco::Net::HTTPRequestHandler* Router::createRequestHandler(const Poco::Net::HTTPServerRequest& request) {
  const std::string& method = request.getMethod();
  std::vector<std::string> s = segmentsOf(request);
  auto wrongMethod = [&](const std::string& route, const char* allow) {
    return new RefusalHandler(_context, route, 405, "Method not allowed", method + " is not allowed here", allow);
  };

  if (is(s, {"healthz"})) return method == "GET" ? static_cast<Poco::Net::HTTPRequestHandler*>(new HealthHandler(_context)) : wrongMethod("/healthz", "GET");
  if (is(s, {"metrics"})) return method == "GET" ? static_cast<Poco::Net::HTTPRequestHandler*>(new MetricsHandler(_context)) : wrongMethod("/metrics", "GET");
  if (is(s, {"api", "v1", "submissions"})) {
    if (method != "POST") return wrongMethod("/api/v1/submissions", "POST");
    if (request.hasContentLength() && request.getContentLength64() > _context.options.maxBodyBytes) {
      // A status other than 200 here stops Poco from sending 100 Continue.
      request.response().setStatus(Poco::Net::HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE);
      return new RefusalHandler(_context, "POST /api/v1/submissions", 413, "Payload too large",
                                "the body may be at most " + std::to_string(_context.options.maxBodyBytes) + " bytes");
    }
    return new SubmitHandler(_context);
  }
  if (is(s, {"api", "v1", "submissions", "{id}"})) {
    return method == "GET" ? static_cast<Poco::Net::HTTPRequestHandler*>(new ReceiptHandler(_context, s[3]))
                           : wrongMethod("/api/v1/submissions/{id}", "GET");
  }
  if (is(s, {"api", "v1", "organisations", "{code}", "periods", "{period}", "kpis"})) {
    return method == "GET" ? static_cast<Poco::Net::HTTPRequestHandler*>(new KpisHandler(_context, s[3], s[5]))
                           : wrongMethod("/api/v1/organisations/{code}/periods/{period}/kpis", "GET");
  }
  if (is(s, {"api", "v1", "organisations", "{code}", "periods", "{period}", "report.pdf"})) {
    return method == "GET" ? static_cast<Poco::Net::HTTPRequestHandler*>(new BoardReportHandler(_context, s[3], s[5]))
                           : wrongMethod("/api/v1/organisations/{code}/periods/{period}/report.pdf", "GET");
  }
  if (is(s, {"api", "v1", "periods", "{period}", "sector-report.pdf"})) {
    return method == "GET" ? static_cast<Poco::Net::HTTPRequestHandler*>(new SectorReportHandler(_context, s[3]))
                           : wrongMethod("/api/v1/periods/{period}/sector-report.pdf", "GET");
  }
  return new RefusalHandler(_context, "unknown", 404, "Not found", "no such resource: " + request.getURI());
}

}  // namespace profkpi::adapters::http

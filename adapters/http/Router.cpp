#include "adapters/http/Router.h"

#include <Poco/String.h>
#include <Poco/URI.h>

#include "adapters/http/Handlers.h"

namespace profkpi::adapters::http {

namespace {

using Segments = std::vector<std::string>;
using Request = Poco::Net::HTTPServerRequest;
using MakeHandler = Poco::Net::HTTPRequestHandler* (*)(HttpContext&, const Request&, const Segments&);

Segments segmentsOf(const std::string& path) {
  Segments segments;
  try {
    Poco::URI(path).getPathSegments(segments);
  } catch (const Poco::Exception&) {
    segments.assign(1, "\x01");  // unparseable: matches no route
  }
  return segments;
}

Poco::Net::HTTPRequestHandler* submit(HttpContext& context, const Request& request, const Segments&) {
  if (request.hasContentLength() && request.getContentLength64() > context.options.maxBodyBytes) {
    // A status other than 200 here stops Poco from sending 100 Continue.
    request.response().setStatus(Poco::Net::HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE);
    return new RefusalHandler(context, "POST /api/v1/submissions", 413, "Payload too large",
                              "the body may be at most " + std::to_string(context.options.maxBodyBytes) + " bytes");
  }
  return new SubmitHandler(context);
}

struct Entry {
  Entry(const char* method, const char* path, MakeHandler make)
      : method(method), path(path), make(make), pattern(segmentsOf(path)) {}
  const char* method;
  const char* path;
  MakeHandler make;
  Segments pattern;  // the path's segments
};

// The one route table: the router matches it in order and routes() lists it.
// Path parameters reach the handlers by position in the request's segments.
const std::vector<Entry>& table() {
  static const std::vector<Entry> entries{
      {"GET", "/healthz",
       [](HttpContext& c, const Request&, const Segments&) -> Poco::Net::HTTPRequestHandler* {
         return new HealthHandler(c);
       }},
      {"GET", "/metrics",
       [](HttpContext& c, const Request&, const Segments&) -> Poco::Net::HTTPRequestHandler* {
         return new MetricsHandler(c);
       }},
      {"POST", "/api/v1/submissions", submit},
      {"GET", "/api/v1/submissions/{submissionId}",
       [](HttpContext& c, const Request&, const Segments& s) -> Poco::Net::HTTPRequestHandler* {
         return new ReceiptHandler(c, s[3]);
       }},
      {"GET", "/api/v1/organisations/{code}/periods/{period}/kpis",
       [](HttpContext& c, const Request&, const Segments& s) -> Poco::Net::HTTPRequestHandler* {
         return new KpisHandler(c, s[3], s[5]);
       }},
      {"GET", "/api/v1/organisations/{code}/periods/{period}/report.pdf",
       [](HttpContext& c, const Request&, const Segments& s) -> Poco::Net::HTTPRequestHandler* {
         return new BoardReportHandler(c, s[3], s[5]);
       }},
      {"GET", "/api/v1/periods/{period}/sector-report.pdf",
       [](HttpContext& c, const Request&, const Segments& s) -> Poco::Net::HTTPRequestHandler* {
         return new SectorReportHandler(c, s[3]);
       }},
  };
  return entries;
}

bool matches(const Segments& pattern, const Segments& segments) {
  if (pattern.size() != segments.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i].front() != '{' && pattern[i] != segments[i]) return false;
  }
  return true;
}

}  // namespace

std::vector<Route> Router::routes() {
  std::vector<Route> list;
  for (const Entry& entry : table()) list.push_back({entry.method, entry.path});
  return list;
}

Poco::Net::HTTPRequestHandler* Router::createRequestHandler(const Request& request) {
  const std::string& method = request.getMethod();
  Segments segments = segmentsOf(request.getURI());
  std::vector<std::string> allowed;
  std::string path;
  for (const Entry& entry : table()) {
    if (!matches(entry.pattern, segments)) continue;
    if (method == entry.method) return entry.make(_context, request, segments);
    allowed.push_back(entry.method);
    path = entry.path;
  }
  if (!allowed.empty()) {
    return new RefusalHandler(_context, path, 405, "Method not allowed", method + " is not allowed here",
                              Poco::cat(std::string(", "), allowed.begin(), allowed.end()));
  }
  return new RefusalHandler(_context, "unknown", 404, "Not found", "no such resource: " + request.getURI());
}

}  // namespace profkpi::adapters::http

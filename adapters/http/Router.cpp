#include "adapters/http/Router.h"

#include "adapters/http/Handlers.h"
#include "adapters/http/server/RequestHead.h"

#include <Poco/Format.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/String.h>

namespace profkpi::adapters::http {

namespace {

using Segments = std::vector<std::string>;
using Handler = std::unique_ptr<RequestHandler>;
using MakeHandler = Handler (*)(HttpContext&, const Segments&);

template <typename H, typename... Args>
Handler make(HttpContext& context, Args&&... args) {
  return std::make_unique<H>(context, std::forward<Args>(args)...);
}

// A template's segments ("/healthz" -> {"healthz"}).
Segments templateSegments(const std::string& path) { return *pathSegments(path); }

struct Entry {
  Entry(const char* method, const char* path, MakeHandler make)
      : method(method), path(path), make(make), pattern(templateSegments(path)) {}
  const char* method;
  const char* path;
  MakeHandler make;
  Segments pattern;  // the path's segments
};

// The open-data routes: the file is the last segment.
Handler openData(HttpContext& c, const Segments& s) { return make<OpenDataHandler>(c, s[3], s[4]); }

// The one route table: the router matches it in order and routes() lists it.
// Path parameters reach the handlers by position in the request's segments.
const std::vector<Entry>& table() {
  static const std::vector<Entry> entries{
      {"GET", "/healthz", [](HttpContext& c, const Segments&) -> Handler { return make<HealthHandler>(c); }},
      {"GET", "/metrics", [](HttpContext& c, const Segments&) -> Handler { return make<MetricsHandler>(c); }},
      {"POST", "/api/v1/submissions",
       [](HttpContext& c, const Segments&) -> Handler { return make<SubmitHandler>(c); }},
      {"GET", "/api/v1/submissions/{submissionId}",
       [](HttpContext& c, const Segments& s) -> Handler { return make<ReceiptHandler>(c, s[3]); }},
      {"GET", "/api/v1/organisations/{code}/periods/{period}/kpis",
       [](HttpContext& c, const Segments& s) -> Handler { return make<KpisHandler>(c, s[3], s[5]); }},
      {"GET", "/api/v1/organisations/{code}/periods/{period}/report.pdf",
       [](HttpContext& c, const Segments& s) -> Handler { return make<BoardReportHandler>(c, s[3], s[5]); }},
      {"GET", "/api/v1/periods/{period}/sector-report.pdf",
       [](HttpContext& c, const Segments& s) -> Handler { return make<SectorReportHandler>(c, s[3]); }},
      {"GET", "/api/v1/periods/{period}/results.csv", openData},
      {"GET", "/api/v1/periods/{period}/results.csv-metadata.json", openData},
      {"GET", "/api/v1/periods/{period}/peers.csv", openData},
      {"GET", "/api/v1/periods/{period}/peers.csv-metadata.json", openData},
      {"GET", "/api/v1/periods/{period}/coverage.csv", openData},
      {"GET", "/api/v1/periods/{period}/coverage.csv-metadata.json", openData},
  };
  return entries;
}

bool matches(const Segments& pattern, const Segments& segments) {
  if (pattern.size() != segments.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    bool parameter = pattern[i].front() == '{';
    // A parameter matches one non-empty segment; "//healthz" matches nothing.
    if (parameter ? segments[i].empty() : pattern[i] != segments[i]) return false;
  }
  return true;
}

}  // namespace

std::vector<Route> Router::routes() {
  std::vector<Route> list;
  for (const Entry& entry : table()) list.push_back({entry.method, entry.path});
  return list;
}

std::unique_ptr<RequestHandler> Router::handlerFor(const HttpRequest& head) {
  auto segments = pathSegments(head.path);
  if (!segments) {
    return std::make_unique<RefusalHandler>(_context, "unknown", 400, "Bad request",
                                            "the path has a malformed percent-escape");
  }
  // HEAD is GET without the body (the server leaves the body out).
  const std::string method = head.method == "HEAD" ? "GET" : head.method;
  std::vector<std::string> allowed;
  std::string path;
  for (const Entry& entry : table()) {
    if (!matches(entry.pattern, *segments)) continue;
    if (method == entry.method) return entry.make(_context, *segments);
    allowed.push_back(entry.method);
    if (std::string(entry.method) == "GET") allowed.push_back("HEAD");
    path = entry.path;
  }
  if (!allowed.empty()) {
    return std::make_unique<RefusalHandler>(_context, path, 405, "Method not allowed",
                                            head.method + " is not allowed here",
                                            Poco::cat(std::string(", "), allowed.begin(), allowed.end()));
  }
  return std::make_unique<RefusalHandler>(_context, "unknown", 404, "Not found", "no such resource: " + head.path);
}

void Router::answeredByServer(const HttpRequest& request, int status) {
  _context.metrics.request("server", status, 0);
  Poco::Logger& log = Poco::Logger::get("http");
  // A connection refused before any request was read (over a cap) is counted,
  // and logged only at debug level: a flood of them must not flood the log.
  if (request.method.empty() && !log.debug()) return;
  log.log(Poco::Message("http", Poco::format("%s %s %d answered by the server client=%s",
                                             request.method.empty() ? std::string("-") : request.method,
                                             request.target.empty() ? std::string("-") : request.target, status,
                                             request.peer.empty() ? std::string("-") : request.peer),
                              request.method.empty() ? Poco::Message::PRIO_DEBUG : Poco::Message::PRIO_INFORMATION));
}

}  // namespace profkpi::adapters::http

// A request and a response as the HTTP server hands them to the application
// and takes them back: whole messages in memory, already framed. The server
// (HttpServer.h) does all reading and writing; the application never sees a socket.
#ifndef PROFKPI_ADAPTERS_HTTP_SERVER_HTTPMESSAGE_H
#define PROFKPI_ADAPTERS_HTTP_SERVER_HTTPMESSAGE_H

#include <Poco/JSON/Array.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace profkpi::adapters::http {

struct Header {
  std::string name;
  std::string value;
};
using Headers = std::vector<Header>;

// Whether two field names (or tokens) are the same, ASCII case aside, as HTTP compares them.
bool equalsIgnoringCase(std::string_view a, std::string_view b);

// The first value of the field `name` (compared without case); nullptr when absent.
const std::string* findHeader(const Headers& headers, std::string_view name);
// How many fields are called `name`.
int countHeaders(const Headers& headers, std::string_view name);

struct HttpRequest {
  std::string method;
  std::string target;  // as sent: "/api/v1/submissions?x=1"
  std::string path;    // the target's path, still percent-encoded
  std::string query;   // after '?', without it; empty when none
  int minorVersion = 1;  // HTTP/1.<minorVersion>
  Headers headers;
  // How the body is framed: a Content-Length, chunked, or neither (no body).
  std::optional<std::int64_t> contentLength;
  bool chunked = false;
  bool expectContinue = false;
  std::string body;  // whole, once the server hands the request to serve()
  std::string peer;  // the connection's IP address

  bool hasBody() const { return chunked || contentLength.value_or(0) > 0; }
  // The first value of a field, or `fallback`.
  std::string header(std::string_view name, const std::string& fallback = {}) const;
  // Every value of a field, in order.
  std::vector<std::string> headerValues(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  Headers headers;  // without Content-Length, Date, Server and Connection: the server writes those
  std::string body;
  bool close = false;  // close the connection once this response is written

  // Replaces any field of that name.
  void set(const std::string& name, const std::string& value);
  const std::string* get(std::string_view name) const { return findHeader(headers, name); }
};

// "Not Found" for 404; "Unknown" for codes without a phrase.
const char* reasonPhrase(int status);

// An RFC 9457 application/problem+json response; `instance` is left out when
// empty, `errors` (the diagnostics of a refused submission) when null.
HttpResponse problemResponse(int status, const std::string& title, const std::string& detail,
                             const std::string& instance = {}, const Poco::JSON::Array::Ptr& errors = nullptr);

}  // namespace profkpi::adapters::http

#endif

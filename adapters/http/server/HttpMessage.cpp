#include "adapters/http/server/HttpMessage.h"

#include <Poco/JSON/Object.h>
#include <Poco/String.h>

#include <sstream>

namespace profkpi::adapters::http {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Poco::Ascii::toLower(a[i]) != Poco::Ascii::toLower(b[i])) return false;
  }
  return true;
}

const std::string* findHeader(const Headers& headers, std::string_view name) {
  for (const Header& h : headers) {
    if (equalsIgnoringCase(h.name, name)) return &h.value;
  }
  return nullptr;
}

int countHeaders(const Headers& headers, std::string_view name) {
  int n = 0;
  for (const Header& h : headers) n += equalsIgnoringCase(h.name, name) ? 1 : 0;
  return n;
}

std::string HttpRequest::header(std::string_view name, const std::string& fallback) const {
  const std::string* value = findHeader(headers, name);
  return value ? *value : fallback;
}

std::vector<std::string> HttpRequest::headerValues(std::string_view name) const {
  std::vector<std::string> values;
  for (const Header& h : headers) {
    if (equalsIgnoringCase(h.name, name)) values.push_back(h.value);
  }
  return values;
}

void HttpResponse::set(const std::string& name, const std::string& value) {
  Headers kept;
  for (Header& h : headers) {
    if (!equalsIgnoringCase(h.name, name)) kept.push_back(std::move(h));
  }
  kept.push_back({name, value});
  headers = std::move(kept);
}

const char* reasonPhrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
  }
}

HttpResponse problemResponse(int status, const std::string& title, const std::string& detail,
                             const std::string& instance, const Poco::JSON::Array::Ptr& errors) {
  Poco::JSON::Object problem(Poco::JSON_PRESERVE_KEY_ORDER);
  problem.set("type", "about:blank");
  problem.set("title", title);
  problem.set("status", status);
  if (!detail.empty()) problem.set("detail", detail);
  if (!instance.empty()) problem.set("instance", instance);
  if (errors) problem.set("errors", errors);
  std::ostringstream text;
  problem.stringify(text);
  HttpResponse response;
  response.status = status;
  response.set("Content-Type", "application/problem+json");
  response.body = text.str();
  return response;
}

}  // namespace profkpi::adapters::http

#include "adapters/http/server/RequestHead.h"

#include <vector>

namespace profkpi::adapters::http {

namespace {

bool isTokenChar(unsigned char c) {
  if (c >= '0' && c <= '9') return true;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool isToken(std::string_view text) {
  if (text.empty()) return false;
  for (unsigned char c : text) {
    if (!isTokenChar(c)) return false;
  }
  return true;
}

// Field values: visible characters, obs-text, space and tab; no other control.
bool isFieldValue(std::string_view text) {
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
  }
  return true;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The comma-separated members of a field, trimmed, empty ones dropped.
std::vector<std::string> listMembers(const std::string& value) {
  std::vector<std::string> members;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t comma = value.find(',', start);
    if (comma == std::string::npos) comma = value.size();
    std::string_view member = trimmed(std::string_view(value).substr(start, comma - start));
    if (!member.empty()) members.emplace_back(member);
    start = comma + 1;
  }
  return members;
}

HeadError malformed(const std::string& detail) { return {400, "Bad request", detail}; }

// "HTTP/1.1" -> 1; a well-formed other version -> -1 (505); malformed -> -2 (400).
int minorVersionOf(std::string_view version) {
  if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || version[6] != '.') return -2;
  if (version[5] < '0' || version[5] > '9' || version[7] < '0' || version[7] > '9') return -2;
  if (version[5] != '1' || (version[7] != '0' && version[7] != '1')) return -1;
  return version[7] - '0';
}

std::optional<HeadError> parseRequestLine(std::string_view line, HttpRequest& request) {
  std::size_t first = line.find(' ');
  std::size_t last = line.rfind(' ');
  if (first == std::string_view::npos || first == last) {
    return malformed("the request line must be METHOD SP TARGET SP HTTP-VERSION");
  }
  std::string_view method = line.substr(0, first);
  std::string_view target = line.substr(first + 1, last - first - 1);
  std::string_view version = line.substr(last + 1);
  if (!isToken(method) || method.size() > 32) return malformed("the method is not a token");
  if (target.empty() || target.size() > 8192) return malformed("the request target is empty or too long");
  for (unsigned char c : target) {
    if (c <= 0x20 || c >= 0x7f) return malformed("the request target contains a space or a control character");
  }
  int minor = minorVersionOf(version);
  if (minor == -2) return malformed("the request line does not end in HTTP/1.1 or HTTP/1.0");
  if (minor == -1) {
    return HeadError{505, "HTTP version not supported", "this server speaks HTTP/1.1 and HTTP/1.0"};
  }
  request.method = std::string(method);
  request.minorVersion = minor;
  request.target = std::string(target);
  std::string_view path = target;
  if (target.front() != '/') {
    // absolute-form (RFC 9112 3.2.2): a proxy's way of writing the target.
    std::size_t scheme = target.find("://");
    bool http = scheme != std::string_view::npos &&
                (equalsIgnoringCase(target.substr(0, scheme), "http") || equalsIgnoringCase(target.substr(0, scheme), "https"));
    if (!http) return malformed("the request target must be a path starting with '/'");
    // The authority ends at the first '/', '?' or '#'; the path is what follows.
    std::size_t end = target.find_first_of("/?#", scheme + 3);
    if (end == scheme + 3) return malformed("an absolute request target names no host");
    path = end == std::string_view::npos ? std::string_view() : target.substr(end);
  }
  std::size_t question = path.find('?');
  request.path = std::string(path.substr(0, question));
  if (request.path.empty()) request.path = "/";
  request.query = question == std::string_view::npos ? std::string() : std::string(path.substr(question + 1));
  if (target.find('#') != std::string_view::npos) {
    return malformed("a request target has no fragment");
  }
  return std::nullopt;
}

bool isDecimal(std::string_view text) {
  if (text.empty() || text.size() > 18) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool methodTakesBody(const std::string& method) { return method == "POST" || method == "PUT" || method == "PATCH"; }

// Content-Length, Transfer-Encoding, Content-Encoding and Expect, after the fields are read.
std::optional<HeadError> decideFraming(std::int64_t maxBodyBytes, HttpRequest& request) {
  int lengths = countHeaders(request.headers, "Content-Length");
  int encodings = countHeaders(request.headers, "Transfer-Encoding");
  if (encodings > 0) {
    if (request.minorVersion == 0) return malformed("HTTP/1.0 has no Transfer-Encoding");
    if (lengths > 0) return malformed("Content-Length and Transfer-Encoding together");
    if (encodings > 1 || !equalsIgnoringCase(trimmed(request.header("Transfer-Encoding")), "chunked")) {
      return malformed("the only transfer coding accepted is exactly 'chunked'");
    }
    request.chunked = true;
  } else if (lengths > 0) {
    const std::string value = request.header("Content-Length");
    std::string_view text = trimmed(value);
    if (lengths > 1 || !isDecimal(text)) {
      return malformed("Content-Length must be one decimal number of at most 18 digits");
    }
    request.contentLength = std::stoll(std::string(text));
  } else if (request.method == "POST") {
    return HeadError{411, "Length required", "send Content-Length (or Transfer-Encoding: chunked) with the body"};
  }
  if (!request.hasBody()) return std::nullopt;
  if (!methodTakesBody(request.method)) return malformed("a " + request.method + " request carries no body");
  if (request.contentLength.value_or(0) > maxBodyBytes) {
    return HeadError{413, "Payload too large", "the body may be at most " + std::to_string(maxBodyBytes) + " bytes"};
  }
  for (const std::string& value : request.headerValues("Content-Encoding")) {
    for (const std::string& coding : listMembers(value)) {
      if (!equalsIgnoringCase(coding, "identity")) {
        return HeadError{415, "Unsupported media type",
                         "content coding '" + coding + "' is not accepted: send the body as it is"};
      }
    }
  }
  // HTTP/1.0 clients know no 100 Continue (RFC 9110 10.1.1): their expectation is ignored.
  request.expectContinue = request.minorVersion == 1 && hasToken(request, "Expect", "100-continue");
  return std::nullopt;
}

}  // namespace

bool hasToken(const HttpRequest& request, std::string_view name, std::string_view token) {
  for (const std::string& value : request.headerValues(name)) {
    for (const std::string& member : listMembers(value)) {
      if (equalsIgnoringCase(member, token)) return true;
    }
  }
  return false;
}

std::size_t leadingEmptyLines(std::string_view buffer) {
  std::size_t at = 0;
  while (true) {
    if (buffer.substr(at, 2) == "\r\n") {
      at += 2;
    } else if (buffer.substr(at, 1) == "\n") {
      at += 1;
    } else {
      return at;
    }
  }
}

std::size_t headLength(std::string_view buffer, std::size_t scanned) {
  // Step back over a line end the last search may have seen only half of.
  std::size_t at = scanned > 3 ? scanned - 3 : 0;
  while ((at = buffer.find('\n', at)) != std::string_view::npos) {
    ++at;
    if (buffer.substr(at, 1) == "\n") return at + 1;
    if (buffer.substr(at, 2) == "\r\n") return at + 2;
  }
  return 0;
}

std::optional<HeadError> parseHead(std::string_view head, std::int64_t maxBodyBytes, const HeadLimits& limits,
                                   HttpRequest& request) {
  if (head.size() > limits.maxHeadBytes) {
    return HeadError{431, "Request header fields too large",
                     "the request head may be at most " + std::to_string(limits.maxHeadBytes) + " bytes"};
  }
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < head.size()) {
    std::size_t end = head.find('\n', start);
    if (end == std::string_view::npos) end = head.size();
    std::string_view line = head.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find('\r') != std::string_view::npos) return malformed("a bare CR in the request head");
    lines.push_back(line);
    start = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.empty()) return malformed("no request line");
  if (auto error = parseRequestLine(lines.front(), request)) return error;
  if (static_cast<int>(lines.size()) - 1 > limits.maxFields) {
    return HeadError{431, "Request header fields too large",
                     "a request may have at most " + std::to_string(limits.maxFields) + " header fields"};
  }
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (line.front() == ' ' || line.front() == '\t') return malformed("folded header lines are not accepted");
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return malformed("a header line without a colon");
    std::string_view name = line.substr(0, colon);
    if (!isToken(name)) return malformed("the header name '" + std::string(name.substr(0, 64)) + "' is not a token");
    std::string_view value = trimmed(line.substr(colon + 1));
    if (!isFieldValue(value)) return malformed("the value of " + std::string(name) + " contains a control character");
    request.headers.push_back({std::string(name), std::string(value)});
  }
  int hosts = countHeaders(request.headers, "Host");
  if (hosts > 1 || (request.minorVersion == 1 && hosts == 0)) {
    return malformed("an HTTP/1.1 request has exactly one Host header");
  }
  return decideFraming(maxBodyBytes, request);
}

std::optional<std::vector<std::string>> pathSegments(std::string_view path) {
  std::vector<std::string> segments;
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::size_t start = 1;
  while (true) {
    std::size_t slash = path.find('/', start);
    std::string_view raw = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    std::string segment;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '%') {
        segment += raw[i];
        continue;
      }
      if (i + 2 >= raw.size()) return std::nullopt;
      auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        c = static_cast<char>(c | 0x20);
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      };
      int high = hex(raw[i + 1]);
      int low = hex(raw[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      segment += static_cast<char>(high * 16 + low);
      i += 2;
    }
    segments.push_back(std::move(segment));
    if (slash == std::string_view::npos) return segments;
    start = slash + 1;
  }
}

}  // namespace profkpi::adapters::http

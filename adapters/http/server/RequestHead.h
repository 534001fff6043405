// Reading a request head strictly (RFC 9112), and deciding from it alone how
// the body is framed. Strict on purpose: a head two parsers could read two ways
// (two lengths, a length and chunked, an odd coding) is how one request is
// smuggled inside another, so anything ambiguous is refused, never guessed at.
#ifndef PROFKPI_ADAPTERS_HTTP_SERVER_REQUESTHEAD_H
#define PROFKPI_ADAPTERS_HTTP_SERVER_REQUESTHEAD_H

#include "adapters/http/server/HttpMessage.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace profkpi::adapters::http {

// Beyond these a head is answered 431.
struct HeadLimits {
  std::size_t maxHeadBytes = 32768;  // request line, fields and the blank line
  int maxFields = 100;
};

// A refusal decided from the head: the status and words for the problem document.
struct HeadError {
  int status;
  std::string title;
  std::string detail;
};

// Empty lines a client may send before a request line (RFC 9112 2.2): how many
// bytes of them `buffer` starts with.
std::size_t leadingEmptyLines(std::string_view buffer);

// The length of the head at the start of `buffer` (up to and with its blank
// line); 0 while it has not all arrived. Lines end in LF, with or without CR.
// `scanned`: how much of the buffer an earlier call already looked at (the
// search resumes there, so a head arriving byte by byte is read once).
std::size_t headLength(std::string_view buffer, std::size_t scanned = 0);

// Parses a complete head into `request` (method, target, path, query, version,
// fields, framing, Expect). Returns the refusal for a malformed head (400), one
// over the limits (431), another HTTP version (505), or a body the server will
// not read: ambiguous framing (400), a POST without a length (411), a declared
// length over `maxBodyBytes` (413), a content coding (415), a body on a method
// that takes none (400).
std::optional<HeadError> parseHead(std::string_view head, std::int64_t maxBodyBytes, const HeadLimits& limits,
                                   HttpRequest& request);

// Whether one of the comma-separated members of the field `name` is `token`,
// case aside ("Connection: keep-alive, close" has "close").
bool hasToken(const HttpRequest& request, std::string_view name, std::string_view token);

// The path's segments, percent-decoded: "/a/b%20c" -> {"a", "b c"}; "/" -> {""}.
// Nothing for a malformed escape. An empty segment ("//x") is kept, so it
// matches no route.
std::optional<std::vector<std::string>> pathSegments(std::string_view path);

}  // namespace profkpi::adapters::http

#endif

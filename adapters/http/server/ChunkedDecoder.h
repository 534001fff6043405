// Decodes a chunked request body (RFC 9112 7.1) as its bytes arrive, strictly:
// a chunk-size line of hex digits (extensions allowed, of visible characters),
// the chunk's data followed by exactly CRLF, a last chunk of size 0, trailer
// fields and the blank line. Anything else is an error, never the end of the body.
#ifndef PROFKPI_ADAPTERS_HTTP_SERVER_CHUNKEDDECODER_H
#define PROFKPI_ADAPTERS_HTTP_SERVER_CHUNKEDDECODER_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace profkpi::adapters::http {

class ChunkedDecoder {
 public:
  // Takes bytes from `input`, appending chunk data to `body`; returns how many
  // it consumed. It stops after the body's last byte (the rest belongs to the
  // next request), on an error, or when `body` would exceed `maxBody` (tooLarge()).
  std::size_t feed(std::string_view input, std::string& body, std::int64_t maxBody);

  bool done() const { return _state == State::Done; }
  bool failed() const { return _state == State::Failed; }
  bool tooLarge() const { return _tooLarge; }
  // Why the body was refused, once failed().
  const std::string& error() const { return _error; }

 private:
  enum class State { SizeLine, Data, DataEnd, Trailer, Done, Failed };
  std::size_t fail(std::size_t consumed, std::string why);
  // A complete chunk-size line (without its line end).
  bool acceptSizeLine(std::string_view line);

  State _state = State::SizeLine;
  std::string _line;         // the line being collected (size or trailer)
  std::uint64_t _remaining = 0;  // data bytes left in the current chunk
  std::size_t _trailerBytes = 0;
  bool _tooLarge = false;
  std::string _error;
};

}  // namespace profkpi::adapters::http

#endif

#include "adapters/http/server/ChunkedDecoder.h"

#include <algorithm>

namespace profkpi::adapters::http {

namespace {

constexpr std::size_t MAX_LINE = 4096;      // a chunk-size line or one trailer field
constexpr std::size_t MAX_TRAILER = 16384;  // all trailer fields together

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::size_t ChunkedDecoder::fail(std::size_t consumed, std::string why) {
  _state = State::Failed;
  _error = std::move(why);
  return consumed;
}

bool ChunkedDecoder::acceptSizeLine(std::string_view line) {
  std::size_t digits = 0;
  std::uint64_t size = 0;
  while (digits < line.size() && hexValue(line[digits]) >= 0) {
    if (digits == 15) return false;  // more than 15 hex digits: no body is that large
    size = size * 16 + static_cast<std::uint64_t>(hexValue(line[digits]));
    ++digits;
  }
  if (digits == 0) return false;
  std::string_view rest = line.substr(digits);
  // chunk-ext: BWS ";" ... of visible characters and blanks only.
  std::size_t blanks = rest.find_first_not_of(" \t");
  if (blanks != std::string_view::npos) {
    if (rest[blanks] != ';') return false;
    for (unsigned char c : rest) {
      if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
    }
  }
  _remaining = size;
  return true;
}

std::size_t ChunkedDecoder::feed(std::string_view input, std::string& body, std::int64_t maxBody) {
  std::size_t at = 0;
  while (at < input.size() && _state != State::Done && _state != State::Failed) {
    switch (_state) {
      case State::SizeLine:
      case State::Trailer: {
        // Lines here end in CRLF; a bare LF or CR is refused.
        char c = input[at++];
        if (c != '\n') {
          _line += c;
          if (_line.size() > MAX_LINE) return fail(at, "a chunk-size or trailer line is too long");
          if (_state == State::Trailer && ++_trailerBytes > MAX_TRAILER) return fail(at, "the trailer is too long");
          continue;
        }
        if (_line.empty() || _line.back() != '\r') return fail(at, "a chunk line does not end in CRLF");
        _line.pop_back();
        if (_line.find('\r') != std::string::npos) return fail(at, "a bare CR in a chunk line");
        if (_state == State::Trailer) {
          if (_line.empty()) _state = State::Done;
          _line.clear();
          continue;
        }
        if (!acceptSizeLine(_line)) return fail(at, "a malformed chunk-size line");
        _line.clear();
        if (_remaining == 0) {
          _state = State::Trailer;
        } else if (static_cast<std::uint64_t>(maxBody) - std::min<std::uint64_t>(body.size(), maxBody) < _remaining) {
          _tooLarge = true;
          return fail(at, "the body may be at most " + std::to_string(maxBody) + " bytes");
        } else {
          _state = State::Data;
        }
        continue;
      }
      case State::Data: {
        std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(_remaining, input.size() - at));
        body.append(input.data() + at, n);
        at += n;
        _remaining -= n;
        if (_remaining == 0) _state = State::DataEnd;
        continue;
      }
      case State::DataEnd: {
        _line += input[at++];
        if (_line.size() < 2) continue;
        if (_line != "\r\n") return fail(at, "chunk data is not followed by CRLF");
        _line.clear();
        _state = State::SizeLine;
        continue;
      }
      case State::Done:
      case State::Failed:
        break;
    }
  }
  return at;
}

}  // namespace profkpi::adapters::http

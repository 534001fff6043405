#include "adapters/convert/CsvReader.h"

namespace profkpi::adapters::convert {

namespace {
constexpr std::size_t BUFFER_BYTES = 1 << 16;
constexpr int END = -1;
}  // namespace

CsvReader::CsvReader(const std::string& path, CsvDialect dialect)
    : _in(path, std::ios::binary), _dialect(dialect), _buffer(BUFFER_BYTES) {
  if (!_in) throw CsvError(0, "cannot open for reading");
  int a = peek();
  if (a == 0xEF) {
    get();
    if (get() != 0xBB || get() != 0xBF) throw CsvError(1, "the file starts with a broken byte order mark");
  } else if (a == 0xFF || a == 0xFE) {
    get();
    int b = peek();
    if ((a == 0xFF && b == 0xFE) || (a == 0xFE && b == 0xFF)) {
      throw CsvError(1, "the file is UTF-16; export it as UTF-8 (with or without a byte order mark)");
    }
    throw CsvError(1, "the file does not start with text");
  }
}

int CsvReader::peek() {
  if (_pos == _end) {
    if (_eof) return END;
    _in.read(_buffer.data(), static_cast<std::streamsize>(_buffer.size()));
    _end = static_cast<std::size_t>(_in.gcount());
    _pos = 0;
    if (_in.bad()) throw CsvError(_line, "read error");
    if (_end == 0) {
      _eof = true;
      return END;
    }
  }
  return static_cast<unsigned char>(_buffer[_pos]);
}

int CsvReader::get() {
  int c = peek();
  if (c != END) ++_pos;
  return c;
}

// Appends the buffered bytes up to the next `stop`, CR or LF (which stays
// unread): most of a file is plain text, and copying it in runs costs a
// fraction of reading it byte by byte.
void CsvReader::appendRun(std::string& field, char stop) {
  if (peek() == END) return;
  std::size_t from = _pos;
  while (_pos < _end) {
    char c = _buffer[_pos];
    if (c == stop || c == '\r' || c == '\n') break;
    ++_pos;
  }
  field.append(_buffer.data() + from, _pos - from);
}

// After a CR or LF: a CRLF pair is one line end.
void CsvReader::endLine(int c) {
  if (c == '\r' && peek() == '\n') get();
  ++_line;
}

bool CsvReader::next(CsvRecord& record) {
  record.fields.clear();
  record.fieldLines.clear();
  record.problem.clear();
  int c = peek();
  while (c == '\r' || c == '\n') {
    get();
    endLine(c);
    c = peek();
  }
  if (c == END) return false;
  record.line = _line;

  std::string field;
  for (;;) {
    field.clear();
    long fieldLine = _line;
    c = peek();
    if (c == _dialect.quote) {
      get();
      for (;;) {
        appendRun(field, _dialect.quote);
        if (field.size() > MAX_FIELD_BYTES) {
          throw CsvError(fieldLine, "a field opened here is longer than " + std::to_string(MAX_FIELD_BYTES) +
                                        " bytes (an unclosed quote?)");
        }
        c = get();
        if (c == END) throw CsvError(fieldLine, "a quoted field opened here is never closed");
        if (c == _dialect.quote) {
          if (peek() != _dialect.quote) break;
          get();
        } else if (c == '\r' || c == '\n') {
          endLine(c);
          if (c == '\r') c = '\n';  // a CRLF inside a field is one line break
        }
        field.push_back(static_cast<char>(c));
        if (field.size() > MAX_FIELD_BYTES) {
          throw CsvError(fieldLine, "a field opened here is longer than " + std::to_string(MAX_FIELD_BYTES) +
                                        " bytes (an unclosed quote?)");
        }
      }
      c = peek();
      if (c != _dialect.delimiter && c != '\r' && c != '\n' && c != END) {
        if (record.problem.empty()) {
          record.problem = "field " + std::to_string(record.fields.size() + 1) +
                           ": text after the closing quote (a quote inside a field must be doubled)";
        }
        while (c != _dialect.delimiter && c != '\r' && c != '\n' && c != END) {
          get();
          c = peek();
        }
      }
    } else {
      // An unquoted field runs to the delimiter or the line end; a quote inside it is taken literally.
      while (c != _dialect.delimiter && c != '\r' && c != '\n' && c != END) {
        appendRun(field, _dialect.delimiter);
        if (field.size() > MAX_FIELD_BYTES) {
          throw CsvError(fieldLine, "a field here is longer than " + std::to_string(MAX_FIELD_BYTES) + " bytes");
        }
        c = peek();
      }
    }
    record.fields.push_back(field);
    record.fieldLines.push_back(fieldLine);
    c = get();
    if (c == _dialect.delimiter) continue;
    if (c == '\r' || c == '\n') endLine(c);
    return true;
  }
}

}  // namespace profkpi::adapters::convert

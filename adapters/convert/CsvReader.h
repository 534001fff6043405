// Reads a CSV file one record at a time (RFC 4180: quoted fields may hold the
// delimiter, doubled quotes and line breaks), so a file of any size is read in
// memory bounded by its longest record. Every field remembers the physical line
// it starts on, so messages point at the line an editor shows. Not thread-safe.
#ifndef PROFKPI_ADAPTERS_CONVERT_CSVREADER_H
#define PROFKPI_ADAPTERS_CONVERT_CSVREADER_H

#include <cstddef>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace profkpi::adapters::convert {

struct CsvDialect {
  // Field separator. Default ','.
  char delimiter = ',';
  // Encloses fields that hold the delimiter, the quote or a line break. Default '"'.
  char quote = '"';
};

struct CsvRecord {
  long line = 0;                   // physical line (1-based) the record starts on
  std::vector<std::string> fields;
  std::vector<long> fieldLines;    // the line each field starts on
  // Set when the record is malformed but reading can go on (text after a
  // closing quote); the fields are then unreliable.
  std::string problem;
};

// A fault after which the rest of the file cannot be read reliably: an unclosed
// quote at the end of the file, a field longer than the cap, a UTF-16 file, or
// a read failure.
class CsvError : public std::runtime_error {
 public:
  CsvError(long line, const std::string& message) : std::runtime_error(message), _line(line) {}
  long line() const { return _line; }

 private:
  long _line;
};

class CsvReader {
 public:
  // Longest field accepted: a field this long is almost always an unclosed quote.
  static constexpr std::size_t MAX_FIELD_BYTES = 65536;

  // Opens `path`; throws CsvError (line 0) when it cannot be read. A UTF-8 byte
  // order mark at the start is skipped.
  CsvReader(const std::string& path, CsvDialect dialect);

  // The next record, skipping lines that are entirely empty; false at the end of
  // the file. Line ends may be LF, CRLF or CR. Throws CsvError.
  bool next(CsvRecord& record);

 private:
  int get();
  int peek();
  void endLine(int c);
  void appendRun(std::string& field, char stop);

  std::ifstream _in;
  CsvDialect _dialect;
  std::vector<char> _buffer;
  std::size_t _pos = 0;
  std::size_t _end = 0;
  long _line = 1;
  bool _eof = false;
};

}  // namespace profkpi::adapters::convert

#endif

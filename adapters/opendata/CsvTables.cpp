#include "adapters/opendata/CsvTables.h"

namespace profkpi::adapters::opendata {

namespace {
constexpr std::size_t CHUNK_BYTES = 1 << 20;
constexpr std::string_view UTF8_BOM = "\xEF\xBB\xBF";
}  // namespace

void appendCsvRecord(std::string& out, const std::vector<std::string>& cells) {
  bool first = true;
  for (const std::string& cell : cells) {
    if (!first) out += ',';
    first = false;
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
      out += cell;
      continue;
    }
    out += '"';
    for (char c : cell) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
}

CsvTables::CsvTables(Output out, bool excel) : _out(std::move(out)) {
  for (engine::OpenDataTableId id : engine::openDataTableIds()) {
    std::string& buffer = _buffers[id];
    if (excel) buffer += UTF8_BOM;
    std::vector<std::string> header;
    for (const engine::OpenDataColumn& column : engine::openDataTable(id).columns) header.push_back(column.name);
    appendCsvRecord(buffer, header);
  }
}

void CsvTables::row(engine::OpenDataTableId table, const std::vector<std::string>& cells) {
  std::string& buffer = _buffers[table];
  appendCsvRecord(buffer, cells);
  if (buffer.size() >= CHUNK_BYTES) {
    _out(table, buffer);
    buffer.clear();
  }
}

void CsvTables::finish() {
  for (auto& [table, buffer] : _buffers) {
    if (!buffer.empty()) _out(table, buffer);
    buffer.clear();
  }
}

}  // namespace profkpi::adapters::opendata

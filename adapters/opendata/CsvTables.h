// The open-data tables as CSV text (RFC 4180: fields with a comma, quote or
// line end quoted, quotes doubled; CRLF after every record; a header row of
// the column names; UTF-8, with a byte order mark first when asked, for Excel).
// Rows arrive from the engine (OpenDataSink) and leave in chunks through
// `out`, so a table of any size never sits whole in memory.
#ifndef PROFKPI_ADAPTERS_OPENDATA_CSVTABLES_H
#define PROFKPI_ADAPTERS_OPENDATA_CSVTABLES_H

#include "engine/opendata/OpenDataExport.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace profkpi::adapters::opendata {

// Appends one record, CRLF-terminated.
void appendCsvRecord(std::string& out, const std::vector<std::string>& cells);

class CsvTables final : public engine::OpenDataSink {
 public:
  using Output = std::function<void(engine::OpenDataTableId, std::string_view)>;

  // Starts every table (byte order mark when `excel`, then the header) and
  // hands text to `out` whenever a table's buffer fills and at finish().
  CsvTables(Output out, bool excel);

  void row(engine::OpenDataTableId table, const std::vector<std::string>& cells) override;
  // Hands over what is still buffered.
  void finish();

 private:
  Output _out;
  std::map<engine::OpenDataTableId, std::string> _buffers;
};

}  // namespace profkpi::adapters::opendata

#endif

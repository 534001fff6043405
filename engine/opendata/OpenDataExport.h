// The rows of the open-data tables (OpenDataTables.h) for one period, from the
// same results the reports use: the period's current submissions, each
// organisation's scorecard (KpiCalculator) and the period's peer benchmark
// (ResultsService::benchmark), with Disclosure's rules applied. Rows are handed
// to a sink as they are made, so a file of any size is written in one pass
// without being held. Reads the store; thread-safe when the store is.
#ifndef PROFKPI_ENGINE_OPENDATA_OPENDATAEXPORT_H
#define PROFKPI_ENGINE_OPENDATA_OPENDATAEXPORT_H

#include "engine/kpi/ResultsService.h"
#include "engine/opendata/OpenDataTables.h"
#include "engine/ports/Store.h"

#include <string>
#include <vector>

namespace profkpi::engine {

// Every field: meaning and default.
struct OpenDataOptions {
  // A first submission received after the start of the day this many days
  // after the period's last day (UK time) is late (opendata.dueDays). Default 42.
  int dueDays = 42;
};

// Receives rows: the cells in the table's column order.
class OpenDataSink {
 public:
  OpenDataSink() = default;
  OpenDataSink(const OpenDataSink&) = delete;
  OpenDataSink& operator=(const OpenDataSink&) = delete;
  virtual ~OpenDataSink() = default;

  virtual void row(OpenDataTableId table, const std::vector<std::string>& cells) = 0;
};

class OpenDataExport {
 public:
  // Both must outlive the export.
  OpenDataExport(Store& store, ResultsService& results, OpenDataOptions options = {});

  // Hands the period's rows of every table to `sink`: results by organisation
  // then KPI in catalogue order, peers by KPI then group ("sector" first),
  // coverage by organisation. Throws StoreError.
  void write(const Period& period, OpenDataSink& sink);

 private:
  Store& _store;
  ResultsService& _results;
  OpenDataOptions _options;
};

// The exact value truncated towards zero to `places` decimal places, with
// exactly that many: rounding it to fewer places gives what rounding the exact
// value gives (truncation cannot carry it across a rounding boundary).
std::string truncatedDecimal(const Ratio& value, int places = 6);

}  // namespace profkpi::engine

#endif

// The open-data files of one or more periods: results.csv, peers.csv and
// coverage.csv, each with NAME.csv-metadata.json. In memory for one period
// (HTTP, the nightly archive), or streamed into a folder for many (export).
#ifndef PROFKPI_ADAPTERS_OPENDATA_OPENDATAFILES_H
#define PROFKPI_ADAPTERS_OPENDATA_OPENDATAFILES_H

#include "adapters/opendata/CsvwMetadata.h"
#include "engine/opendata/OpenDataExport.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace profkpi::adapters::opendata {

// Every field: meaning and default.
struct FileOptions {
  // A UTF-8 byte order mark before each CSV, so that Excel reads Welsh names right. Default false.
  bool excel = false;
  MetadataOptions metadata;
};

// "results.csv", "results.csv-metadata.json", "peers.csv", ... (in that order).
std::vector<std::string> openDataFileNames();
// True when `name` is one of openDataFileNames().
bool isOpenDataFileName(const std::string& name);
// "text/csv; charset=utf-8" or "application/csvm+json".
std::string openDataMediaType(const std::string& name);

// The period's six files as (name, bytes), in openDataFileNames() order. Throws StoreError.
std::vector<std::pair<std::string, std::string>> openDataFiles(engine::OpenDataExport& exporter,
                                                               const engine::Period& period,
                                                               const FileOptions& options);

// One of the period's files by name (a metadata file without reading the store).
// REQUIRES: isOpenDataFileName(name). Throws StoreError.
std::string openDataFile(engine::OpenDataExport& exporter, const engine::Period& period, const std::string& name,
                         const FileOptions& options);

// Writes the six files with every period's rows (in the given order) into
// `folder`, which must exist; each file is replaced whole or not at all.
// Throws StoreError, or platform::FileError when a file cannot be written.
void writeOpenDataFolder(engine::OpenDataExport& exporter, const std::vector<engine::Period>& periods,
                         const std::string& folder, const FileOptions& options);

}  // namespace profkpi::adapters::opendata

#endif

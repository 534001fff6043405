// A table's CSV on the Web metadata (W3C Metadata Vocabulary for Tabular Data,
// JSON-LD), the NAME.csv-metadata.json beside NAME.csv: every column with its
// name, title, datatype, unit and meaning, the GSS shorthand markers declared
// as nulls and explained, the primary and foreign keys, the licence (Open
// Government Licence v3.0) and the publisher. Made from the engine's table
// description, so it lists exactly the columns the CSV has.
#ifndef PROFKPI_ADAPTERS_OPENDATA_CSVWMETADATA_H
#define PROFKPI_ADAPTERS_OPENDATA_CSVWMETADATA_H

#include "engine/opendata/OpenDataTables.h"

#include <cstddef>
#include <string>

namespace profkpi::adapters::opendata {

inline constexpr const char* OGL_V3 = "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

// Every field: meaning and default.
struct MetadataOptions {
  // Who publishes the data (opendata.publisher); empty: no dc:publisher. Default empty.
  std::string publisher;
  // benchmark.minimumGroupSize, named where [c] is explained. Default 5.
  std::size_t minimumGroupSize = 5;
  // Periods the file holds, for dc:temporal ("2025-26-Q1 2025-26-Q2"). Default empty: none named.
  std::string periods;
};

// The metadata document, UTF-8 JSON, deterministic for the same arguments.
std::string csvwMetadata(const engine::OpenDataTable& table, const MetadataOptions& options);

}  // namespace profkpi::adapters::opendata

#endif

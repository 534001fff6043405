// Converts a staff export (CSV) into a Workforce submission by a Mapping, in one
// streaming pass: members go to a scratch file beside the output as they are
// read, roles (which the schema puts before members) are collected, and the
// document is assembled at the end. Memory is bounded by the number of distinct
// roles plus about 13 bytes per member id (engine/intake/IdSet), never by the file.
// Not thread-safe.
#ifndef PROFKPI_ADAPTERS_CONVERT_WORKFORCECONVERTER_H
#define PROFKPI_ADAPTERS_CONVERT_WORKFORCECONVERTER_H

#include "adapters/convert/Mapping.h"
#include "adapters/convert/RowConverter.h"
#include "adapters/convert/WorkforceXml.h"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace profkpi::adapters::convert {

struct ConversionResult {
  // The problems that refuse the file, in line order; at most the cap.
  std::vector<RowProblem> problems;
  // All problems found, including those beyond the cap.
  std::size_t problemCount = 0;
  std::size_t members = 0;
  std::size_t roles = 0;

  bool ok() const { return problemCount == 0; }
};

// The output (or the scratch file) cannot be written, or the CSV cannot be opened or read.
class ConvertIoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class WorkforceConverter {
 public:
  // `mapping` must outlive the converter. Members' dates must not be after
  // `latestDate`. At most `maxProblems` problems are kept.
  WorkforceConverter(const Mapping& mapping, HeaderValues header, engine::Date latestDate, std::size_t maxProblems);

  // Reads `csvPath` and writes the document to `outPath` (replacing it). When the
  // result is not ok, `outPath` holds nothing useful and should be removed.
  // Throws ConvertIoError.
  ConversionResult convert(const std::string& csvPath, const std::string& outPath);

 private:
  const Mapping& _mapping;
  HeaderValues _header;
  engine::Date _latestDate;
  std::size_t _maxProblems;
};

}  // namespace profkpi::adapters::convert

#endif

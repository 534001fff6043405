// A mapping file: how one HR system's staff export becomes a Workforce
// submission. A Poco properties file; every key is described in
// docs/INTEGRATION.md and etc/mappings/ holds worked examples. A column is named
// as in the header row (or by 1-based number when csv.header is false); a key
// ending in ".value" gives a constant instead of a column. Plain value type.
#ifndef PROFKPI_ADAPTERS_CONVERT_MAPPING_H
#define PROFKPI_ADAPTERS_CONVERT_MAPPING_H

#include "adapters/convert/CellValues.h"
#include "adapters/convert/CsvReader.h"

#include <Poco/Util/AbstractConfiguration.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace profkpi::adapters::convert {

// Where a value comes from: a column, a constant, or nowhere.
struct Source {
  std::string column;                  // empty: not from a column
  std::optional<std::string> constant; // set: the same value on every row

  bool isColumn() const { return !column.empty(); }
  bool isSet() const { return isColumn() || constant.has_value(); }
};

// One role of a role table (role.table.N.*): the cell value it matches and the Role it becomes.
struct RoleEntry {
  std::string match;  // the role column's value, compared without regard to case
  std::string id;
  std::string title;
  bool mapped = false;
  std::string sfiaCode;  // empty: none
  int sfiaLevel = 0;     // 0: none
};

// One kind of professional recognition a row may carry (recognition.N.*).
struct RecognitionMapping {
  std::string key;  // "recognition.N", for messages
  Source body;
  Source kind;
  Source grade;
  // A yes/no column; when set the recognition is present only on rows saying yes.
  std::string when;
  // kind column values for each code: membership, registration, qualification.
  std::vector<std::pair<std::string, std::vector<std::string>>> kindWords;
};

struct Mapping {
  CsvDialect dialect;
  // csv.header: the first record names the columns. Default true.
  bool header = true;
  // csv.encoding: "UTF-8" (default) or "windows-1252" (also taken for ISO-8859-1).
  bool windows1252 = false;

  // Header defaults; command-line options win.
  std::string organisation, organisationName, period, preparedBy, sourceSystem, sourceVersion;

  std::string memberId;  // member.id (required)
  std::string role;      // member.role (required): role id, or the value a role table matches
  std::string fte;       // member.fte (required)
  std::string assessment, pdp, cpd;            // optional columns; an empty cell = no element
  std::string assessmentFormat, pdpFormat;     // date formats
  NumberFormat fteFormat;
  NumberFormat cpdFormat;
  BooleanWords booleans;

  // Roles from the role column (role.title, role.mapped, role.sfiaCode, role.sfiaLevel) ...
  Source roleTitle, roleMapped, roleSfiaCode, roleSfiaLevel;
  // ... or, when role.table.N.* entries exist, from that table (every entry becomes a Role).
  std::vector<RoleEntry> roleTable;

  std::vector<RecognitionMapping> recognitions;

  // Every column the mapping reads, for checking the header row.
  std::vector<std::pair<std::string, std::string>> columns() const;  // (column, key)
};

// A mapping that cannot be used; the message names the key.
class MappingError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads and checks a mapping. Throws MappingError for a missing required key, an
// unknown key (a typo would otherwise be ignored silently) or an unusable value.
Mapping loadMapping(const Poco::Util::AbstractConfiguration& config);

}  // namespace profkpi::adapters::convert

#endif

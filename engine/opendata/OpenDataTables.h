// The three open-data tables (issue 23) described once: their columns with
// titles, datatypes, units and meaning, keys and links between them. The CSV
// writer and the CSV on the Web metadata writer both read these, so a file and
// its metadata cannot disagree about its columns. Cells are text; a cell with
// no figure holds one of the GSS shorthand markers below, never an empty string.
#ifndef PROFKPI_ENGINE_OPENDATA_OPENDATATABLES_H
#define PROFKPI_ENGINE_OPENDATA_OPENDATATABLES_H

#include <string>
#include <vector>

namespace profkpi::engine {

// GSS shorthand (Government Statistical Service, "Symbols in tables").
inline constexpr const char* CELL_NOT_AVAILABLE = "[x]";  // not available
inline constexpr const char* CELL_CONFIDENTIAL = "[c]";   // withheld by disclosure control
inline constexpr const char* CELL_NOT_APPLICABLE = "[z]"; // does not apply

enum class OpenDataTableId { Results, Peers, Coverage };

// XML Schema datatypes as CSV on the Web names them.
enum class CellType { String, Integer, Decimal, Boolean, Date, DateTime };

struct OpenDataColumn {
  std::string name;         // the header, snake_case
  std::string title;        // for people
  CellType type = CellType::String;
  std::string unit;         // empty when the column has none or the row's unit column gives it
  std::string description;  // what the cell means, and which markers it may hold
};

struct ForeignKey {
  std::vector<std::string> columns;
  OpenDataTableId references = OpenDataTableId::Results;
  std::vector<std::string> referencedColumns;
};

struct OpenDataTable {
  OpenDataTableId id = OpenDataTableId::Results;
  std::string file;         // "results.csv"
  std::string title;
  std::string description;
  std::vector<OpenDataColumn> columns;  // in file order
  std::vector<std::string> primaryKey;
  std::vector<ForeignKey> foreignKeys;
};

// The table's description; lives as long as the program.
const OpenDataTable& openDataTable(OpenDataTableId id);
// Results, peers, coverage.
const std::vector<OpenDataTableId>& openDataTableIds();
// What each shorthand marker means, as (marker, meaning) pairs.
const std::vector<std::pair<std::string, std::string>>& shorthandMeanings();

}  // namespace profkpi::engine

#endif

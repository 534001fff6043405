// Turns one CSV record into a Member (and, when roles come from the role column,
// the Role it names) by a Mapping, or into the problems that stop it: each names
// the column and the cell. Everything a returned row holds is schema-valid as it
// stands. Not thread-safe (it reuses buffers).
#ifndef PROFKPI_ADAPTERS_CONVERT_ROWCONVERTER_H
#define PROFKPI_ADAPTERS_CONVERT_ROWCONVERTER_H

#include "adapters/convert/CsvReader.h"
#include "adapters/convert/Mapping.h"
#include "engine/common/Time.h"
#include "engine/model/Amount.h"

#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

namespace profkpi::adapters::convert {

struct RoleRecord {
  std::string id;
  std::string title;
  bool mapped = false;
  std::string sfiaCode;  // empty: none
  int sfiaLevel = 0;     // 0: none
};

struct RecognitionRecord {
  std::string body;
  std::string kind;   // membership, registration or qualification
  std::string grade;  // empty: none
};

struct MemberRow {
  std::string id;
  std::string roleId;
  engine::Amount fte;
  std::optional<engine::Date> assessment;
  std::optional<engine::Date> pdp;
  std::vector<RecognitionRecord> recognitions;
  std::optional<engine::Amount> cpd;
  // The role this row declares (roles from the role column); unset with a role table.
  std::optional<RoleRecord> role;
};

struct RowProblem {
  long line = 0;
  std::string message;
};

class RowConverter {
 public:
  // `mapping` must outlive the converter. `header` is the header record (ignored
  // when the mapping says there is none); `latestDate` is the last date an
  // assessment or plan may carry (PreparedAt's date: rule PK006).
  RowConverter(const Mapping& mapping, const CsvRecord& header, engine::Date latestDate);

  // Problems with the header: the mapped columns it lacks, each naming its key. Empty when usable.
  const std::vector<RowProblem>& headerProblems() const { return _headerProblems; }

  // The member of `record`; or nothing, with at least one problem appended.
  std::optional<MemberRow> convert(const CsvRecord& record, std::vector<RowProblem>& problems);

  // The cell of the member id column, trimmed (for finding duplicates); empty when the record is too short.
  std::string memberIdCell(const CsvRecord& record) const;

 private:
  struct Column {
    std::string name;
    std::size_t index = 0;
  };
  std::optional<Column> column(const std::string& name, const std::string& key, const CsvRecord& header);

  const Mapping& _mapping;
  engine::Date _latestDate;
  std::size_t _expectedFields = 0;  // 0: any number (no header)
  std::vector<RowProblem> _headerProblems;
  std::optional<Column> _id, _role, _fte, _assessment, _pdp, _cpd;
  std::optional<Column> _roleTitle, _roleMapped, _roleSfiaCode, _roleSfiaLevel;
  struct RecognitionColumns {
    std::optional<Column> body, kind, grade, when;
  };
  std::vector<RecognitionColumns> _recognitionColumns;
  std::vector<std::string> _cells;  // the record's fields as UTF-8
  std::unordered_map<std::string, std::size_t> _roleIndex;  // upper-cased match -> role table entry
};

}  // namespace profkpi::adapters::convert

#endif

#include "adapters/convert/WorkforceConverter.h"

#include "engine/intake/IdSet.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <unordered_map>

namespace profkpi::adapters::convert {

namespace {

constexpr std::size_t MAX_RECORD_ID = 32;

// Adds problems up to the cap, counting all.
class Problems {
 public:
  Problems(ConversionResult& result, std::size_t cap) : _result(result), _cap(cap) {}
  void add(RowProblem problem) {
    ++_result.problemCount;
    if (_result.problems.size() < _cap) _result.problems.push_back(std::move(problem));
  }
  void addAll(const std::vector<RowProblem>& problems) {
    for (const RowProblem& p : problems) add(p);
  }
  bool any() const { return _result.problemCount != 0; }

 private:
  ConversionResult& _result;
  std::size_t _cap;
};

// A role as first declared, and where.
struct DeclaredRole {
  RoleRecord role;
  long line;
};

// How two declarations of one role id differ; empty when they agree.
std::string roleDifference(const RoleRecord& a, const RoleRecord& b) {
  if (a.title != b.title) return "title \"" + a.title + "\"";
  if (a.mapped != b.mapped) return std::string("mapped ") + (a.mapped ? "yes" : "no");
  if (a.sfiaCode != b.sfiaCode) return "SFIA code \"" + a.sfiaCode + "\"";
  if (a.sfiaLevel != b.sfiaLevel) return "SFIA level " + std::to_string(a.sfiaLevel);
  return {};
}

std::string idCellOf(const RowConverter& rows, const CsvRecord& record) {
  std::string id = rows.memberIdCell(record);
  return parseRecordId(id).value ? id : std::string();
}

class ScratchFile {
 public:
  explicit ScratchFile(std::string path) : _path(std::move(path)) {}
  ~ScratchFile() { std::remove(_path.c_str()); }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  const std::string& path() const { return _path; }

 private:
  std::string _path;
};

}  // namespace

WorkforceConverter::WorkforceConverter(const Mapping& mapping, HeaderValues header, engine::Date latestDate,
                                       std::size_t maxProblems)
    : _mapping(mapping), _header(std::move(header)), _latestDate(latestDate), _maxProblems(maxProblems) {}

ConversionResult WorkforceConverter::convert(const std::string& csvPath, const std::string& outPath) {
  ConversionResult result;
  Problems problems(result, _maxProblems);
  auto open = [&]() -> std::optional<CsvReader> {
    try {
      return std::optional<CsvReader>(std::in_place, csvPath, _mapping.dialect);
    } catch (const CsvError& e) {
      if (e.line() == 0) throw ConvertIoError("cannot read " + csvPath);
      problems.add({e.line(), e.what()});
      return std::nullopt;
    }
  };
  std::optional<CsvReader> reader = open();
  if (!reader) return result;

  CsvRecord header;
  CsvRecord record;
  std::optional<RowConverter> rows;
  ScratchFile staffFile(outPath + ".staff");
  std::ofstream staff(staffFile.path(), std::ios::binary | std::ios::trunc);
  if (!staff) throw ConvertIoError("cannot write " + staffFile.path());

  std::vector<DeclaredRole> roles;
  std::unordered_map<std::string, std::size_t> roleIndex;
  engine::IdSet ids;
  std::vector<std::pair<std::string, long>> duplicates;
  std::vector<RowProblem> rowProblems;
  std::size_t records = 0;
  try {
    if (_mapping.header && !reader->next(header)) {
      problems.add({1, "the file is empty: there is no header row"});
      return result;
    }
    rows.emplace(_mapping, header, _latestDate);
    if (!rows->headerProblems().empty()) {
      problems.addAll(rows->headerProblems());
      return result;
    }
    while (reader->next(record)) {
      ++records;
      std::string id = idCellOf(*rows, record);
      if (!id.empty() && !ids.insert(id)) {
        problems.add({record.line, ""});  // counted now; worded once the first line is known
        duplicates.emplace_back(id, record.line);
      }
      rowProblems.clear();
      std::optional<MemberRow> member = rows->convert(record, rowProblems);
      problems.addAll(rowProblems);
      if (!member) continue;
      if (member->role) {
        auto [it, added] = roleIndex.emplace(member->role->id, roles.size());
        if (added) {
          roles.push_back({*member->role, record.line});
        } else {
          const DeclaredRole& first = roles[it->second];
          std::string here = roleDifference(*member->role, first.role);
          if (!here.empty()) {
            problems.add({record.line, "role \"" + member->role->id + "\" has " + here + " here but " +
                                           roleDifference(first.role, *member->role) + " on line " +
                                           std::to_string(first.line) + " (one role, one description)"});
          }
        }
      }
      if (problems.any()) continue;  // keep checking, stop writing
      writeMember(staff, *member);
      ++result.members;
    }
  } catch (const CsvError& e) {
    problems.add({e.line(), e.what()});
  }
  staff.close();
  if (!staff) throw ConvertIoError("cannot write " + staffFile.path());

  if (!duplicates.empty()) {
    // Only the ids seen twice are looked up again, so memory stays bounded.
    std::unordered_map<std::string, long> firstLine;
    for (const auto& [id, line] : duplicates) firstLine.emplace(id, 0);
    try {
      CsvReader again(csvPath, _mapping.dialect);
      if (_mapping.header) again.next(record);
      while (again.next(record)) {
        auto it = firstLine.find(idCellOf(*rows, record));
        if (it != firstLine.end() && it->second == 0) it->second = record.line;
      }
    } catch (const CsvError&) {
      // The first pass reported it; the lines found before it stand.
    }
    for (RowProblem& p : result.problems) {
      if (!p.message.empty()) continue;
      auto dup = std::find_if(duplicates.begin(), duplicates.end(), [&](const auto& d) { return d.second == p.line; });
      p.message = "column \"" + _mapping.memberId + "\": member id \"" + dup->first + "\" is also on line " +
                  std::to_string(firstLine[dup->first]) + " (member ids must be unique)";
    }
  }
  if (!problems.any() && _mapping.roleTable.empty() && roles.empty()) {
    problems.add({records == 0 ? 1 : header.line,
                  "there are no staff rows, so no roles: a Workforce needs at least one Role (a role table in the "
                  "mapping, role.table.N.*, declares roles without staff)"});
  }
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const RowProblem& a, const RowProblem& b) { return a.line < b.line; });
  if (problems.any()) return result;

  std::ofstream out(outPath, std::ios::binary | std::ios::trunc);
  writeHeader(out, _header);
  writeRolesStart(out);
  if (_mapping.roleTable.empty()) {
    for (const DeclaredRole& declared : roles) writeRole(out, declared.role);
  } else {
    for (const RoleEntry& entry : _mapping.roleTable) {
      writeRole(out, RoleRecord{entry.id, entry.title, entry.mapped, entry.sfiaCode, entry.sfiaLevel});
    }
  }
  writeStaffStart(out);
  std::ifstream members(staffFile.path(), std::ios::binary);
  if (result.members > 0) out << members.rdbuf();
  writeEnd(out);
  out.close();
  if (!out || !members) throw ConvertIoError("cannot write " + outPath);
  result.roles = _mapping.roleTable.empty() ? roles.size() : _mapping.roleTable.size();
  return result;
}

}  // namespace profkpi::adapters::convert

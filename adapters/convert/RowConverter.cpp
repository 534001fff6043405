#include "adapters/convert/RowConverter.h"

#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows1252Encoding.h>

namespace profkpi::adapters::convert {

namespace {

constexpr std::size_t MAX_TITLE = 200;
constexpr std::size_t MAX_SHORT_TEXT = 50;

std::string toUtf8(const std::string& cell, bool windows1252) {
  if (!windows1252) return cell;
  static const Poco::Windows1252Encoding source;
  static const Poco::UTF8Encoding target;
  std::string out;
  Poco::TextConverter(source, target).convert(cell, out);
  return out;
}

// `column "FTE" is empty` or `column "FTE": "abc" is not a number`.
std::string about(const std::string& column, const std::string& problem) {
  bool predicate = problem.rfind("is ", 0) == 0 || problem.rfind("holds ", 0) == 0;
  return "column \"" + column + "\"" + (predicate ? " " : ": ") + problem;
}

}  // namespace

RowConverter::RowConverter(const Mapping& mapping, const CsvRecord& header, engine::Date latestDate)
    : _mapping(mapping), _latestDate(latestDate) {
  if (mapping.header) _expectedFields = header.fields.size();
  _id = column(mapping.memberId, "member.id", header);
  _role = column(mapping.role, "member.role", header);
  _fte = column(mapping.fte, "member.fte", header);
  _assessment = column(mapping.assessment, "member.assessment", header);
  _pdp = column(mapping.pdp, "member.pdp", header);
  _cpd = column(mapping.cpd, "member.cpd", header);
  _roleTitle = column(mapping.roleTitle.column, "role.title", header);
  _roleMapped = column(mapping.roleMapped.column, "role.mapped", header);
  _roleSfiaCode = column(mapping.roleSfiaCode.column, "role.sfiaCode", header);
  _roleSfiaLevel = column(mapping.roleSfiaLevel.column, "role.sfiaLevel", header);
  for (const RecognitionMapping& r : mapping.recognitions) {
    _recognitionColumns.push_back({column(r.body.column, r.key + ".body", header),
                                   column(r.kind.column, r.key + ".kind", header),
                                   column(r.grade.column, r.key + ".grade", header),
                                   column(r.when, r.key + ".when", header)});
  }
  for (std::size_t i = 0; i < mapping.roleTable.size(); ++i) {
    _roleIndex.emplace(asciiUpper(mapping.roleTable[i].match), i);
  }
}

std::optional<RowConverter::Column> RowConverter::column(const std::string& name, const std::string& key,
                                                         const CsvRecord& header) {
  if (name.empty()) return std::nullopt;
  if (!_mapping.header) return Column{name, static_cast<std::size_t>(std::stoul(name)) - 1};
  std::optional<std::size_t> found;
  std::size_t matches = 0;
  // Exact first; then without regard to case, since exports change capitalisation between versions.
  for (int pass = 0; pass < 2 && matches == 0; ++pass) {
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      std::string cell = toUtf8(header.fields[i], _mapping.windows1252);
      std::string_view trimmed = trimCell(cell);
      if (pass == 0 ? trimmed == name : equalsIgnoringCase(trimmed, name)) {
        if (!found) found = i;
        ++matches;
      }
    }
  }
  if (matches == 0) {
    _headerProblems.push_back({header.line, "column \"" + name + "\" (" + key + ") is not in the header"});
    return std::nullopt;
  }
  if (matches > 1) {
    _headerProblems.push_back({header.line, "column \"" + name + "\" (" + key + ") is in the header " +
                                                std::to_string(matches) + " times"});
    return std::nullopt;
  }
  return Column{name, *found};
}

std::string RowConverter::memberIdCell(const CsvRecord& record) const {
  if (!_id || _id->index >= record.fields.size()) return {};
  return std::string(trimCell(toUtf8(record.fields[_id->index], _mapping.windows1252)));
}

std::optional<MemberRow> RowConverter::convert(const CsvRecord& record, std::vector<RowProblem>& problems) {
  if (!record.problem.empty()) {
    problems.push_back({record.line, record.problem});
    return std::nullopt;
  }
  if (_expectedFields != 0 && record.fields.size() != _expectedFields) {
    problems.push_back({record.line, "the row has " + std::to_string(record.fields.size()) + " fields where the header has " +
                                         std::to_string(_expectedFields) + " (check the delimiter and the quoting)"});
    return std::nullopt;
  }
  _cells.clear();
  for (const std::string& field : record.fields) _cells.push_back(toUtf8(field, _mapping.windows1252));

  std::size_t before = problems.size();
  auto lineOf = [&](const Column& c) { return c.index < record.fieldLines.size() ? record.fieldLines[c.index] : record.line; };
  auto fail = [&](const Column& c, const std::string& problem) { problems.push_back({lineOf(c), about(c.name, problem)}); };
  // The cell, or nothing (and a problem) when a header-less row is too short.
  auto cell = [&](const Column& c) -> std::optional<std::string_view> {
    if (c.index < _cells.size()) return std::string_view(_cells[c.index]);
    problems.push_back({record.line, "the row has no column " + c.name});
    return std::nullopt;
  };
  auto text = [&](const std::optional<Column>& c, std::size_t max) -> std::optional<std::string> {
    std::optional<std::string_view> v = cell(*c);
    if (!v) return std::nullopt;
    Parsed<std::string> parsed = parseText(*v, max);
    if (!parsed.value) fail(*c, parsed.problem);
    return parsed.value;
  };
  auto isEmpty = [&](const std::optional<Column>& c) {
    return c && c->index < _cells.size() && trimCell(_cells[c->index]).empty();
  };

  MemberRow row;
  if (std::optional<std::string_view> v = cell(*_id)) {
    Parsed<std::string> id = parseRecordId(*v);
    if (id.value) row.id = *id.value;
    else fail(*_id, id.problem);
  }
  if (std::optional<std::string_view> v = cell(*_fte)) {
    Parsed<engine::Amount> fte = parseAmount(*v, _mapping.fteFormat);
    if (!fte.value) fail(*_fte, fte.problem);
    else if (fte.value->hundredths() <= 0) fail(*_fte, quoteCell(trimCell(*v)) + " is not more than 0 (FTE must be over 0 and at most 1)");
    else if (*fte.value > engine::Amount::fromWhole(1)) fail(*_fte, quoteCell(trimCell(*v)) + " is more than 1 FTE");
    else row.fte = *fte.value;
  }
  auto date = [&](const std::optional<Column>& c, const std::string& format) -> std::optional<engine::Date> {
    if (!c || isEmpty(c)) return std::nullopt;
    std::optional<std::string_view> v = cell(*c);
    if (!v) return std::nullopt;
    Parsed<engine::Date> parsed = parseDate(*v, format);
    if (!parsed.value) {
      fail(*c, parsed.problem);
    } else if (*parsed.value > _latestDate) {
      fail(*c, engine::formatDate(*parsed.value) + " is later than the PreparedAt date " + engine::formatDate(_latestDate) +
                   " (rule PK006)");
      return std::nullopt;
    }
    return parsed.value;
  };
  row.assessment = date(_assessment, _mapping.assessmentFormat);
  row.pdp = date(_pdp, _mapping.pdpFormat);
  if (_cpd && !isEmpty(_cpd)) {
    if (std::optional<std::string_view> v = cell(*_cpd)) {
      Parsed<engine::Amount> days = parseAmount(*v, _mapping.cpdFormat);
      if (days.value) row.cpd = days.value;
      else fail(*_cpd, days.problem);
    }
  }

  if (std::optional<std::string_view> v = cell(*_role)) {
    if (!_mapping.roleTable.empty()) {
      auto it = _roleIndex.find(asciiUpper(trimCell(*v)));
      if (it == _roleIndex.end()) fail(*_role, quoteCell(trimCell(*v)) + " is not in the mapping's role table (role.table.N.match)");
      else row.roleId = _mapping.roleTable[it->second].id;
    } else {
      Parsed<std::string> id = parseRecordId(*v);
      if (!id.value) {
        fail(*_role, id.problem);
      } else {
        RoleRecord role;
        role.id = row.roleId = *id.value;
        role.title = role.id;
        if (_roleTitle) role.title = text(_roleTitle, MAX_TITLE).value_or(role.id);
        if (_roleSfiaCode && !isEmpty(_roleSfiaCode)) {
          std::optional<std::string_view> code = cell(*_roleSfiaCode);
          std::string upper = code ? asciiUpper(trimCell(*code)) : "";
          bool letters = upper.size() == 4;
          for (char ch : upper) letters = letters && ch >= 'A' && ch <= 'Z';
          if (letters) role.sfiaCode = upper;
          else if (code) fail(*_roleSfiaCode, quoteCell(trimCell(*code)) + " is not an SFIA skill code (four letters)");
        } else if (_mapping.roleSfiaCode.constant) {
          role.sfiaCode = asciiUpper(*_mapping.roleSfiaCode.constant);
        }
        if (_roleSfiaLevel && !isEmpty(_roleSfiaLevel)) {
          if (std::optional<std::string_view> level = cell(*_roleSfiaLevel)) {
            std::string_view l = trimCell(*level);
            if (l.size() == 1 && l[0] >= '1' && l[0] <= '7') role.sfiaLevel = l[0] - '0';
            else fail(*_roleSfiaLevel, quoteCell(l) + " is not an SFIA level (1 to 7)");
          }
        }
        if (_roleMapped) {
          if (std::optional<std::string_view> m = cell(*_roleMapped)) {
            Parsed<bool> mapped = _mapping.booleans.parse(*m);
            if (mapped.value) role.mapped = *mapped.value;
            else fail(*_roleMapped, mapped.problem);
          }
        } else if (_mapping.roleMapped.constant) {
          role.mapped = _mapping.booleans.parse(*_mapping.roleMapped.constant).value.value_or(false);
        } else {
          role.mapped = !role.sfiaCode.empty();
        }
        row.role = std::move(role);
      }
    }
  }

  for (std::size_t i = 0; i < _mapping.recognitions.size(); ++i) {
    const RecognitionMapping& m = _mapping.recognitions[i];
    const RecognitionColumns& c = _recognitionColumns[i];
    if (c.when) {
      std::optional<std::string_view> v = cell(*c.when);
      if (!v) continue;
      Parsed<bool> present = _mapping.booleans.parse(*v);
      if (!present.value) {
        fail(*c.when, present.problem);
        continue;
      }
      if (!*present.value) continue;
    } else {
      bool bodyEmpty = c.body && isEmpty(c.body);
      bool kindEmpty = c.kind && isEmpty(c.kind);
      if ((!c.body || bodyEmpty) && (!c.kind || kindEmpty)) continue;
      if (bodyEmpty || kindEmpty) {
        const Column& empty = bodyEmpty ? *c.body : *c.kind;
        const Column& full = bodyEmpty ? *c.kind : *c.body;
        fail(empty, "is empty while column \"" + full.name + "\" is not (" + m.key + ")");
        continue;
      }
    }
    RecognitionRecord rec;
    std::optional<std::string> body = m.body.constant ? m.body.constant : text(c.body, MAX_SHORT_TEXT);
    if (!body) continue;
    rec.body = *body;
    if (m.kind.constant) {
      rec.kind = *m.kind.constant;
    } else if (std::optional<std::string_view> v = cell(*c.kind)) {
      std::string_view k = trimCell(*v);
      for (const auto& [code, words] : m.kindWords) {
        bool hit = equalsIgnoringCase(k, code);
        for (const std::string& word : words) hit = hit || equalsIgnoringCase(k, word);
        if (hit && rec.kind.empty()) rec.kind = code;
      }
      if (rec.kind.empty()) {
        fail(*c.kind, quoteCell(k) + " is not a recognition kind (membership, registration, qualification, or a value listed in " +
                          m.key + ".kind.membership/.registration/.qualification)");
        continue;
      }
    } else {
      continue;
    }
    if (m.grade.constant) {
      rec.grade = *m.grade.constant;
    } else if (c.grade && !isEmpty(c.grade)) {
      std::optional<std::string> grade = text(c.grade, MAX_SHORT_TEXT);
      if (!grade) continue;
      rec.grade = *grade;
    }
    row.recognitions.push_back(std::move(rec));
  }

  if (problems.size() != before) return std::nullopt;
  return row;
}

}  // namespace profkpi::adapters::convert

#include "adapters/convert/Mapping.h"

#include <Poco/NumberParser.h>

#include <map>
#include <regex>
#include <set>

namespace profkpi::adapters::convert {

namespace {

constexpr const char* DEFAULT_DATE_FORMAT = "%Y-%m-%d";
constexpr std::size_t MAX_ROLE_TITLE = 200;
constexpr const char* KIND_CODES[] = {"membership", "registration", "qualification"};

// Every key the file holds, with its value.
void collectKeys(const Poco::Util::AbstractConfiguration& config, const std::string& root,
                 std::map<std::string, std::string>& out) {
  Poco::Util::AbstractConfiguration::Keys children;
  config.keys(root, children);
  for (const std::string& child : children) {
    std::string key = root.empty() ? child : root + "." + child;
    if (config.hasProperty(key)) out[key] = config.getRawString(key);
    collectKeys(config, key, out);
  }
}

class Reader {
 public:
  explicit Reader(const Poco::Util::AbstractConfiguration& config) { collectKeys(config, "", _values); }

  std::optional<std::string> get(const std::string& key) {
    _used.insert(key);
    auto it = _values.find(key);
    if (it == _values.end()) return std::nullopt;
    return it->second;
  }
  std::string get(const std::string& key, const std::string& fallback) { return get(key).value_or(fallback); }
  std::string required(const std::string& key) {
    std::optional<std::string> value = get(key);
    if (!value || value->empty()) throw MappingError("key " + key + " is required (the column it comes from)");
    return *value;
  }
  bool boolean(const std::string& key, bool fallback) {
    std::optional<std::string> value = get(key);
    if (!value || value->empty()) return fallback;
    bool result = false;
    if (!Poco::NumberParser::tryParseBool(*value, result)) {
      throw MappingError("key " + key + ": \"" + *value + "\" is not true or false");
    }
    return result;
  }
  // A column (KEY) or a constant (KEY.value), not both.
  Source source(const std::string& key) {
    Source s;
    s.column = get(key, "");
    s.constant = get(key + ".value");
    if (s.isColumn() && s.constant) throw MappingError("keys " + key + " and " + key + ".value exclude each other");
    return s;
  }
  // Numbers N for which PREFIX.N.* keys exist, in order.
  std::set<int> indexes(const std::string& prefix) const {
    std::set<int> result;
    std::regex shape("^" + std::regex_replace(prefix, std::regex(R"(\.)"), R"(\.)") + R"(\.([0-9]{1,4})\..+$)");
    for (const auto& [key, value] : _values) {
      std::smatch m;
      if (std::regex_match(key, m, shape)) result.insert(std::stoi(m[1].str()));
    }
    return result;
  }
  void rejectUnknown() const {
    for (const auto& [key, value] : _values) {
      if (_used.count(key) == 0) throw MappingError("unknown key " + key + " (see docs/INTEGRATION.md for the keys)");
    }
  }

 private:
  std::map<std::string, std::string> _values;
  std::set<std::string> _used;
};

std::vector<std::string> wordList(const std::string& text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string_view word = trimCell(std::string_view(text).substr(start, end - start));
    if (!word.empty()) words.emplace_back(word);
    start = end + 1;
  }
  return words;
}

char singleCharacter(const std::string& key, const std::string& value) {
  if (value == "tab" || value == "\t") return '\t';
  if (value == "comma") return ',';
  if (value == "semicolon") return ';';
  if (value == "pipe") return '|';
  if (value.size() != 1 || value[0] == '\r' || value[0] == '\n') {
    throw MappingError("key " + key + ": \"" + value + "\" is not one character (or tab, comma, semicolon, pipe)");
  }
  return value[0];
}

std::string dateFormat(Reader& r, const std::string& key, const std::string& fallback) {
  std::string format = r.get(key, fallback);
  std::string problem = dateFormatProblem(format);
  if (!problem.empty()) throw MappingError("key " + key + ": \"" + format + "\": " + problem);
  return format;
}

NumberFormat numberFormat(Reader& r, char separator, bool round, const std::string& formatKey) {
  NumberFormat format;
  format.decimalSeparator = separator;
  format.round = round;
  if (formatKey.empty()) return format;
  std::string kind = r.get(formatKey, "decimal");
  if (kind != "decimal" && kind != "percent") {
    throw MappingError("key " + formatKey + ": \"" + kind + "\" is not decimal or percent");
  }
  format.percent = kind == "percent";
  return format;
}

RoleEntry roleEntry(Reader& r, int n, const BooleanWords& booleans) {
  std::string key = "role.table." + std::to_string(n);
  RoleEntry entry;
  entry.match = std::string(trimCell(r.required(key + ".match")));
  auto fail = [&](const std::string& field, const std::string& problem) {
    throw MappingError("key " + key + "." + field + ": " + problem);
  };
  Parsed<std::string> id = parseRecordId(r.get(key + ".id", entry.match));
  if (!id.value) fail("id", id.problem);
  entry.id = *id.value;
  Parsed<std::string> title = parseText(r.get(key + ".title", entry.match), MAX_ROLE_TITLE);
  if (!title.value) fail("title", title.problem);
  entry.title = *title.value;
  entry.sfiaCode = asciiUpper(trimCell(r.get(key + ".sfiaCode", "")));
  if (!entry.sfiaCode.empty() && !std::regex_match(entry.sfiaCode, std::regex("[A-Z]{4}"))) {
    fail("sfiaCode", "\"" + entry.sfiaCode + "\" is not four letters");
  }
  std::string level(trimCell(r.get(key + ".sfiaLevel", "")));
  if (!level.empty()) {
    if (level.size() != 1 || level[0] < '1' || level[0] > '7') fail("sfiaLevel", "\"" + level + "\" is not 1 to 7");
    entry.sfiaLevel = level[0] - '0';
  }
  std::optional<std::string> mapped = r.get(key + ".mapped");
  if (mapped) {
    Parsed<bool> value = booleans.parse(*mapped);
    if (!value.value) fail("mapped", value.problem);
    entry.mapped = *value.value;
  } else {
    entry.mapped = !entry.sfiaCode.empty();
  }
  return entry;
}

RecognitionMapping recognition(Reader& r, int n) {
  RecognitionMapping m;
  m.key = "recognition." + std::to_string(n);
  m.body = r.source(m.key + ".body");
  m.kind = r.source(m.key + ".kind");
  m.grade = r.source(m.key + ".grade");
  m.when = r.get(m.key + ".when", "");
  if (!m.body.isSet()) throw MappingError("key " + m.key + ".body (or .body.value) is required");
  if (!m.kind.isSet()) throw MappingError("key " + m.key + ".kind (or .kind.value) is required");
  if (m.when.empty() && !m.body.isColumn() && !m.kind.isColumn()) {
    throw MappingError(m.key + ": with a constant body and kind, a .when column must say which rows have it");
  }
  auto check = [&](const std::string& field, const std::optional<std::string>& constant, std::size_t max) {
    if (!constant) return;
    Parsed<std::string> text = parseText(*constant, max);
    if (!text.value) throw MappingError("key " + m.key + "." + field + ".value " + text.problem);
  };
  check("body", m.body.constant, 50);
  check("grade", m.grade.constant, 50);
  if (m.kind.constant) {
    bool known = false;
    for (const char* code : KIND_CODES) known = known || *m.kind.constant == code;
    if (!known) {
      throw MappingError("key " + m.key + ".kind.value: \"" + *m.kind.constant +
                         "\" is not membership, registration or qualification");
    }
  }
  for (const char* code : KIND_CODES) {
    m.kindWords.emplace_back(code, wordList(r.get(m.key + ".kind." + code, "")));
  }
  return m;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> Mapping::columns() const {
  std::vector<std::pair<std::string, std::string>> result{
      {memberId, "member.id"}, {role, "member.role"}, {fte, "member.fte"}};
  auto add = [&](const std::string& column, const std::string& key) {
    if (!column.empty()) result.emplace_back(column, key);
  };
  add(assessment, "member.assessment");
  add(pdp, "member.pdp");
  add(cpd, "member.cpd");
  add(roleTitle.column, "role.title");
  add(roleMapped.column, "role.mapped");
  add(roleSfiaCode.column, "role.sfiaCode");
  add(roleSfiaLevel.column, "role.sfiaLevel");
  for (const RecognitionMapping& rec : recognitions) {
    add(rec.body.column, rec.key + ".body");
    add(rec.kind.column, rec.key + ".kind");
    add(rec.grade.column, rec.key + ".grade");
    add(rec.when, rec.key + ".when");
  }
  return result;
}

Mapping loadMapping(const Poco::Util::AbstractConfiguration& config) {
  Reader r(config);
  Mapping m;
  m.dialect.delimiter = singleCharacter("csv.delimiter", r.get("csv.delimiter", ","));
  m.dialect.quote = singleCharacter("csv.quote", r.get("csv.quote", "\""));
  if (m.dialect.quote == m.dialect.delimiter) throw MappingError("csv.quote and csv.delimiter must differ");
  m.header = r.boolean("csv.header", true);
  std::string encoding = r.get("csv.encoding", "UTF-8");
  if (equalsIgnoringCase(encoding, "windows-1252") || equalsIgnoringCase(encoding, "cp1252") ||
      equalsIgnoringCase(encoding, "ISO-8859-1") || equalsIgnoringCase(encoding, "latin1")) {
    m.windows1252 = true;
  } else if (!equalsIgnoringCase(encoding, "UTF-8") && !equalsIgnoringCase(encoding, "utf8")) {
    throw MappingError("key csv.encoding: \"" + encoding + "\" is not UTF-8 or windows-1252");
  }

  m.organisation = r.get("header.organisation", "");
  m.organisationName = r.get("header.organisationName", "");
  m.period = r.get("header.period", "");
  m.preparedBy = r.get("header.preparedBy", "");
  m.sourceSystem = r.get("header.sourceSystem", "");
  m.sourceVersion = r.get("header.sourceVersion", "");

  m.memberId = r.required("member.id");
  m.role = r.required("member.role");
  m.fte = r.required("member.fte");
  m.assessment = r.get("member.assessment", "");
  m.pdp = r.get("member.pdp", "");
  m.cpd = r.get("member.cpd", "");
  std::string dates = dateFormat(r, "dates.format", DEFAULT_DATE_FORMAT);
  m.assessmentFormat = dateFormat(r, "member.assessment.format", dates);
  m.pdpFormat = dateFormat(r, "member.pdp.format", dates);

  char separator = singleCharacter("numbers.decimal", r.get("numbers.decimal", "."));
  if (separator != '.' && separator != ',') throw MappingError("key numbers.decimal: use . or ,");
  if (separator == m.dialect.delimiter) {
    // Legal when such cells are quoted, which exports with a decimal comma do not always do.
    throw MappingError("numbers.decimal and csv.delimiter are both '" + std::string(1, separator) +
                       "': use ; as the delimiter");
  }
  bool round = r.boolean("numbers.round", false);
  m.fteFormat = numberFormat(r, separator, round, "member.fte.format");
  m.cpdFormat = numberFormat(r, separator, round, "");

  if (std::optional<std::string> words = r.get("booleans.true")) m.booleans.trueWords = wordList(*words);
  if (std::optional<std::string> words = r.get("booleans.false")) m.booleans.falseWords = wordList(*words);

  m.roleTitle = r.source("role.title");
  m.roleMapped = r.source("role.mapped");
  m.roleSfiaCode = r.source("role.sfiaCode");
  m.roleSfiaLevel = r.source("role.sfiaLevel");
  if (m.roleTitle.constant) throw MappingError("key role.title.value: a title must differ between roles; name a column");
  if (m.roleMapped.constant && !m.booleans.parse(*m.roleMapped.constant).value) {
    throw MappingError("key role.mapped.value: \"" + *m.roleMapped.constant + "\" is not a yes/no value");
  }
  std::set<std::string> ids;
  for (int n : r.indexes("role.table")) {
    RoleEntry entry = roleEntry(r, n, m.booleans);
    if (!ids.insert(entry.id).second) throw MappingError("role.table." + std::to_string(n) + ".id: \"" + entry.id + "\" is used twice");
    for (const RoleEntry& other : m.roleTable) {
      if (equalsIgnoringCase(other.match, entry.match)) {
        throw MappingError("role.table." + std::to_string(n) + ".match: \"" + entry.match + "\" is matched twice");
      }
    }
    m.roleTable.push_back(std::move(entry));
  }
  if (!m.roleTable.empty() && (m.roleTitle.isSet() || m.roleMapped.isSet() || m.roleSfiaCode.isSet() || m.roleSfiaLevel.isSet())) {
    throw MappingError("a role table (role.table.N.*) and role columns (role.title, role.mapped, role.sfia*) exclude each other");
  }
  for (int n : r.indexes("recognition")) m.recognitions.push_back(recognition(r, n));

  r.rejectUnknown();
  if (!m.header) {
    for (const auto& [column, key] : m.columns()) {
      bool number = !column.empty() && column.size() <= 4 && column.find_first_not_of("0123456789") == std::string::npos;
      if (!number || column == "0" || column[0] == '0') {
        throw MappingError("key " + key + ": \"" + column + "\" is not a column number (csv.header is false)");
      }
    }
  }
  return m;
}

}  // namespace profkpi::adapters::convert

#include "tests/support/MutatedDocuments.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <random>

namespace profkpi::tests {

namespace {

using Rng = std::mt19937;

template <typename T>
const T& pick(const std::vector<T>& options, Rng& rng) {
  return options[std::uniform_int_distribution<std::size_t>(0, options.size() - 1)(rng)];
}

struct Span {
  std::size_t begin = 0;  // at '<'
  std::size_t end = 0;    // after '>' of the end tag (or of "/>")
  std::size_t contentBegin = 0;
  std::size_t contentEnd = 0;
};

bool nameEndsAt(const std::string& doc, std::size_t at) {
  return at < doc.size() && (doc[at] == ' ' || doc[at] == '>' || doc[at] == '/' || doc[at] == '\n');
}

// The nth element named `name` (no prefix; none of the base documents nests one in another of its name).
std::optional<Span> element(const std::string& doc, const std::string& name, std::size_t nth = 0) {
  std::string open = "<" + name;
  for (std::size_t at = doc.find(open); at != std::string::npos; at = doc.find(open, at + 1)) {
    if (!nameEndsAt(doc, at + open.size())) continue;
    if (nth-- > 0) continue;
    Span s;
    s.begin = at;
    std::size_t tagEnd = doc.find('>', at);
    if (doc[tagEnd - 1] == '/') {
      s.end = s.contentBegin = s.contentEnd = tagEnd + 1;
      return s;
    }
    s.contentBegin = tagEnd + 1;
    s.contentEnd = doc.find("</" + name + ">", tagEnd);
    s.end = s.contentEnd + name.size() + 3;
    return s;
  }
  return std::nullopt;
}

std::size_t countOf(const std::string& doc, const std::string& name) {
  std::size_t n = 0;
  while (element(doc, name, n)) ++n;
  return n;
}

// The element with its line: from the indentation before it to the line end after it.
Span lineOf(const std::string& doc, Span s) {
  while (s.begin > 0 && doc[s.begin - 1] == ' ') --s.begin;
  if (s.end < doc.size() && doc[s.end] == '\n') ++s.end;
  return s;
}

std::optional<Span> randomElement(const std::string& doc, const std::string& name, Rng& rng) {
  std::size_t n = countOf(doc, name);
  if (n == 0) return std::nullopt;
  return element(doc, name, std::uniform_int_distribution<std::size_t>(0, n - 1)(rng));
}

bool setText(std::string& doc, const std::string& name, const std::string& text, Rng& rng) {
  auto s = randomElement(doc, name, rng);
  if (!s || s->contentBegin == s->end) return false;
  doc.replace(s->contentBegin, s->contentEnd - s->contentBegin, text);
  return true;
}

bool setAttribute(std::string& doc, const std::string& name, const std::string& attribute, const std::string& value,
                  Rng& rng) {
  auto s = randomElement(doc, name, rng);
  if (!s) return false;
  std::size_t tagEnd = doc.find('>', s->begin);
  std::size_t at = doc.find(" " + attribute + "=\"", s->begin);
  if (at == std::string::npos || at > tagEnd) {
    std::size_t insertAt = doc[tagEnd - 1] == '/' ? tagEnd - 1 : tagEnd;
    doc.insert(insertAt, " " + attribute + "=\"" + value + "\"");
    return true;
  }
  std::size_t valueAt = at + attribute.size() + 3;
  doc.replace(valueAt, doc.find('"', valueAt) - valueAt, value);
  return true;
}

// Declares a namespace prefix on the root element.
void declare(std::string& doc, const std::string& prefix, const std::string& uri) {
  std::string declaration = " xmlns:" + prefix + "=\"" + uri + "\"";
  if (doc.find(declaration) != std::string::npos) return;
  auto root = element(doc, "Submission");
  if (root) doc.insert(root->begin + 11, declaration);
}

const std::string XSI = "http://www.w3.org/2001/XMLSchema-instance";
const std::string OURS = "urn:profkpi:submission:1";

// The children, in schema order, of the element types a change of order may touch.
const std::vector<std::pair<std::string, std::vector<std::string>>> SEQUENCES = {
    {"Header", {"SubmissionId", "Organisation", "Period", "PreparedAt", "PreparedBy", "SourceSystem"}},
    {"Aggregate",
     {"ItHeadcount", "ItFte", "RolesTotal", "RolesMapped", "StaffAssessed", "StaffWithPdp", "StaffRecognised",
      "CpdDays"}},
    {"Member", {"Assessment", "Pdp", "Recognition", "Cpd"}},
    {"Workforce", {"Roles", "Staff"}},
    {"Submission", {"Header", "Aggregate", "Workforce", "Explanations"}},
    {"Explanations", {"Explanation"}},
    {"Roles", {"Role"}},
    {"Staff", {"Member"}},
};

// The children of a random element of one of these types: their line spans.
std::vector<Span> childrenOf(const std::string& doc, Rng& rng, std::string& parent) {
  const auto& [type, names] = pick(SEQUENCES, rng);
  parent = type;
  auto p = randomElement(doc, type, rng);
  std::vector<Span> out;
  if (!p) return out;
  for (std::size_t at = p->contentBegin; at < p->contentEnd;) {
    std::size_t open = doc.find('<', at);
    if (open == std::string::npos || open >= p->contentEnd || doc[open + 1] == '/' || doc[open + 1] == '!') break;
    std::size_t nameEnd = doc.find_first_of(" />\n", open + 1);
    std::string name = doc.substr(open + 1, nameEnd - open - 1);
    std::optional<Span> found;
    for (std::size_t nth = 0; (found = element(doc, name, nth)) && found->begin != open;) ++nth;
    if (!found) break;
    Span child = lineOf(doc, *found);
    out.push_back(child);
    at = child.end;
  }
  return out;
}

std::string nameAt(const std::string& doc, const Span& s) {
  std::size_t open = doc.find('<', s.begin);
  return doc.substr(open + 1, doc.find_first_of(" />\n", open + 1) - open - 1);
}

using Mutation = std::function<std::string(std::string&, Rng&)>;  // its label, empty when it does not apply

std::string facet(std::string& doc, Rng& rng) {
  switch (std::uniform_int_distribution<int>(0, 8)(rng)) {
    case 0: {
      std::string name = pick<std::string>({"ItHeadcount", "RolesTotal", "RolesMapped", "StaffAssessed",
                                            "StaffWithPdp", "StaffRecognised"},
                                           rng);
      std::string value = pick<std::string>(
          {"-1", "41.5", "abc", "", "+7", " 7 ", "007", "1e3", "99999999999999", "18446744073709551617", "1.0"}, rng);
      return setText(doc, name, value, rng) ? "facet: " + name + " \"" + value + "\"" : "";
    }
    case 1: {
      std::string name = pick<std::string>({"ItFte", "CpdDays"}, rng);
      std::string value =
          pick<std::string>({"-0.5", "1.234", "38.50", "1,5", "+.5", ".", "5.", " 38.5 ", "1e2", "0.00"}, rng);
      return setText(doc, name, value, rng) ? "facet: " + name + " \"" + value + "\"" : "";
    }
    case 2: {
      std::string value = pick<std::string>({"0.125", "1.5", "-1", "0", "1.0000", "abc", " 1 ", "", "01.00"}, rng);
      return setAttribute(doc, "Member", "fte", value, rng) ? "facet: Member fte=\"" + value + "\"" : "";
    }
    case 3: {
      std::string value = pick<std::string>({"-1", "1.234", "99999999999", "3.5", "1e1", "365.25"}, rng);
      return setAttribute(doc, "Cpd", "days", value, rng) ? "facet: Cpd days=\"" + value + "\"" : "";
    }
    case 4: {
      std::string value = pick<std::string>({"74A94D82-F417-4B69-8E62-933E0E99F1FF",
                                             "74a94d82-f417-4b69-8e62-933e0e99f1ff0", "not-a-uuid",
                                             "74a94d82f4174b698e62933e0e99f1ff", "{74a94d82-f417-4b69-8e62-933e0e99f1ff}"},
                                            rng);
      return setText(doc, "SubmissionId", value, rng) ? "facet: SubmissionId \"" + value + "\"" : "";
    }
    case 5: {
      std::string value = pick<std::string>({"2009-10-Q5", "2009-10", "2009-10-Q2x", "2009-10-q2", "2009-10-Y"}, rng);
      return setText(doc, "Period", value, rng) ? "facet: Period \"" + value + "\"" : "";
    }
    case 6: {
      std::string value = pick<std::string>({"E0600000", "X06000001", "e06000001", "", "E060000011"}, rng);
      return setAttribute(doc, "Organisation", "code", value, rng) ? "facet: Organisation code=\"" + value + "\""
                                                                    : "";
    }
    case 7: {
      std::string value = pick<std::string>({"yes", "TRUE", " true ", "2", ""}, rng);
      return setAttribute(doc, "Role", "mapped", value, rng) ? "facet: Role mapped=\"" + value + "\"" : "";
    }
    default: {
      std::string value = pick<std::string>({"0", "8", "4.0", "7", "1"}, rng);
      return setAttribute(doc, "Role", "sfiaLevel", value, rng) ? "facet: Role sfiaLevel=\"" + value + "\"" : "";
    }
  }
}

std::string order(std::string& doc, Rng& rng) {
  std::string parent;
  std::vector<Span> children = childrenOf(doc, rng, parent);
  if (children.empty()) return "";
  std::size_t i = std::uniform_int_distribution<std::size_t>(0, children.size() - 1)(rng);
  std::string name = nameAt(doc, children[i]);
  std::string line = doc.substr(children[i].begin, children[i].end - children[i].begin);
  switch (std::uniform_int_distribution<int>(0, 4)(rng)) {
    case 0: {  // swapped with the next
      if (i + 1 >= children.size()) return "";
      std::string next = doc.substr(children[i + 1].begin, children[i + 1].end - children[i + 1].begin);
      std::string nextName = nameAt(doc, children[i + 1]);
      if (nextName == name) return "";
      doc.replace(children[i].begin, children[i + 1].end - children[i].begin, next + line);
      return "order: " + nextName + " before " + name + " in " + parent;
    }
    case 1:
      doc.erase(children[i].begin, children[i].end - children[i].begin);
      return "order: " + name + " removed from " + parent;
    case 2:
      doc.insert(children[i].end, line);
      return "order: " + name + " twice in " + parent;
    case 3: {
      std::string indent(children[i].begin > 0 ? 4 : 0, ' ');
      doc.insert(children[i].begin, indent + "<ItContractors>3</ItContractors>\n");
      return "order: unknown ItContractors before " + name + " in " + parent;
    }
    default:
      doc.insert(children[i].begin, "    stray text\n");
      return "order: text before " + name + " in " + parent;
  }
}

std::string whitespace(std::string& doc, Rng& rng) {
  switch (std::uniform_int_distribution<int>(0, 4)(rng)) {
    case 0: {
      auto s = element(doc, "SubmissionId");
      if (!s) return "";
      std::string id = doc.substr(s->contentBegin, s->contentEnd - s->contentBegin);
      doc.replace(s->contentBegin, s->contentEnd - s->contentBegin, "\n      " + id + "\n    ");
      return "whitespace: SubmissionId on a line of its own";
    }
    case 1: {
      std::string name = pick<std::string>({"ItHeadcount", "ItFte", "CpdDays"}, rng);
      auto s = element(doc, name);
      if (!s) return "";
      std::string v = doc.substr(s->contentBegin, s->contentEnd - s->contentBegin);
      doc.replace(s->contentBegin, s->contentEnd - s->contentBegin, "\t" + v + "\n  ");
      return "whitespace: tab and line end around " + name;
    }
    case 2:
      if (!setText(doc, "Period", "2009-10-\nQ2", rng)) return "";
      return "whitespace: line end inside Period";
    case 3: {
      std::string out;
      for (char c : doc) {
        if (c == '\n') out += '\r';
        out += c;
      }
      doc = out;
      return "whitespace: CR LF line ends";
    }
    default: {
      auto s = element(doc, "Member");
      if (!s) return "";
      doc.insert(doc.find('>', s->begin), "\n        ");
      return "whitespace: line end inside a Member start tag";
    }
  }
}

std::string date(std::string& doc, Rng& rng) {
  if (std::uniform_int_distribution<int>(0, 1)(rng) == 0) {
    std::string value = pick<std::string>({"2009-10-05T09:15:00", "2009-02-29T09:15:00Z", "-0004-02-29T09:15:00Z",
                                           "2009-10-05T24:00:00Z", "2009-10-05T09:15:00+14:01", "02009-10-05T09:15:00Z",
                                           "2009-10-05", "2009-10-05T09:15:00.5+01:00", "2009-10-05T09:15:60Z"},
                                          rng);
    return setText(doc, "PreparedAt", value, rng) ? "date: PreparedAt \"" + value + "\"" : "";
  }
  std::string name = pick<std::string>({"Assessment", "Pdp"}, rng);
  std::string value = pick<std::string>({"2009-02-29", "2008-02-29", "-0004-02-29", "2009-13-01", "2009-3-12",
                                         "0000-01-01", "32768-01-01", "2009-03-12Z", "2009-03-12+01:00", "-0001-03-01"},
                                        rng);
  return setAttribute(doc, name, name == "Pdp" ? "agreed" : "date", value, rng)
             ? "date: " + name + " \"" + value + "\""
             : "";
}

std::string repeat(const std::string& unit, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += unit;
  return out;
}

std::string unicode(std::string& doc, Rng& rng) {
  const std::string astral = "\xF0\x9D\x94\x98";  // U+1D518, two UTF-16 units
  std::string name = pick<std::string>({"Organisation", "PreparedBy", "Explanation", "Role"}, rng);
  std::size_t limit = name == "Explanation" ? 2000 : 200;
  std::size_t chars = pick<std::size_t>({limit / 2 + 1, limit, limit + 1}, rng);
  bool allAstral = std::uniform_int_distribution<int>(0, 1)(rng) == 0;
  std::string text = allAstral ? repeat(astral, chars) : repeat("a", chars - 1) + astral;
  if (!setText(doc, name, text, rng)) return "";
  return "unicode: " + name + " of " + std::to_string(chars) + " characters, " +
         (allAstral ? "all outside the BMP" : "one outside the BMP");
}

std::string namespaces(std::string& doc, Rng& rng) {
  switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
    case 0: {  // every element prefixed: the same names
      if (doc.find("xmlns=\"" + OURS + "\"") == std::string::npos) return "";
      std::string out;
      for (std::size_t i = 0; i < doc.size(); ++i) {
        out += doc[i];
        if (doc[i] == '<' && i + 1 < doc.size() && std::isalpha(static_cast<unsigned char>(doc[i + 1]))) out += "p:";
        if (doc[i] == '<' && i + 1 < doc.size() && doc[i + 1] == '/') out += "/p:", ++i;
      }
      std::size_t at = out.find("xmlns=\"");
      out.replace(at, 7, "xmlns:p=\"");
      doc = out;
      return "namespace: every element with a prefix";
    }
    case 1: {
      std::string name = pick<std::string>({"Aggregate", "Header", "ItFte", "Workforce", "Member"}, rng);
      auto s = randomElement(doc, name, rng);
      if (!s) return "";
      doc.insert(s->begin + 1 + name.size(), " xmlns=\"\"");
      return "namespace: " + name + " in no namespace";
    }
    case 2: {
      std::string name = pick<std::string>({"Aggregate", "ItFte", "Period", "Role"}, rng);
      auto s = randomElement(doc, name, rng);
      if (!s) return "";
      doc.insert(s->begin + 1 + name.size(), " xmlns=\"urn:example:other\"");
      return "namespace: " + name + " in another namespace";
    }
    default: {
      std::size_t at = doc.find("xmlns=\"" + OURS + "\"");
      if (at == std::string::npos) return "";
      std::string other = pick<std::string>({"urn:profkpi:submission:2", "URN:profkpi:submission:1",
                                             "urn:profkpi:submission:1 "},
                                            rng);
      doc.replace(at + 7, OURS.size(), other);
      return "namespace: root in \"" + other + "\"";
    }
  }
}

std::string xsi(std::string& doc, Rng& rng) {
  if (!element(doc, "Submission")) return "";
  declare(doc, "xsi", XSI);
  switch (std::uniform_int_distribution<int>(0, 5)(rng)) {
    case 0:
      declare(doc, "p", OURS);
      return setAttribute(doc, "Organisation", "xsi:type", "p:Text200Type", rng) ? "xsi: Organisation xsi:type" : "";
    case 1: return setAttribute(doc, "PreparedBy", "xsi:nil", "true", rng) ? "xsi: PreparedBy xsi:nil" : "";
    case 2: return setAttribute(doc, "Aggregate", "xsi:foo", "1", rng) ? "xsi: Aggregate xsi:foo" : "";
    case 3:
      return setAttribute(doc, "Submission", "xsi:schemaLocation", OURS + " permissive.xsd", rng)
                 ? "xsi: schemaLocation hint"
                 : "";
    case 4:
      declare(doc, "xs", "http://www.w3.org/2001/XMLSchema");
      return setAttribute(doc, "ItHeadcount", "xsi:type", "xs:string", rng) ? "xsi: ItHeadcount xsi:type xs:string"
                                                                           : "";
    default: return setAttribute(doc, "Member", "xsi:bar", "x", rng) ? "xsi: Member xsi:bar" : "";
  }
}

const std::vector<std::pair<std::string, Mutation>> MUTATIONS = {
    {"facet", facet}, {"order", order},         {"whitespace", whitespace}, {"date", date},
    {"unicode", unicode}, {"namespace", namespaces}, {"xsi", xsi},
};

}  // namespace

bool Mutant::has(const std::string& kind) const {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

std::string Mutant::describe() const {
  std::string out;
  for (const std::string& label : labels) out += (out.empty() ? "" : "; ") + label;
  return out;
}

std::vector<Mutant> mutatedDocuments(const std::vector<std::string>& bases, std::size_t count, std::uint32_t seed) {
  Rng rng(seed);
  std::vector<Mutant> out;
  while (out.size() < count) {
    Mutant m;
    m.document = pick(bases, rng);
    std::size_t comment = m.document.find("<!--");  // its text names elements: not for the finder
    if (comment != std::string::npos) m.document.erase(comment, m.document.find("-->") + 3 - comment);
    std::size_t changes = std::uniform_int_distribution<int>(0, 9)(rng) < 7 ? 1 : pick<std::size_t>({2, 3}, rng);
    for (int tries = 0; m.labels.size() < changes && tries < 20; ++tries) {
      const auto& [kind, mutate] = pick(MUTATIONS, rng);
      std::string label = mutate(m.document, rng);
      if (label.empty()) continue;
      m.kinds.push_back(kind);
      m.labels.push_back(label);
    }
    if (!m.labels.empty()) out.push_back(std::move(m));
  }
  return out;
}

}  // namespace profkpi::tests

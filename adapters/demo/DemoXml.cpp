#include "adapters/demo/DemoXml.h"

#include "engine/common/XmlEscape.h"

namespace profkpi::adapters::demo {

namespace {

void element(std::string& out, const char* indent, const char* name, const std::string& text) {
  out += indent;
  out += '<';
  out += name;
  out += '>';
  out += engine::escapeXml(text, engine::XmlPlace::Text);
  out += "</";
  out += name;
  out += ">\n";
}

void attribute(std::string& out, const char* name, const std::string& value) {
  out += ' ';
  out += name;
  out += "=\"";
  out += engine::escapeXml(value, engine::XmlPlace::Attribute);
  out += '"';
}

void writeHeader(std::string& out, const DemoSubmission& s) {
  out += "  <Header>\n";
  element(out, "    ", "SubmissionId", s.submissionId);
  out += "    <Organisation";
  attribute(out, "code", s.organisationCode);
  out += '>' + engine::escapeXml(s.organisationName, engine::XmlPlace::Text) + "</Organisation>\n";
  element(out, "    ", "Period", s.period);
  element(out, "    ", "PreparedAt", s.preparedAt);
  if (!s.preparedBy.empty()) element(out, "    ", "PreparedBy", s.preparedBy);
  if (!s.sourceName.empty()) {
    out += "    <SourceSystem";
    attribute(out, "name", s.sourceName);
    if (!s.sourceVersion.empty()) attribute(out, "version", s.sourceVersion);
    out += "/>\n";
  }
  out += "  </Header>\n";
}

void writeAggregate(std::string& out, const engine::Measures& m) {
  out += "  <Aggregate>\n";
  element(out, "    ", "ItHeadcount", std::to_string(m.itHeadcount));
  element(out, "    ", "ItFte", m.itFte.toString());
  element(out, "    ", "RolesTotal", std::to_string(m.rolesTotal));
  element(out, "    ", "RolesMapped", std::to_string(m.rolesMapped));
  element(out, "    ", "StaffAssessed", std::to_string(m.staffAssessed));
  element(out, "    ", "StaffWithPdp", std::to_string(m.staffWithPdp));
  element(out, "    ", "StaffRecognised", std::to_string(m.staffRecognised));
  element(out, "    ", "CpdDays", m.cpdDays.toString());
  out += "  </Aggregate>\n";
}

void writeMember(std::string& out, const DemoMember& member, const std::vector<DemoRole>& roles) {
  out += "      <Member";
  attribute(out, "id", member.id);
  attribute(out, "roleId", roles[member.role].id);
  attribute(out, "fte", member.fte.toString());
  bool empty = !member.assessment && !member.pdp && member.recognitions.empty() && !member.cpd;
  if (empty) {
    out += "/>\n";
    return;
  }
  out += ">\n";
  if (member.assessment) out += "        <Assessment date=\"" + engine::formatDate(*member.assessment) + "\"/>\n";
  if (member.pdp) out += "        <Pdp agreed=\"" + engine::formatDate(*member.pdp) + "\"/>\n";
  for (const RecognitionKind* r : member.recognitions) {
    out += "        <Recognition";
    attribute(out, "body", r->body);
    attribute(out, "kind", r->kind);
    if (r->grade != nullptr) attribute(out, "grade", r->grade);
    out += "/>\n";
  }
  if (member.cpd) out += "        <Cpd days=\"" + member.cpd->toString() + "\"/>\n";
  out += "      </Member>\n";
}

void writeWorkforce(std::string& out, const DemoSubmission& s) {
  out += "  <Workforce>\n    <Roles>\n";
  for (const DemoRole& role : s.roles) {
    out += "      <Role";
    attribute(out, "id", role.id);
    attribute(out, "mapped", role.mapped ? "true" : "false");
    if (role.sfiaCode != nullptr) {
      attribute(out, "sfiaCode", role.sfiaCode);
      attribute(out, "sfiaLevel", std::to_string(role.sfiaLevel));
    }
    out += '>' + engine::escapeXml(role.title, engine::XmlPlace::Text) + "</Role>\n";
  }
  out += "    </Roles>\n";
  if (s.members.empty()) {
    out += "    <Staff/>\n";
  } else {
    out += "    <Staff>\n";
    for (const DemoMember& member : s.members) writeMember(out, member, s.roles);
    out += "    </Staff>\n";
  }
  out += "  </Workforce>\n";
}

void writeBoardNotes(std::string& out, const engine::BoardNotes& notes) {
  out += "  <BoardNotes>\n";
  if (!notes.summary.empty()) element(out, "    ", "Summary", notes.summary);
  for (const engine::BoardAction& a : notes.actions) {
    out += "    <Action";
    if (!a.kpi.empty()) attribute(out, "kpi", a.kpi);
    attribute(out, "owner", a.owner);
    if (a.due) attribute(out, "due", engine::formatDate(*a.due));
    out += '>' + engine::escapeXml(a.text, engine::XmlPlace::Text) + "</Action>\n";
  }
  out += "  </BoardNotes>\n";
}

}  // namespace

std::string submissionXml(const DemoSubmission& s, std::uint64_t seed) {
  std::string out;
  out.reserve(s.workforce ? 512 + s.members.size() * 220 : 1200);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<!-- profkpi demo data (seed " + std::to_string(seed) + "): synthetic figures, not a real return. -->\n";
  out += std::string("<Submission xmlns=\"urn:profkpi:submission:1\" schemaVersion=\"") +
         (s.boardNotes ? "1.1" : "1.0") + "\">\n";
  writeHeader(out, s);
  if (s.workforce) {
    writeWorkforce(out, s);
  } else {
    writeAggregate(out, s.aggregate);
  }
  if (!s.explanations.empty()) {
    out += "  <Explanations>\n";
    for (const engine::Explanation& e : s.explanations) {
      out += "    <Explanation";
      attribute(out, "code", e.code);
      if (!e.kpi.empty()) attribute(out, "kpi", e.kpi);
      out += '>' + engine::escapeXml(e.text, engine::XmlPlace::Text) + "</Explanation>\n";
    }
    out += "  </Explanations>\n";
  }
  if (s.boardNotes) writeBoardNotes(out, *s.boardNotes);
  out += "</Submission>\n";
  return out;
}

std::string registryXml(const std::vector<engine::Organisation>& organisations) {
  std::string out;
  out.reserve(200 + organisations.size() * 180);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out +=
      "<!-- profkpi demo registry (schema: xsd/registry-1.xsd): the shipped organisations and the\n"
      "     synthetic ones of `profkpi demo-data`. Point registry.file at it to accept their data. -->\n";
  out += "<Registry xmlns=\"urn:profkpi:registry:1\" version=\"1\">\n";
  for (const engine::Organisation& o : organisations) {
    out += "  <Organisation";
    attribute(out, "code", o.code);
    attribute(out, "type", o.type);
    // Written only when not the default (English), as the shipped registry does.
    if (o.reportLanguages != std::vector<std::string>{"en"}) {
      std::string languages;
      for (const std::string& l : o.reportLanguages) languages += (languages.empty() ? "" : " ") + l;
      attribute(out, "reportLanguages", languages);
    }
    out += ">\n";
    element(out, "    ", "Name", o.name);
    if (!o.welshName.empty()) element(out, "    ", "WelshName", o.welshName);
    element(out, "    ", "Contact", o.contact);
    out += "  </Organisation>\n";
  }
  out += "</Registry>\n";
  return out;
}

}  // namespace profkpi::adapters::demo

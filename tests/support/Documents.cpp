#include "tests/support/Documents.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace profkpi::tests {

namespace {
std::string header(const HeaderFields& h) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<Submission xmlns=\"urn:profkpi:submission:1\" schemaVersion=\"1.0\">\n"
         "  <Header>\n"
         "    <SubmissionId>" + h.submissionId + "</SubmissionId>\n"
         "    <Organisation code=\"" + h.organisationCode + "\">" + h.organisationName + "</Organisation>\n"
         "    <Period>" + h.period + "</Period>\n"
         "    <PreparedAt>" + h.preparedAt + "</PreparedAt>\n" + h.extra +
         "  </Header>\n";
}

std::string tail(const std::string& explanations) {
  std::string xml;
  if (!explanations.empty()) xml += "  <Explanations>" + explanations + "</Explanations>\n";
  return xml + "</Submission>\n";
}
}  // namespace

std::string aggregateDocument(const HeaderFields& h, const AggregateFields& f, const std::string& explanations) {
  return header(h) +
         "  <Aggregate>\n"
         "    <ItHeadcount>" + f.itHeadcount + "</ItHeadcount>\n"
         "    <ItFte>" + f.itFte + "</ItFte>\n"
         "    <RolesTotal>" + f.rolesTotal + "</RolesTotal>\n"
         "    <RolesMapped>" + f.rolesMapped + "</RolesMapped>\n"
         "    <StaffAssessed>" + f.staffAssessed + "</StaffAssessed>\n"
         "    <StaffWithPdp>" + f.staffWithPdp + "</StaffWithPdp>\n"
         "    <StaffRecognised>" + f.staffRecognised + "</StaffRecognised>\n"
         "    <CpdDays>" + f.cpdDays + "</CpdDays>\n"
         "  </Aggregate>\n" + tail(explanations);
}

std::string workforceDocument(const HeaderFields& h, const std::vector<RoleFields>& roles,
                              const std::vector<MemberFields>& members, const std::string& explanations) {
  std::string xml = header(h) + "  <Workforce>\n    <Roles>\n";
  for (const RoleFields& r : roles) {
    xml += "      <Role id=\"" + r.id + "\" mapped=\"" + r.mapped + "\" " + r.extraAttributes + ">Role " + r.id +
           "</Role>\n";
  }
  xml += "    </Roles>\n    <Staff>\n";
  for (const MemberFields& m : members) {
    xml += "      <Member id=\"" + m.id + "\" roleId=\"" + m.roleId + "\" fte=\"" + m.fte + "\">";
    if (!m.assessment.empty()) xml += "<Assessment date=\"" + m.assessment + "\"/>";
    if (!m.pdp.empty()) xml += "<Pdp agreed=\"" + m.pdp + "\"/>";
    for (int i = 0; i < m.recognitions; ++i) xml += "<Recognition body=\"BCS\" kind=\"membership\"/>";
    if (!m.cpdDays.empty()) xml += "<Cpd days=\"" + m.cpdDays + "\"/>";
    xml += "</Member>\n";
  }
  return xml + "    </Staff>\n  </Workforce>\n" + tail(explanations);
}

std::vector<MemberFields> plainMembers(int count, const std::string& fte) {
  std::vector<MemberFields> members;
  for (int i = 1; i <= count; ++i) {
    MemberFields m;
    m.id = "m" + std::to_string(i);
    m.fte = fte;
    members.push_back(m);
  }
  return members;
}

std::string samplesDir() { return PROFKPI_SOURCE_DIR "/samples"; }

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void writeFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace profkpi::tests

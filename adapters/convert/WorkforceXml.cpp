#include "adapters/convert/WorkforceXml.h"

#include "engine/common/XmlEscape.h"

namespace profkpi::adapters::convert {

using engine::escapeXml;
using engine::XmlPlace;

namespace {

// YYYY-MM-DD (years 1..9999, as CellValues gives). engine::formatDate goes
// through an ostream and cost a tenth of the whole conversion.
std::string isoDate(engine::Date day) {
  date::year_month_day ymd{day};
  int year = static_cast<int>(ymd.year());
  unsigned month = static_cast<unsigned>(ymd.month());
  unsigned dayOfMonth = static_cast<unsigned>(ymd.day());
  char text[11] = {static_cast<char>('0' + year / 1000 % 10), static_cast<char>('0' + year / 100 % 10),
                   static_cast<char>('0' + year / 10 % 10),   static_cast<char>('0' + year % 10),
                   '-',
                   static_cast<char>('0' + month / 10),       static_cast<char>('0' + month % 10),
                   '-',
                   static_cast<char>('0' + dayOfMonth / 10),  static_cast<char>('0' + dayOfMonth % 10),
                   '\0'};
  return text;
}

}  // namespace

std::vector<std::string> writeHeader(std::ostream& out, const HeaderValues& h) {
  std::vector<std::string> lines{"", "Submission", "Header", "SubmissionId", "Organisation", "Period", "PreparedAt"};
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<Submission xmlns=\"urn:profkpi:submission:1\" schemaVersion=\"1.0\">\n"
      << "  <Header>\n"
      << "    <SubmissionId>" << escapeXml(h.submissionId, XmlPlace::Text) << "</SubmissionId>\n"
      << "    <Organisation code=\"" << escapeXml(h.organisation, XmlPlace::Attribute) << "\">"
      << escapeXml(h.organisationName, XmlPlace::Text) << "</Organisation>\n"
      << "    <Period>" << escapeXml(h.period, XmlPlace::Text) << "</Period>\n"
      << "    <PreparedAt>" << escapeXml(h.preparedAt, XmlPlace::Text) << "</PreparedAt>\n";
  if (!h.preparedBy.empty()) {
    out << "    <PreparedBy>" << escapeXml(h.preparedBy, XmlPlace::Text) << "</PreparedBy>\n";
    lines.push_back("PreparedBy");
  }
  if (!h.sourceSystem.empty()) {
    out << "    <SourceSystem name=\"" << escapeXml(h.sourceSystem, XmlPlace::Attribute) << "\"";
    if (!h.sourceVersion.empty()) out << " version=\"" << escapeXml(h.sourceVersion, XmlPlace::Attribute) << "\"";
    out << "/>\n";
    lines.push_back("SourceSystem");
  }
  out << "  </Header>\n";
  return lines;
}

void writeRolesStart(std::ostream& out) { out << "  <Workforce>\n    <Roles>\n"; }

void writeRole(std::ostream& out, const RoleRecord& role) {
  out << "      <Role id=\"" << role.id << "\" mapped=\"" << (role.mapped ? "true" : "false") << "\"";
  if (!role.sfiaCode.empty()) out << " sfiaCode=\"" << role.sfiaCode << "\"";
  if (role.sfiaLevel != 0) out << " sfiaLevel=\"" << role.sfiaLevel << "\"";
  out << ">" << escapeXml(role.title, XmlPlace::Text) << "</Role>\n";
}

void writeStaffStart(std::ostream& out) { out << "    </Roles>\n    <Staff>\n"; }

void writeMember(std::ostream& out, const MemberRow& m) {
  out << "      <Member id=\"" << m.id << "\" roleId=\"" << m.roleId << "\" fte=\"" << m.fte.toString() << "\"";
  if (!m.assessment && !m.pdp && m.recognitions.empty() && !m.cpd) {
    out << "/>\n";
    return;
  }
  out << ">\n";
  if (m.assessment) out << "        <Assessment date=\"" << isoDate(*m.assessment) << "\"/>\n";
  if (m.pdp) out << "        <Pdp agreed=\"" << isoDate(*m.pdp) << "\"/>\n";
  for (const RecognitionRecord& r : m.recognitions) {
    out << "        <Recognition body=\"" << escapeXml(r.body, XmlPlace::Attribute) << "\" kind=\"" << r.kind << "\"";
    if (!r.grade.empty()) out << " grade=\"" << escapeXml(r.grade, XmlPlace::Attribute) << "\"";
    out << "/>\n";
  }
  if (m.cpd) out << "        <Cpd days=\"" << m.cpd->toString() << "\"/>\n";
  out << "      </Member>\n";
}

void writeEnd(std::ostream& out) { out << "    </Staff>\n  </Workforce>\n</Submission>\n"; }

}  // namespace profkpi::adapters::convert

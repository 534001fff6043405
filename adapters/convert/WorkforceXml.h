// Writes a v1.0 Workforce submission piece by piece, in the schema's order
// (header, roles, then members), so members can be streamed. Values are
// written as given, escaped: callers pass only values that CellValues accepted.
#ifndef PROFKPI_ADAPTERS_CONVERT_WORKFORCEXML_H
#define PROFKPI_ADAPTERS_CONVERT_WORKFORCEXML_H

#include "adapters/convert/RowConverter.h"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace profkpi::adapters::convert {

// The Header's values, already in their lexical forms; empty optional ones are left out.
struct HeaderValues {
  std::string submissionId;
  std::string organisation;      // GSS code
  std::string organisationName;
  std::string period;
  std::string preparedAt;        // xs:dateTime with a zone
  std::string preparedBy;
  std::string sourceSystem;
  std::string sourceVersion;
};

// The XML declaration, the Submission start tag and the Header; ends before the
// Workforce. Returns, for each line written, the element it holds (so findings
// about the header can name the value). REQUIRES: no line breaks in the values.
std::vector<std::string> writeHeader(std::ostream& out, const HeaderValues& header);
void writeRolesStart(std::ostream& out);
void writeRole(std::ostream& out, const RoleRecord& role);
// Ends Roles and starts Staff.
void writeStaffStart(std::ostream& out);
void writeMember(std::ostream& out, const MemberRow& member);
// Ends Staff, Workforce and Submission.
void writeEnd(std::ostream& out);

}  // namespace profkpi::adapters::convert

#endif

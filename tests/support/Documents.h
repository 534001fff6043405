// Submission documents for tests, built from fields with valid defaults so each
// test states only what it changes.
#ifndef PROFKPI_TESTS_SUPPORT_DOCUMENTS_H
#define PROFKPI_TESTS_SUPPORT_DOCUMENTS_H

#include <string>
#include <vector>

namespace profkpi::tests {

struct HeaderFields {
  std::string submissionId = "3f2c8a1e-5b7d-4c9e-8f10-2a3b4c5d6e7f";
  std::string organisationCode = "E06000001";
  std::string organisationName = "Hartlepool Borough Council";
  std::string period = "2009-10-Q2";
  std::string preparedAt = "2009-10-05T09:00:00+01:00";
  std::string extra;  // raw XML after PreparedAt (PreparedBy, SourceSystem)
};

struct AggregateFields {
  std::string itHeadcount = "41";
  std::string itFte = "38.5";
  std::string rolesTotal = "30";
  std::string rolesMapped = "24";
  std::string staffAssessed = "30";
  std::string staffWithPdp = "35";
  std::string staffRecognised = "11";
  std::string cpdDays = "48.5";
};

struct RoleFields {
  std::string id = "R1";
  std::string mapped = "true";
  std::string extraAttributes;  // e.g. sfiaCode="ITMG" sfiaLevel="5"
};

struct MemberFields {
  std::string id;
  std::string roleId = "R1";
  std::string fte = "1";
  std::string assessment;  // date, or empty for none
  std::string pdp;         // date, or empty for none
  int recognitions = 0;
  std::string cpdDays;     // or empty for none
};

std::string aggregateDocument(const HeaderFields& header = {}, const AggregateFields& figures = {},
                              const std::string& explanations = {});
std::string workforceDocument(const HeaderFields& header, const std::vector<RoleFields>& roles,
                              const std::vector<MemberFields>& members, const std::string& explanations = {});

// Members m1..mN on role R1 with the given fte and no records.
std::vector<MemberFields> plainMembers(int count, const std::string& fte = "1");

// The repository's samples/ folder.
std::string samplesDir();
std::string readFile(const std::string& path);
void writeFile(const std::string& path, const std::string& content);

}  // namespace profkpi::tests

#endif

// Two validators independent of profkpi's reader, for the differential test:
// libxml2 (xmllint --schema, one process for many files) and plain Xerces-C
// with its own identity constraints (in process, none of profkpi's hardening).
#ifndef PROFKPI_TESTS_SUPPORT_REFERENCE_VALIDATORS_H
#define PROFKPI_TESTS_SUPPORT_REFERENCE_VALIDATORS_H

#include <map>
#include <string>
#include <vector>

namespace profkpi::tests {

struct Judgement {
  bool valid = false;
  long firstLine = 0;  // of the first error, 0 when none or unknown
  std::string firstMessage;
};

// xmllint --noout --schema XSD on each file; by file path.
std::map<std::string, Judgement> judgeWithLibxml2(const std::string& xsd, const std::vector<std::string>& files);

// Xerces-C SAX2, schema validation with identity constraints, grammar from XSD.
class XercesJudge {
 public:
  explicit XercesJudge(const std::string& xsd);
  ~XercesJudge();
  XercesJudge(const XercesJudge&) = delete;
  XercesJudge& operator=(const XercesJudge&) = delete;
  Judgement judge(const std::string& document);

 private:
  struct State;
  State* _state;
};

}  // namespace profkpi::tests

#endif

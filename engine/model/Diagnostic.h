// A finding about a submission: a schema or well-formedness fault, a business-rule
// error or a data-quality warning (SUBMISSION.md section 6). Plain value type.
#ifndef PROFKPI_ENGINE_MODEL_DIAGNOSTIC_H
#define PROFKPI_ENGINE_MODEL_DIAGNOSTIC_H

#include <string>
#include <vector>

namespace profkpi::engine {

enum class Severity { Error, Warning };

// Codes that are not business rules.
inline constexpr const char* CODE_XML = "XML";  // not well-formed, or refused by the parser
inline constexpr const char* CODE_XSD = "XSD";  // schema violation

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // XML, XSD, PK001..PK007, PQ101..PQ104
  std::string message;  // one sentence, for people
  long line = 0;        // 1-based; 0 when the finding has no place in the document
  long column = 0;      // 1-based; 0 when unknown
  std::string kpi;      // the KPI a warning is about (K1..K9), empty when none
  bool explained = false;   // the sender answered this warning with an Explanation
  std::string explanation;  // the sender's text when explained

  bool isError() const { return severity == Severity::Error; }
};

using Diagnostics = std::vector<Diagnostic>;

// A finding at `line`:`column` (0 when it has no place in the document), about
// `kpi` when not empty; not explained. Inline: the SAX handler makes these.
inline Diagnostic makeDiagnostic(Severity severity, std::string code, std::string message, long line = 0,
                                 long column = 0, std::string kpi = {}) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(message);
  d.line = line;
  d.column = column;
  d.kpi = std::move(kpi);
  return d;
}

// True when any diagnostic is an error (the submission is refused).
bool hasErrors(const Diagnostics& diagnostics);

// Orders by position in the document (line, then column); findings without a
// position go last. Stable, so findings at one place keep their order.
void sortByPosition(Diagnostics& diagnostics);

const char* severityName(Severity severity);

}  // namespace profkpi::engine

#endif

// The text line of INTERFACE.md for one finding.
#ifndef PROFKPI_ADAPTERS_CLI_DIAGNOSTICFORMAT_H
#define PROFKPI_ADAPTERS_CLI_DIAGNOSTICFORMAT_H

#include "engine/model/Diagnostic.h"

#include <string>

namespace profkpi::adapters::cli {

// "FILE:LINE:COL: error|warning CODE: message" on one line (line breaks in
// messages and explanations become spaces); "FILE: ..." when there is no position.
std::string formatDiagnosticLine(const std::string& file, const engine::Diagnostic& diagnostic);

}  // namespace profkpi::adapters::cli

#endif

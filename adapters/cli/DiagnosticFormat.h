// How findings are printed: the text line of INTERFACE.md and a JSON form shared
// by `validate --format json`, receipts and problem documents.
#ifndef PROFKPI_ADAPTERS_CLI_DIAGNOSTICFORMAT_H
#define PROFKPI_ADAPTERS_CLI_DIAGNOSTICFORMAT_H

#include "engine/Diagnostic.h"
#include "engine/SubmissionBuilder.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace profkpi::adapters::cli {

// "FILE:LINE:COL: error|warning CODE: message" on one line (line breaks in
// messages and explanations become spaces); "FILE: ..." when there is no position.
std::string formatDiagnosticLine(const std::string& file, const engine::Diagnostic& diagnostic);

// {"severity","code","line","column","message"[,"kpi"][,"explained","explanation"]}
Poco::JSON::Object::Ptr diagnosticToJson(const engine::Diagnostic& diagnostic);

// The validation verdict for one file: status, identity, measures, errors, warnings.
Poco::JSON::Object::Ptr intakeResultToJson(const std::string& file, const engine::IntakeResult& result);

// A JSON value on one line.
std::string toJsonLine(const Poco::JSON::Object::Ptr& object);

}  // namespace profkpi::adapters::cli

#endif

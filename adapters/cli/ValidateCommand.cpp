#include "adapters/cli/ValidateCommand.h"

#include "adapters/cli/DiagnosticFormat.h"
#include "adapters/json/DiagnosticJson.h"
#include "adapters/json/ReceiptJson.h"
#include "engine/common/Counted.h"

#include <Poco/File.h>
#include <Poco/Util/Option.h>

#include <iostream>

namespace profkpi::adapters::cli {

std::string ValidateCommand::description() const {
  return "Validates submission documents, each against the schema of the version it declares (1.0 or 1.1), "
         "and the business rules that need no stored data (PK001-PK006, PK008, PQ102, PQ103). Prints one diagnostic per line, "
         "FILE:LINE:COL: error|warning CODE: message, and a verdict per file on standard error. "
         "Exit status: 0 all valid, 1 any refused, 2 usage or I/O error.";
}

void ValidateCommand::defineOptions(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("format", "f", "output format: text (default) or json (one object per file)")
                        .required(false)
                        .repeatable(false)
                        .argument("FORMAT"));
}

void ValidateCommand::handleOption(const std::string& name, const std::string& value) {
  if (name != "format") return;
  if (value != "text" && value != "json") throw UsageError("--format takes text or json, not \"" + value + "\"");
  _json = value == "json";
}

int ValidateCommand::run(const std::vector<std::string>& args, Services& services) {
  if (args.empty()) throw UsageError("validate needs at least one FILE");
  engine::xml::SubmissionReader reader(services.schemas(), services.registry(), services.catalogue(), services.clock(),
                                       services.readerLimits());
  int status = STATUS_OK;
  for (const std::string& file : args) {
    Poco::File path(file);
    if (!path.exists() || !path.isFile() || !path.canRead()) {
      std::cerr << file << ": cannot read: no such readable file\n";
      status = STATUS_USAGE;
      continue;
    }
    engine::IntakeResult result = reader.readFile(file);
    if (_json) {
      std::cout << json::stringify(json::verdictToJson(file, result)) << '\n';
    } else {
      for (const engine::Diagnostic& d : result.diagnostics) std::cout << formatDiagnosticLine(file, d) << '\n';
    }
    std::size_t errors = 0;
    for (const engine::Diagnostic& d : result.diagnostics) errors += d.isError() ? 1 : 0;
    std::size_t warnings = result.diagnostics.size() - errors;
    if (result.accepted()) {
      std::cerr << file << ": valid (" << engine::counted(warnings, "warning") << ")\n";
    } else {
      std::cerr << file << ": refused (" << engine::counted(errors, "error") << ")\n";
      if (status == STATUS_OK) status = STATUS_REFUSED;
    }
  }
  std::cout.flush();
  return status;
}

}  // namespace profkpi::adapters::cli

// `profkpi ingest FILE|DIR...`: validates and stores as the HTTP endpoint does,
// without credentials (operator use). Prints a receipt (JSON, one line) for each
// accepted file and the diagnostics of each refused one.
#ifndef PROFKPI_ADAPTERS_CLI_INGESTCOMMAND_H
#define PROFKPI_ADAPTERS_CLI_INGESTCOMMAND_H

#include "adapters/cli/Command.h"

namespace profkpi::adapters::cli {

class IngestCommand final : public Command {
 public:
  std::string name() const override { return "ingest"; }
  std::string arguments() const override { return "FILE|DIR..."; }
  std::string description() const override;
  int run(const std::vector<std::string>& args, Services& services) override;
};

// The files named, with directories expanded to the *.xml files below them in
// path order. Throws UsageError for a path that does not exist.
std::vector<std::string> expandSubmissionPaths(const std::vector<std::string>& paths);

}  // namespace profkpi::adapters::cli

#endif

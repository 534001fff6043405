// `profkpi serve`: the HTTP service, the inbox watcher and the nightly schedule until SIGTERM/SIGINT,
// then a clean stop: no new connections, requests in flight finished, exit 0.
#ifndef PROFKPI_ADAPTERS_CLI_SERVECOMMAND_H
#define PROFKPI_ADAPTERS_CLI_SERVECOMMAND_H

#include "adapters/cli/Command.h"

namespace profkpi::adapters::cli {

class ServeCommand final : public Command {
 public:
  std::string name() const override { return "serve"; }
  std::string arguments() const override { return ""; }
  std::string description() const override;
  int run(const std::vector<std::string>& args, Services& services) override;
};

}  // namespace profkpi::adapters::cli

#endif

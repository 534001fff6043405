// `profkpi export --period P [--period P2 ...|--all] --out DIR [--excel]`: the
// periods' results, peer statistics and coverage as open data (three CSV files,
// each with its CSV on the Web metadata) in DIR.
#ifndef PROFKPI_ADAPTERS_CLI_EXPORTCOMMAND_H
#define PROFKPI_ADAPTERS_CLI_EXPORTCOMMAND_H

#include "adapters/cli/Command.h"

namespace profkpi::adapters::cli {

class ExportCommand final : public Command {
 public:
  std::string name() const override { return "export"; }
  std::string arguments() const override { return "--period PERIOD [--period PERIOD...|--all] --out DIR"; }
  std::string description() const override;
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int run(const std::vector<std::string>& args, Services& services) override;

 private:
  std::vector<std::string> _periods;
  bool _all = false;
  bool _excel = false;
  std::string _out;
};

}  // namespace profkpi::adapters::cli

#endif

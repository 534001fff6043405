// `profkpi report --org CODE --period PERIOD --out FILE.pdf [--format pdf|html]`:
// renders one organisation's board report for a period and writes it
// atomically. Exit 1 when the organisation has no submission for the period.
#ifndef PROFKPI_ADAPTERS_CLI_REPORTCOMMAND_H
#define PROFKPI_ADAPTERS_CLI_REPORTCOMMAND_H

#include "adapters/cli/Command.h"
#include "adapters/cli/ReportOptions.h"

namespace profkpi::adapters::cli {

class ReportCommand final : public Command {
 public:
  std::string name() const override { return "report"; }
  std::string arguments() const override { return "--org CODE --period PERIOD --out FILE.pdf"; }
  std::string description() const override;
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int run(const std::vector<std::string>& args, Services& services) override;

 private:
  ReportOptions _options{ReportScope::BOARD};
};

}  // namespace profkpi::adapters::cli

#endif

// `profkpi sector-report --period PERIOD --out FILE.pdf [--format pdf|html]`:
// renders the sector benchmark report of a period (coverage and chase list,
// distributions, league table) and writes it atomically.
#ifndef PROFKPI_ADAPTERS_CLI_SECTORREPORTCOMMAND_H
#define PROFKPI_ADAPTERS_CLI_SECTORREPORTCOMMAND_H

#include "adapters/cli/Command.h"
#include "adapters/cli/ReportOptions.h"

namespace profkpi::adapters::cli {

class SectorReportCommand final : public Command {
 public:
  std::string name() const override { return "sector-report"; }
  std::string arguments() const override { return "--period PERIOD --out FILE.pdf"; }
  std::string description() const override;
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int run(const std::vector<std::string>& args, Services& services) override;

 private:
  ReportOptions _options{ReportScope::SECTOR};
};

}  // namespace profkpi::adapters::cli

#endif

// `profkpi demo-data --out DIR`: writes realistic, deterministic demo submissions
// (adapters/demo/DemoData.h) for every registry organisation, one file per document, and a
// registry for the synthetic organisations when --scale exceeds the registry.
#ifndef PROFKPI_ADAPTERS_CLI_DEMODATACOMMAND_H
#define PROFKPI_ADAPTERS_CLI_DEMODATACOMMAND_H

#include "adapters/cli/Command.h"
#include "adapters/demo/DemoData.h"

namespace profkpi::adapters::cli {

class DemoDataCommand final : public Command {
 public:
  std::string name() const override { return "demo-data"; }
  std::string arguments() const override { return "--out DIR"; }
  std::string description() const override;
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int run(const std::vector<std::string>& args, Services& services) override;

 private:
  std::string _out;
  demo::DemoOptions _options;
};

}  // namespace profkpi::adapters::cli

#endif

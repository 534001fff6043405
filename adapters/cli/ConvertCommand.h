// `profkpi convert CSV --mapping FILE --out FILE.xml`: a staff export to a
// Workforce submission that validates, or the export's problems by line.
#ifndef PROFKPI_ADAPTERS_CLI_CONVERTCOMMAND_H
#define PROFKPI_ADAPTERS_CLI_CONVERTCOMMAND_H

#include "adapters/cli/Command.h"

#include <map>

namespace profkpi::adapters::cli {

class ConvertCommand final : public Command {
 public:
  std::string name() const override { return "convert"; }
  std::string arguments() const override { return "CSV --mapping FILE --out FILE.xml"; }
  std::string description() const override;
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int run(const std::vector<std::string>& args, Services& services) override;

 private:
  std::map<std::string, std::string> _options;  // option name -> value
};

}  // namespace profkpi::adapters::cli

#endif

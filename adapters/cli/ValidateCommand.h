// `profkpi validate FILE...`: schema and stateless business rules, no store.
#ifndef PROFKPI_ADAPTERS_CLI_VALIDATECOMMAND_H
#define PROFKPI_ADAPTERS_CLI_VALIDATECOMMAND_H

#include "adapters/cli/Command.h"

namespace profkpi::adapters::cli {

class ValidateCommand final : public Command {
 public:
  std::string name() const override { return "validate"; }
  std::string arguments() const override { return "FILE..."; }
  std::string description() const override;
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int run(const std::vector<std::string>& args, Services& services) override;

 private:
  bool _json = false;
};

}  // namespace profkpi::adapters::cli

#endif

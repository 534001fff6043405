// `profkpi keys add --org CODE --role submitter|reader|admin`, `keys list`,
// `keys revoke ID`: API credentials. A new key is printed once; only its hash
// is stored.
#ifndef PROFKPI_ADAPTERS_CLI_KEYSCOMMAND_H
#define PROFKPI_ADAPTERS_CLI_KEYSCOMMAND_H

#include "adapters/cli/Command.h"

namespace profkpi::adapters::cli {

class KeysCommand final : public Command {
 public:
  std::string name() const override { return "keys"; }
  std::string arguments() const override { return "add --org CODE --role ROLE | list | revoke ID"; }
  std::string description() const override;
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int run(const std::vector<std::string>& args, Services& services) override;

 private:
  std::string _organisation;
  std::string _role;
};

}  // namespace profkpi::adapters::cli

#endif

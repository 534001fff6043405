// `profkpi deliveries [--org CODE] [--period P] [--since DATE] [--json]`: who
// was sent which board report by mail, when, the report's SHA-256, the
// message's Message-ID and the outcome, from the nightly runs' history.
#ifndef PROFKPI_ADAPTERS_CLI_DELIVERIESCOMMAND_H
#define PROFKPI_ADAPTERS_CLI_DELIVERIESCOMMAND_H

#include "adapters/cli/Command.h"
#include "engine/nightly/RunLedger.h"

namespace profkpi::adapters::cli {

class DeliveriesCommand final : public Command {
 public:
  std::string name() const override { return "deliveries"; }
  std::string arguments() const override { return "[--org CODE] [--period P] [--since DATE] [--json]"; }
  std::string description() const override;
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int run(const std::vector<std::string>& args, Services& services) override;

 private:
  engine::MailItemQuery _query;
  bool _json = false;
};

}  // namespace profkpi::adapters::cli

#endif

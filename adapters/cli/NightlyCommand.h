// `profkpi nightly [--at ISO-DATETIME] [--scheduled] [--wait]`: the nightly run
// once, now or as if at another time, for cron or a systemd timer; or one
// archived board report mailed again (--resend CODE); or the run history
// (--history N). Shows progress, ends with a summary; exit 1 when anything failed.
#ifndef PROFKPI_ADAPTERS_CLI_NIGHTLYCOMMAND_H
#define PROFKPI_ADAPTERS_CLI_NIGHTLYCOMMAND_H

#include "adapters/cli/Command.h"

namespace profkpi::adapters::cli {

class NightlyCommand final : public Command {
 public:
  std::string name() const override { return "nightly"; }
  std::string arguments() const override {
    return "[--at ISO-DATETIME] [--scheduled] [--wait] | --resend CODE [--period P] | --history N";
  }
  std::string description() const override;
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int run(const std::vector<std::string>& args, Services& services) override;

 private:
  std::string _at;
  bool _scheduled = false;
  bool _wait = false;
  int _history = 0;
  std::string _resend;  // --resend CODE
  std::string _period;  // --period P, with --resend
};

}  // namespace profkpi::adapters::cli

#endif

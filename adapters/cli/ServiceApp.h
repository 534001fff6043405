// The composition root: `profkpi COMMAND [OPTIONS]`. Reads the configuration (one
// properties file over the shipped defaults), sets up logging, builds the
// services and runs the chosen command, one of those the program was built with.
#ifndef PROFKPI_ADAPTERS_CLI_SERVICEAPP_H
#define PROFKPI_ADAPTERS_CLI_SERVICEAPP_H

#include "adapters/cli/Command.h"

#include <Poco/Util/ServerApplication.h>

#include <memory>
#include <vector>

namespace profkpi::adapters::cli {

class ServiceApp final : public Poco::Util::ServerApplication {
 public:
  // The commands in the order --help lists them.
  explicit ServiceApp(std::vector<std::unique_ptr<Command>> commands);
  // Runs the whole command line and returns the process exit status.
  int start(int argc, char** argv);

 protected:
  void initialize(Poco::Util::Application& self) override;
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const std::vector<std::string>& args) override;

 private:
  Command* find(const std::string& name) const;
  void printOverview(std::ostream& out) const;
  void printCommandHelp(std::ostream& out) const;

  std::vector<std::unique_ptr<Command>> _commands;
  Command* _command = nullptr;
  bool _help = false;
  int _status = STATUS_USAGE;
};

}  // namespace profkpi::adapters::cli

#endif

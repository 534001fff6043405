// One `profkpi COMMAND`: its options, its help, and what it does. Commands get
// their configuration and collaborators from the application that runs them.
#ifndef PROFKPI_ADAPTERS_CLI_COMMAND_H
#define PROFKPI_ADAPTERS_CLI_COMMAND_H

#include "adapters/cli/Services.h"

#include <Poco/Util/OptionSet.h>

#include <stdexcept>

#include <string>
#include <vector>

namespace profkpi::adapters::cli {

// Exit statuses of INTERFACE.md.
inline constexpr int STATUS_OK = 0;
inline constexpr int STATUS_REFUSED = 1;  // input refused, or a job failed
inline constexpr int STATUS_USAGE = 2;    // usage, configuration or I/O error

class Command {
 public:
  Command() = default;
  Command(const Command&) = delete;
  Command& operator=(const Command&) = delete;
  virtual ~Command() = default;

  virtual std::string name() const = 0;
  // "FILE..." — what follows the options in the usage line.
  virtual std::string arguments() const = 0;
  // One paragraph for --help.
  virtual std::string description() const = 0;
  // Adds the command's own options; --config and --help are common to all.
  virtual void defineOptions(Poco::Util::OptionSet& options) { (void)options; }
  virtual void handleOption(const std::string& name, const std::string& value) {
    (void)name;
    (void)value;
  }
  // Runs the command. Throws UsageError for bad arguments.
  virtual int run(const std::vector<std::string>& args, Services& services) = 0;
};

// Bad command-line use; the application prints it with the usage and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace profkpi::adapters::cli

#endif

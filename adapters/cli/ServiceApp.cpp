#include "adapters/cli/ServiceApp.h"

#include "adapters/cli/CommandHelp.h"
#include "adapters/cli/Defaults.h"
#include "engine/intake/xml/DocumentTree.h"
#include "engine/ports/Errors.h"

#include <Poco/Exception.h>
#include <Poco/Util/LoggingConfigurator.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <csignal>
#include <iostream>

#include <pthread.h>

namespace profkpi::adapters::cli {

namespace {
// The set Poco's waitForTerminationRequest() waits for.
void blockTerminationSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGQUIT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

// Searched after the user's file and the system layer: defaults only fill gaps.
constexpr int PRIO_SHIPPED_DEFAULTS = 200;
}  // namespace

ServiceApp::ServiceApp(std::vector<std::unique_ptr<Command>> commands) : _commands(std::move(commands)) {
  setUnixOptions(true);
  config().add(defaultConfiguration(), PRIO_SHIPPED_DEFAULTS, false);
}

Command* ServiceApp::find(const std::string& name) const {
  for (const auto& command : _commands) {
    if (command->name() == name) return command.get();
  }
  return nullptr;
}

int ServiceApp::start(int argc, char** argv) {
  std::string first = argc > 1 ? argv[1] : "";
  if (first == "--help" || first == "-h" || first == "help") {
    printOverview(std::cout);
    return STATUS_OK;
  }
  _command = find(first);
  if (_command == nullptr) {
    if (!first.empty()) std::cerr << "profkpi: unknown command \"" << first << "\"\n\n";
    printOverview(std::cerr);
    return STATUS_USAGE;
  }

  std::vector<char*> rest{argv[0]};
  rest.insert(rest.end(), argv + 2, argv + argc);
  try {
    init(static_cast<int>(rest.size()), rest.data());
  } catch (const Poco::Util::OptionException& e) {
    std::cerr << "profkpi " << _command->name() << ": " << e.displayText() << "\n"
              << "Try 'profkpi " << _command->name() << " --help'.\n";
    return STATUS_USAGE;
  } catch (const UsageError& e) {
    std::cerr << "profkpi " << _command->name() << ": " << e.what() << "\n";
    return STATUS_USAGE;
  } catch (const Poco::Exception& e) {
    std::cerr << "profkpi " << _command->name() << ": configuration: " << e.displayText() << "\n";
    return STATUS_USAGE;
  }
  if (_help) {
    printCommandHelp(std::cout);
    return STATUS_OK;
  }
  run();
  return _status;
}

void ServiceApp::initialize(Poco::Util::Application& self) {
  Poco::Util::LoggingConfigurator().configure(config().createView("logging"));
  ServerApplication::initialize(self);
}

void ServiceApp::defineOptions(Poco::Util::OptionSet& options) {
  if (_command == nullptr) return;
  if (_command->name() == "serve") ServerApplication::defineOptions(options);
  options.addOption(Poco::Util::Option("help", "h", "print this help and exit").required(false).repeatable(false));
  options.addOption(Poco::Util::Option("config", "c", "read configuration from this properties file")
                        .required(false)
                        .repeatable(false)
                        .argument("FILE"));
  _command->defineOptions(options);
}

void ServiceApp::handleOption(const std::string& name, const std::string& value) {
  ServerApplication::handleOption(name, value);
  if (name == "help") {
    _help = true;
    stopOptionsProcessing();
  } else if (name == "config") {
    // Always the properties format (INTERFACE.md): Poco's loadConfiguration()
    // would choose by extension, refusing profkpi.conf and reading x.ini as INI.
    config().add(new Poco::Util::PropertyFileConfiguration(value), PRIO_DEFAULT, false);
  } else {
    _command->handleOption(name, value);
  }
}

int ServiceApp::main(const std::vector<std::string>& args) {
  // serve waits for SIGTERM/SIGINT with sigwait() once everything has started;
  // blocked here, before any thread exists, a signal that comes during start-up
  // waits for it instead of killing the process with half-started threads.
  if (_command->name() == "serve") blockTerminationSignals();
  try {
    Services services(config());
    services.setTerminationWaiter([this] { waitForTerminationRequest(); });
    _status = _command->run(args, services);
  } catch (const UsageError& e) {
    std::cerr << "profkpi " << _command->name() << ": " << e.what() << "\n"
              << "Try 'profkpi " << _command->name() << " --help'.\n";
    _status = STATUS_USAGE;
  } catch (const engine::StoreError& e) {
    logger().error("%s", std::string(e.what()));
    _status = STATUS_USAGE;
  } catch (const engine::xml::DocumentError& e) {
    logger().error("configuration: %s", std::string(e.what()));
    _status = STATUS_USAGE;
  } catch (const Poco::Exception& e) {
    logger().error("%s", e.displayText());
    _status = STATUS_USAGE;
  } catch (const std::exception& e) {
    logger().error("%s", std::string(e.what()));
    _status = STATUS_USAGE;
  }
  return _status;
}

void ServiceApp::printOverview(std::ostream& out) const { cli::printOverview(out, _commands); }

void ServiceApp::printCommandHelp(std::ostream& out) const { cli::printCommandHelp(out, *_command, options()); }

}  // namespace profkpi::adapters::cli

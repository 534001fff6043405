// profkpi-validate: `profkpi validate` alone, linked without the store, HTTP and
// report libraries (see profkpi.cpp).
#include "adapters/cli/ServiceApp.h"
#include "adapters/cli/ValidateCommand.h"

using namespace profkpi::adapters::cli;

int main(int argc, char** argv) {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<ValidateCommand>());
  ServiceApp app(std::move(commands));
  return app.start(argc, argv);
}

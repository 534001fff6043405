// profkpi-full: every command (the profkpi program starts it for all but validate).
#include "adapters/cli/ConvertCommand.h"
#include "adapters/cli/DeliveriesCommand.h"
#include "adapters/cli/DemoDataCommand.h"
#include "adapters/cli/ExportCommand.h"
#include "adapters/cli/IngestCommand.h"
#include "adapters/cli/KeysCommand.h"
#include "adapters/cli/NightlyCommand.h"
#include "adapters/cli/ReportCommand.h"
#include "adapters/cli/SectorReportCommand.h"
#include "adapters/cli/ServeCommand.h"
#include "adapters/cli/ServiceApp.h"
#include "adapters/cli/ValidateCommand.h"

using namespace profkpi::adapters::cli;

int main(int argc, char** argv) {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<ValidateCommand>());
  commands.push_back(std::make_unique<IngestCommand>());
  commands.push_back(std::make_unique<ReportCommand>());
  commands.push_back(std::make_unique<SectorReportCommand>());
  commands.push_back(std::make_unique<NightlyCommand>());
  commands.push_back(std::make_unique<ServeCommand>());
  commands.push_back(std::make_unique<ConvertCommand>());
  commands.push_back(std::make_unique<KeysCommand>());
  commands.push_back(std::make_unique<DemoDataCommand>());
  commands.push_back(std::make_unique<ExportCommand>());
  commands.push_back(std::make_unique<DeliveriesCommand>());
  ServiceApp app(std::move(commands));
  return app.start(argc, argv);
}

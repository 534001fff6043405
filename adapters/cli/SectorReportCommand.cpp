#include "adapters/cli/SectorReportCommand.h"

#include "adapters/cli/ReportCommand.h"
#include "adapters/cli/StoreServices.h"
#include "engine/reporting/Reports.h"

#include <Poco/Util/Option.h>

namespace profkpi::adapters::cli {

std::string SectorReportCommand::description() const {
  return "Renders the sector benchmark report of one period for the programme and Socitm: coverage and the chase "
         "list, sector rates and their change, each KPI's distribution for the sector and each type of organisation "
         "(groups under the disclosure threshold suppressed), and the league table by professionalisation index. "
         "PDF/A-1b (A4) by default, or --format html. Dated by its data unless --generated-at says otherwise. "
         "--language cy writes every word in Welsh, with Welsh names wherever an organisation has one. Exit status: 0 written, 2 usage, configuration or I/O error.";
}

void SectorReportCommand::defineOptions(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("period", "p", "the period, e.g. 2009-10-Q2 (required)")
                        .required(false)
                        .repeatable(false)
                        .argument("PERIOD"));
  defineReportOutputOptions(options);
}

void SectorReportCommand::handleOption(const std::string& name, const std::string& value) {
  if (name == "period") _period = value;
  if (name == "out") _out = value;
  if (name == "format") _format = value;
  if (name == "generated-at") _generatedAt = value;
  if (name == "language") _language = parseReportLanguage(value);
}

int SectorReportCommand::run(const std::vector<std::string>& args, Services& services) {
  if (!args.empty()) throw UsageError("unexpected argument \"" + args.front() + "\"");
  if (_period.empty()) throw UsageError("--period PERIOD is required");
  if (_out.empty()) throw UsageError("--out FILE is required");
  engine::Period period = parseReportPeriod(_period);
  std::string format = chooseReportFormat(_format, _out);
  std::optional<engine::Instant> generatedAt = parseGeneratedAt(_generatedAt, services.clock());

  StoreServices storeServices(services);
  engine::Reports reports(storeServices.store(), storeServices.results());
  engine::SectorReport sector = reports.sector(period, generatedAt);
  sector.language = _language;
  engine::ReportRenderer* renderer = storeServices.renderer(format);
  return writeReport(_out, [&] { return renderer->renderSector(sector); });
}

}  // namespace profkpi::adapters::cli

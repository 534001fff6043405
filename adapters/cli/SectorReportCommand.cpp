#include "adapters/cli/SectorReportCommand.h"

#include "adapters/cli/StoreServices.h"
#include "engine/reporting/Reports.h"

namespace profkpi::adapters::cli {

std::string SectorReportCommand::description() const {
  return "Renders the sector benchmark report of one period for the programme and Socitm: coverage and the chase "
         "list, sector rates and their change, each KPI's distribution for the sector and each type of organisation "
         "(groups under the disclosure threshold suppressed), and the league table by professionalisation index. "
         "PDF/A-1b (A4) by default, or --format html. Dated by its data unless --generated-at says otherwise. "
         "--language cy writes every word in Welsh, with Welsh names wherever an organisation has one. Exit status: 0 written, 2 usage, configuration or I/O error.";
}

void SectorReportCommand::defineOptions(Poco::Util::OptionSet& options) { _options.define(options); }

void SectorReportCommand::handleOption(const std::string& name, const std::string& value) {
  _options.handle(name, value);
}

int SectorReportCommand::run(const std::vector<std::string>& args, Services& services) {
  ReportRequest request = _options.resolve(args, services.clock());
  StoreServices storeServices(services);
  engine::Reports reports(storeServices.store(), storeServices.results());
  engine::SectorReport sector = reports.sector(request.period, request.generatedAt);
  sector.language = request.language;
  engine::ReportRenderer* renderer = storeServices.renderer(request.format);
  return writeReport(request.out, [&] { return renderer->renderSector(sector); });
}

}  // namespace profkpi::adapters::cli

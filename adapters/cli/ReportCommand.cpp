#include "adapters/cli/ReportCommand.h"

#include "adapters/cli/StoreServices.h"
#include "engine/reporting/Reports.h"

#include <iostream>

namespace profkpi::adapters::cli {

std::string ReportCommand::description() const {
  return "Renders the board report of one organisation for one period: cover with the professionalisation index, "
         "scorecard, one panel per KPI with its peer distribution and trend, data quality and provenance, and the "
         "method. PDF/A-1b (A4) by default; --format html (or an .html file) writes the accessible HTML version. The "
         "report is dated by its data unless --generated-at says otherwise, so the same data gives a byte-identical "
         "file. --language cy writes every word in Welsh, with the organisation's Welsh name as the title. Exit status: 0 written, 1 the organisation has no submission for the period, 2 usage, configuration "
         "or I/O error.";
}

void ReportCommand::defineOptions(Poco::Util::OptionSet& options) { _options.define(options); }

void ReportCommand::handleOption(const std::string& name, const std::string& value) { _options.handle(name, value); }

int ReportCommand::run(const std::vector<std::string>& args, Services& services) {
  ReportRequest request = _options.resolve(args, services.clock());
  StoreServices storeServices(services);
  engine::Reports reports(storeServices.store(), storeServices.results());
  std::optional<engine::BoardReport> board = reports.board(request.organisation, request.period, request.generatedAt);
  if (!board) {
    std::cerr << "profkpi report: " << request.organisation << " has no submission for " << request.period.code()
              << " (" << request.period.inWords() << ")";
    if (services.registry().find(request.organisation) == nullptr) {
      std::cerr << "; it is not in the organisation registry";
    }
    std::cerr << "\n";
    return STATUS_REFUSED;
  }
  board->language = request.language;
  engine::ReportRenderer* renderer = storeServices.renderer(request.format);
  return writeReport(request.out, [&] { return renderer->renderBoard(*board); });
}

}  // namespace profkpi::adapters::cli

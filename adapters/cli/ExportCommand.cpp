#include "adapters/cli/ExportCommand.h"

#include "adapters/cli/ReportOptions.h"
#include "adapters/cli/StoreServices.h"
#include "adapters/opendata/OpenDataFiles.h"

#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Util/Option.h>

#include <algorithm>

namespace profkpi::adapters::cli {

std::string ExportCommand::description() const {
  return "Writes the periods' results as open data into DIR: results.csv (one row per organisation, period and KPI: "
         "the figures, value, target, status, index, ranks and quartiles, warnings and the submission they come "
         "from), peers.csv (each KPI's distribution and rate for the sector and each type of organisation) and "
         "coverage.csv (who submitted, when, late or not, replaced how often), each with NAME.csv-metadata.json "
         "(CSV on the Web: column titles, datatypes, units, keys, the Open Government Licence v3.0 and "
         "opendata.publisher). UTF-8, RFC 4180, CRLF, a header row; --excel puts a byte order mark first. Figures "
         "of groups under benchmark.minimumGroupSize, and any from which they could be worked out, are withheld "
         "as [c]; [x] is not available, [z] not applicable. Files are replaced whole. Exit status: 0 written, 2 "
         "usage, configuration, store or I/O error.";
}

void ExportCommand::defineOptions(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("period", "p", "a period, e.g. 2009-10-Q2 (repeatable)")
                        .required(false)
                        .repeatable(true)
                        .argument("PERIOD"));
  options.addOption(Poco::Util::Option("all", "a", "every period with a submission, oldest first")
                        .required(false)
                        .repeatable(false));
  options.addOption(Poco::Util::Option("out", "o", "the folder to write into, made when missing (required)")
                        .required(false)
                        .repeatable(false)
                        .argument("DIR"));
  options.addOption(Poco::Util::Option("excel", "x", "a UTF-8 byte order mark before each CSV, for Excel")
                        .required(false)
                        .repeatable(false));
}

void ExportCommand::handleOption(const std::string& name, const std::string& value) {
  if (name == "period") _periods.push_back(value);
  if (name == "all") _all = true;
  if (name == "out") _out = value;
  if (name == "excel") _excel = true;
}

int ExportCommand::run(const std::vector<std::string>& args, Services& services) {
  if (!args.empty()) throw UsageError("unexpected argument \"" + args.front() + "\"");
  if (_periods.empty() == !_all) throw UsageError("give --period PERIOD (one or more) or --all");
  if (_out.empty()) throw UsageError("--out DIR is required");
  std::vector<engine::Period> periods;
  for (const std::string& text : _periods) periods.push_back(parseReportPeriod(text));

  StoreServices storeServices(services);
  if (_all) {
    for (const std::string& code : storeServices.store().periods()) {
      if (auto period = engine::Period::parse(code)) periods.push_back(*period);
    }
    // Years and quarters apart, each oldest first.
    std::stable_sort(periods.begin(), periods.end(), [](const engine::Period& a, const engine::Period& b) {
      return a.isQuarter() != b.isQuarter() ? !a.isQuarter() : a < b;
    });
  }
  std::vector<engine::Period> distinct;  // a period named twice is written once
  for (const engine::Period& p : periods) {
    if (std::find(distinct.begin(), distinct.end(), p) == distinct.end()) distinct.push_back(p);
  }
  periods = std::move(distinct);
  Poco::File(_out).createDirectories();
  opendata::FileOptions options = storeServices.openDataFileOptions();
  options.excel = _excel;
  opendata::writeOpenDataFolder(storeServices.openData(), periods, _out, options);
  Poco::Logger::get("export").information("%z period(s) written to %s", periods.size(), _out);
  return STATUS_OK;
}

}  // namespace profkpi::adapters::cli

#include "adapters/cli/ReportCommand.h"

#include "adapters/cli/StoreServices.h"
#include "engine/intake/Lexical.h"
#include "engine/ports/Errors.h"
#include "engine/reporting/Reports.h"
#include "reports/AtomicFile.h"

#include <Poco/Util/Option.h>

#include <iostream>

namespace profkpi::adapters::cli {

std::string chooseReportFormat(const std::string& format, const std::string& out) {
  if (!format.empty()) {
    if (format != "pdf" && format != "html") throw UsageError("--format takes pdf or html, not \"" + format + "\"");
    return format;
  }
  auto endsWith = [&](const std::string& suffix) {
    return out.size() >= suffix.size() && out.compare(out.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return endsWith(".html") || endsWith(".htm") ? "html" : "pdf";
}

engine::Period parseReportPeriod(const std::string& text) {
  auto period = engine::Period::parse(text);
  if (!period || !period->followsOn()) {
    throw UsageError("--period takes a period such as 2009-10 or 2009-10-Q2, not \"" + text + "\"");
  }
  return *period;
}

std::optional<engine::Instant> parseGeneratedAt(const std::string& text, const engine::Clock& clock) {
  if (text.empty()) return std::nullopt;
  if (text == "now") return clock.now();
  auto when = engine::lexical::zonedDateTime(text);
  if (!when) throw UsageError("--generated-at takes \"now\" or a date and time with a zone, such as 2009-10-06T10:00:00Z");
  return when->instant;
}

void defineReportOutputOptions(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("out", "o", "file to write (required); replaced atomically")
                        .required(false)
                        .repeatable(false)
                        .argument("FILE"));
  options.addOption(Poco::Util::Option("format", "f", "pdf or html (default: from the file name, else pdf)")
                        .required(false)
                        .repeatable(false)
                        .argument("FORMAT"));
  options.addOption(Poco::Util::Option("generated-at", "",
                                       "the production time printed in the report: \"now\" or an ISO date-time "
                                       "(default: the data cut-off, so the same data gives the same file)")
                        .required(false)
                        .repeatable(false)
                        .argument("WHEN"));
  options.addOption(Poco::Util::Option("language", "", "en or cy: the language every word of the report is in (default: en)")
                        .required(false)
                        .repeatable(false)
                        .argument("LANG"));
}

std::string parseReportLanguage(const std::string& text) {
  if (text != "en" && text != "cy") throw UsageError("--language takes en or cy, not \"" + text + "\"");
  return text;
}

int writeReport(const std::string& out, const std::function<std::string()>& render) {
  try {
    std::string bytes = render();
    reports::writeFileAtomically(out, bytes);
    std::cerr << out << ": " << bytes.size() << " bytes\n";
  } catch (const engine::RenderError& e) {
    std::cerr << out << ": " << e.what() << "\n";
    return STATUS_USAGE;
  }
  return STATUS_OK;
}

std::string ReportCommand::description() const {
  return "Renders the board report of one organisation for one period: cover with the professionalisation index, "
         "scorecard, one panel per KPI with its peer distribution and trend, data quality and provenance, and the "
         "method. PDF/A-1b (A4) by default; --format html (or an .html file) writes the accessible HTML version. The "
         "report is dated by its data unless --generated-at says otherwise, so the same data gives a byte-identical "
         "file. --language cy writes every word in Welsh, with the organisation's Welsh name as the title. Exit status: 0 written, 1 the organisation has no submission for the period, 2 usage, configuration "
         "or I/O error.";
}

void ReportCommand::defineOptions(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("org", "", "the organisation's GSS code (required)")
                        .required(false)
                        .repeatable(false)
                        .argument("CODE"));
  options.addOption(Poco::Util::Option("period", "p", "the period, e.g. 2009-10-Q2 (required)")
                        .required(false)
                        .repeatable(false)
                        .argument("PERIOD"));
  defineReportOutputOptions(options);
}

void ReportCommand::handleOption(const std::string& name, const std::string& value) {
  if (name == "org") _organisation = value;
  if (name == "period") _period = value;
  if (name == "out") _out = value;
  if (name == "format") _format = value;
  if (name == "generated-at") _generatedAt = value;
  if (name == "language") _language = parseReportLanguage(value);
}

int ReportCommand::run(const std::vector<std::string>& args, Services& services) {
  if (!args.empty()) throw UsageError("unexpected argument \"" + args.front() + "\"");
  if (_organisation.empty()) throw UsageError("--org CODE is required");
  if (_period.empty()) throw UsageError("--period PERIOD is required");
  if (_out.empty()) throw UsageError("--out FILE is required");
  engine::Period period = parseReportPeriod(_period);
  std::string format = chooseReportFormat(_format, _out);
  std::optional<engine::Instant> generatedAt = parseGeneratedAt(_generatedAt, services.clock());

  StoreServices storeServices(services);
  engine::Reports reports(storeServices.store(), storeServices.results());
  std::optional<engine::BoardReport> board = reports.board(_organisation, period, generatedAt);
  if (!board) {
    std::cerr << "profkpi report: " << _organisation << " has no submission for " << period.code() << " ("
              << period.inWords() << ")";
    if (services.registry().find(_organisation) == nullptr) std::cerr << "; it is not in the organisation registry";
    std::cerr << "\n";
    return STATUS_REFUSED;
  }
  board->language = _language;
  engine::ReportRenderer* renderer = storeServices.renderer(format);
  return writeReport(_out, [&] { return renderer->renderBoard(*board); });
}

}  // namespace profkpi::adapters::cli

// The options the report commands share (`report` and `sector-report`):
// --org (the board report only), --period, --out, --format, --generated-at and
// --language, with the checks that turn them into one request.
#ifndef PROFKPI_ADAPTERS_CLI_REPORTOPTIONS_H
#define PROFKPI_ADAPTERS_CLI_REPORTOPTIONS_H

#include "adapters/cli/Command.h"
#include "engine/model/Period.h"
#include "engine/ports/Clock.h"

#include <Poco/Util/OptionSet.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace profkpi::adapters::cli {

// A report command's command line, checked.
struct ReportRequest {
  std::string organisation;  // empty for the sector report
  engine::Period period;
  std::string out;
  std::string format;  // "pdf" or "html"
  std::optional<engine::Instant> generatedAt;
  std::string language;  // "en" or "cy"
};

// BOARD: one organisation's report, so --org CODE is required too.
enum class ReportScope { BOARD, SECTOR };

class ReportOptions {
 public:
  explicit ReportOptions(ReportScope scope) : _forOrganisation(scope == ReportScope::BOARD) {}

  // Adds --org (when asked for), --period and the output options, in that order.
  void define(Poco::Util::OptionSet& options) const;
  // Takes one option's value. Throws UsageError for a language other than en or cy.
  void handle(const std::string& name, const std::string& value);
  // The request, once every required option is there and each parses; the
  // clock is read for --generated-at now. Throws UsageError, naming the first
  // fault: a stray argument, then --org, --period, --out missing, then the values.
  ReportRequest resolve(const std::vector<std::string>& args, const engine::Clock& clock) const;

 private:
  bool _forOrganisation;
  std::string _organisation;
  std::string _period;
  std::string _out;
  std::string _format;
  std::string _generatedAt;
  std::string _language = "en";
};

// The format --format names, else the one --out's extension implies (.html or
// .htm: html), else pdf. Throws UsageError for an unknown format.
std::string chooseReportFormat(const std::string& format, const std::string& out);
// A period code as --period takes it (here and in nightly, deliveries and export). Throws UsageError.
engine::Period parseReportPeriod(const std::string& text);
// --generated-at: absent when empty (the report is dated by its data), the
// clock's time for "now", else an xs:dateTime with a time zone. Throws UsageError.
std::optional<engine::Instant> parseGeneratedAt(const std::string& text, const engine::Clock& clock);
// "en" or "cy", the language a report is written in; throws UsageError otherwise.
std::string parseReportLanguage(const std::string& text);
// Renders with `render` and writes to `out` atomically; prints what it wrote to
// standard error. Returns the exit status (2 when rendering or writing fails).
int writeReport(const std::string& out, const std::function<std::string()>& render);

}  // namespace profkpi::adapters::cli

#endif

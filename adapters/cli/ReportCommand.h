// `profkpi report --org CODE --period PERIOD --out FILE.pdf [--format pdf|html]`:
// renders one organisation's board report for a period and writes it
// atomically. Exit 1 when the organisation has no submission for the period.
#ifndef PROFKPI_ADAPTERS_CLI_REPORTCOMMAND_H
#define PROFKPI_ADAPTERS_CLI_REPORTCOMMAND_H

#include "adapters/cli/Command.h"
#include "engine/model/Period.h"

#include <functional>
#include <optional>

namespace profkpi::adapters::cli {

class ReportCommand final : public Command {
 public:
  std::string name() const override { return "report"; }
  std::string arguments() const override { return "--org CODE --period PERIOD --out FILE.pdf"; }
  std::string description() const override;
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int run(const std::vector<std::string>& args, Services& services) override;

 private:
  std::string _organisation;
  std::string _period;
  std::string _out;
  std::string _format;
  std::string _generatedAt;
  std::string _language = "en";
};

// Shared by the report commands.
// The format --format names, else the one --out's extension implies (.html or
// .htm: html), else pdf. Throws UsageError for an unknown format.
std::string chooseReportFormat(const std::string& format, const std::string& out);
// A period code as --period takes it. Throws UsageError.
engine::Period parseReportPeriod(const std::string& text);
// --generated-at: absent when empty (the report is dated by its data), the
// clock's time for "now", else an xs:dateTime with a time zone. Throws UsageError.
std::optional<engine::Instant> parseGeneratedAt(const std::string& text, const engine::Clock& clock);
// Adds --format, --generated-at, --language and --out to a report command's options.
void defineReportOutputOptions(Poco::Util::OptionSet& options);
// "en" or "cy", the language a report is written in; throws UsageError otherwise.
std::string parseReportLanguage(const std::string& text);
// Renders with `render` and writes to `out` atomically; prints what it wrote to
// standard error. Returns the exit status (2 when rendering or writing fails).
int writeReport(const std::string& out, const std::function<std::string()>& render);

}  // namespace profkpi::adapters::cli

#endif

#include "adapters/cli/ReportOptions.h"

#include "engine/intake/Lexical.h"
#include "engine/ports/Errors.h"
#include "reports/AtomicFile.h"

#include <Poco/Util/Option.h>

#include <iostream>

namespace profkpi::adapters::cli {

void ReportOptions::define(Poco::Util::OptionSet& options) const {
  if (_forOrganisation) {
    options.addOption(Poco::Util::Option("org", "", "the organisation's GSS code (required)")
                          .required(false)
                          .repeatable(false)
                          .argument("CODE"));
  }
  options.addOption(Poco::Util::Option("period", "p", "the period, e.g. 2009-10-Q2 (required)")
                        .required(false)
                        .repeatable(false)
                        .argument("PERIOD"));
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

void ReportOptions::handle(const std::string& name, const std::string& value) {
  if (name == "org") _organisation = value;
  if (name == "period") _period = value;
  if (name == "out") _out = value;
  if (name == "format") _format = value;
  if (name == "generated-at") _generatedAt = value;
  if (name == "language") _language = parseReportLanguage(value);
}

ReportRequest ReportOptions::resolve(const std::vector<std::string>& args, const engine::Clock& clock) const {
  if (!args.empty()) throw UsageError("unexpected argument \"" + args.front() + "\"");
  if (_forOrganisation && _organisation.empty()) throw UsageError("--org CODE is required");
  if (_period.empty()) throw UsageError("--period PERIOD is required");
  if (_out.empty()) throw UsageError("--out FILE is required");
  engine::Period period = parseReportPeriod(_period);
  std::string format = chooseReportFormat(_format, _out);
  return ReportRequest{_organisation, period, _out, format, parseGeneratedAt(_generatedAt, clock), _language};
}

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

}  // namespace profkpi::adapters::cli

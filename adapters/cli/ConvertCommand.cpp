#include "adapters/cli/ConvertCommand.h"

#include "adapters/cli/DiagnosticFormat.h"
#include "adapters/convert/Mapping.h"
#include "adapters/convert/WorkforceConverter.h"
#include "engine/common/Counted.h"
#include "engine/intake/Lexical.h"
#include "platform/FileError.h"
#include "platform/ScratchFile.h"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/PropertyFileConfiguration.h>
#include <Poco/UUIDGenerator.h>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>

namespace profkpi::adapters::cli {

namespace {

constexpr std::size_t DEFAULT_MAX_ERRORS = 100;

// Option name, argument, help; all optional, all taking a value.
struct OptionSpec {
  const char* name;
  const char* argument;
  const char* help;
};
constexpr OptionSpec OPTIONS[] = {
    {"mapping", "FILE", "the mapping file (required): columns, formats, roles; see etc/mappings/"},
    {"out", "FILE", "the submission to write (required); replaced only when the conversion succeeds"},
    {"org", "CODE", "organisation GSS code (default: the mapping's header.organisation)"},
    {"org-name", "NAME", "organisation name (default: header.organisationName, else the registry's name)"},
    {"period", "PERIOD", "2025-26 or 2025-26-Q2 (default: header.period)"},
    {"submission-id", "UUID", "SubmissionId (default: a new random UUID; reuse one to make a resend idempotent)"},
    {"prepared-at", "DATETIME", "PreparedAt, with a zone (default: now, UTC)"},
    {"prepared-by", "TEXT", "PreparedBy (default: header.preparedBy; empty leaves it out)"},
    {"source-system", "NAME", "SourceSystem name (default: header.sourceSystem; empty leaves it out)"},
    {"source-version", "TEXT", "SourceSystem version (default: header.sourceVersion)"},
    {"max-errors", "N", "problems listed before the rest are only counted (default 100)"},
};

// An option's value, else the mapping's, else `fallback`.
std::string choose(const std::map<std::string, std::string>& options, const char* option, const std::string& fromMapping,
                   const std::string& fallback = "") {
  auto it = options.find(option);
  if (it != options.end()) return it->second;
  return fromMapping.empty() ? fallback : fromMapping;
}

std::string nowUtc(const engine::Clock& clock) {
  std::string text = engine::formatInstant(date::floor<std::chrono::seconds>(clock.now()));
  return text;
}

// Which option sets a header element, for messages.
std::string optionFor(const std::string& element) {
  if (element == "SubmissionId") return "--submission-id";
  if (element == "Organisation") return "--org / --org-name";
  if (element == "Period") return "--period";
  if (element == "PreparedAt") return "--prepared-at";
  if (element == "PreparedBy") return "--prepared-by";
  if (element == "SourceSystem") return "--source-system / --source-version";
  return "the header";
}

}  // namespace

std::string ConvertCommand::description() const {
  return "Converts a staff export (CSV) into a v1.0 Workforce submission, as the mapping file says: which "
         "columns hold the member id, role, FTE, dates, CPD and professional recognition, their formats, "
         "how roles are declared, and the CSV dialect. The CSV is streamed (any size). Problems are listed as "
         "CSV:LINE: error: message, every bad row up to --max-errors, and then nothing is written. "
         "The document written always passes 'profkpi validate'; it is checked before it replaces --out. "
         "Exit status: 0 written, 1 the export was refused, 2 usage, mapping or I/O error.";
}

void ConvertCommand::defineOptions(Poco::Util::OptionSet& options) {
  for (const OptionSpec& spec : OPTIONS) {
    options.addOption(
        Poco::Util::Option(spec.name, "", spec.help).required(false).repeatable(false).argument(spec.argument));
  }
}

void ConvertCommand::handleOption(const std::string& name, const std::string& value) {
  if (value.find_first_of("\r\n") != std::string::npos) throw UsageError("--" + name + " must be one line");
  _options[name] = value;
}

int ConvertCommand::run(const std::vector<std::string>& args, Services& services) {
  if (args.size() != 1) throw UsageError("convert takes exactly one CSV file");
  const std::string& csv = args[0];
  if (_options.count("mapping") == 0) throw UsageError("--mapping FILE is required");
  if (_options.count("out") == 0) throw UsageError("--out FILE is required");
  const std::string& mappingPath = _options["mapping"];
  const std::string& outPath = _options["out"];
  std::size_t maxErrors = DEFAULT_MAX_ERRORS;
  if (_options.count("max-errors")) {
    const std::string& n = _options["max-errors"];
    if (n.empty() || n.size() > 6 || n.find_first_not_of("0123456789") != std::string::npos || std::stoul(n) == 0) {
      throw UsageError("--max-errors takes a whole number from 1 to 999999, not \"" + n + "\"");
    }
    maxErrors = std::stoul(n);
  }
  Poco::File csvFile(csv);
  if (!csvFile.exists() || !csvFile.isFile() || !csvFile.canRead()) {
    std::cerr << csv << ": cannot read: no such readable file\n";
    return STATUS_USAGE;
  }

  convert::Mapping mapping;
  try {
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> properties(
        new Poco::Util::PropertyFileConfiguration(mappingPath));
    mapping = convert::loadMapping(*properties);
  } catch (const convert::MappingError& e) {
    std::cerr << mappingPath << ": error: " << e.what() << "\n";
    return STATUS_USAGE;
  } catch (const Poco::Exception& e) {
    std::cerr << mappingPath << ": cannot read the mapping: " << e.displayText() << "\n";
    return STATUS_USAGE;
  }

  convert::HeaderValues header;
  header.organisation = choose(_options, "org", mapping.organisation);
  header.period = choose(_options, "period", mapping.period);
  if (header.organisation.empty()) throw UsageError("--org CODE is required (or header.organisation in the mapping)");
  if (header.period.empty()) throw UsageError("--period PERIOD is required (or header.period in the mapping)");
  const engine::Organisation* known = services.registry().find(header.organisation);
  header.organisationName = choose(_options, "org-name", mapping.organisationName, known ? known->name : "");
  header.submissionId =
      choose(_options, "submission-id", "", Poco::UUIDGenerator::defaultGenerator().createRandom().toString());
  header.preparedAt = choose(_options, "prepared-at", "", nowUtc(services.clock()));
  header.preparedBy = choose(_options, "prepared-by", mapping.preparedBy);
  header.sourceSystem = choose(_options, "source-system", mapping.sourceSystem);
  header.sourceVersion = choose(_options, "source-version", mapping.sourceVersion);
  if (header.sourceSystem.empty() && !header.sourceVersion.empty()) {
    throw UsageError("--source-version needs --source-system (or header.sourceSystem)");
  }

  engine::xml::SubmissionReader reader(services.schemas(), services.registry(), services.catalogue(), services.clock(),
                                       services.readerLimits());
  // The header is checked on its own first (with a placeholder role), so a wrong
  // option is reported before a long export is read, naming the option.
  std::ostringstream probe;
  std::vector<std::string> elementAtLine = convert::writeHeader(probe, header);
  convert::writeRolesStart(probe);
  convert::writeRole(probe, convert::RoleRecord{"probe", "probe", false, "", 0});
  convert::writeStaffStart(probe);
  convert::writeEnd(probe);
  std::string probeText = probe.str();
  engine::IntakeResult headerCheck = reader.read(probeText.data(), probeText.size(), "header");
  if (!headerCheck.accepted()) {
    for (const engine::Diagnostic& d : headerCheck.diagnostics) {
      if (!d.isError()) continue;
      std::size_t line = static_cast<std::size_t>(d.line);
      std::string element = line >= 1 && line <= elementAtLine.size() ? elementAtLine[line - 1] : "";
      std::cerr << "profkpi convert: " << element << (element.empty() ? "" : " ") << "(" << optionFor(element)
                << "): error " << d.code << ": " << d.message << "\n";
    }
    return STATUS_USAGE;
  }
  std::optional<engine::ZonedTime> preparedAt = engine::lexical::zonedDateTime(header.preparedAt);

  std::optional<platform::ScratchFile> scratch;
  try {
    // A submission is for reading: rw-r--r--, not mkstemp's private 0600.
    scratch.emplace(outPath, 0644);
  } catch (const platform::FileError& e) {
    std::cerr << "profkpi convert: cannot create a file beside " << outPath << ": " << e.reason() << "\n";
    return STATUS_USAGE;
  }
  try {
    convert::WorkforceConverter converter(mapping, header, preparedAt->localDate(), maxErrors);
    convert::ConversionResult result = converter.convert(csv, scratch->path());
    if (!result.ok()) {
      for (const convert::RowProblem& p : result.problems) {
        std::cerr << csv << ":" << p.line << ": error: " << p.message << "\n";
      }
      if (result.problemCount > result.problems.size()) {
        std::cerr << csv << ": " << result.problemCount - result.problems.size()
                  << " more problems not listed (--max-errors " << maxErrors << ")\n";
      }
      std::cerr << csv << ": refused (" << engine::counted(result.problemCount, "problem") << "); " << outPath
                << " not written\n";
      return STATUS_REFUSED;
    }
    // The guarantee, enforced: what is renamed into place has passed the intake.
    engine::IntakeResult check = reader.readFile(scratch->path());
    if (!check.accepted()) {
      std::cerr << csv << ": the converted document fails validation (a fault in profkpi convert; please report it):\n";
      for (const engine::Diagnostic& d : check.diagnostics) std::cerr << formatDiagnosticLine(outPath, d) << "\n";
      return STATUS_REFUSED;
    }
    try {
      scratch->commit();
    } catch (const platform::FileError& e) {
      std::cerr << outPath << ": cannot write: " << e.reason() << "\n";
      return STATUS_USAGE;
    }
    for (const engine::Diagnostic& d : check.diagnostics) std::cerr << formatDiagnosticLine(outPath, d) << "\n";
    std::cout << "wrote " << outPath << ": " << engine::counted(result.members, "member") << ", "
              << engine::counted(result.roles, "role") << ", SubmissionId " << header.submissionId << "\n";
    return STATUS_OK;
  } catch (const convert::ConvertIoError& e) {
    std::cerr << "profkpi convert: " << e.what() << "\n";
    return STATUS_USAGE;
  }
}

}  // namespace profkpi::adapters::cli

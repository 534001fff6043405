#include "adapters/cli/DemoDataCommand.h"

#include "engine/common/Counted.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Util/Option.h>

#include <fstream>
#include <iostream>
#include <stdexcept>

namespace profkpi::adapters::cli {

namespace {

// Runs this many organisation-periods or more report progress.
constexpr std::size_t PROGRESS_THRESHOLD = 5000;

std::uint64_t parseCount(const std::string& option, const std::string& value, std::uint64_t max) {
  std::uint64_t n = 0;
  bool digits = !value.empty() && value.size() <= 19;
  for (char c : value) {
    if (c < '0' || c > '9') digits = false;
    if (digits) n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (!digits || n > max) {
    throw UsageError("--" + option + " takes a whole number up to " + std::to_string(max) + ", not \"" + value + "\"");
  }
  return n;
}

class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

void writeFile(const Poco::Path& path, const std::string& bytes) {
  std::ofstream out(path.toString(), std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw WriteError("cannot write " + path.toString());
}

}  // namespace

std::string DemoDataCommand::description() const {
  return "Writes realistic demo submissions into DIR (which must be new or empty): every registry organisation "
         "for each of N quarters ending at --last, as DIR/PERIOD/CODE.rREVISION.xml, so names sort "
         "chronologically with resubmissions after originals. Figures drift plausibly and respect every "
         "business rule; a few organisation-periods are missing, late, resubmitted or explain a warning. "
         "The same options always give the same bytes. When --scale exceeds the registry, synthetic "
         "organisations are added and listed, with the registry's, in DIR.registry.xml beside DIR: set registry.file "
         "to it before validating or ingesting their data. "
         "Exit status: 0 written, 2 usage, configuration or I/O error.";
}

void DemoDataCommand::defineOptions(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("out", "o", "folder to write into (required; created if missing)")
                        .required(false)
                        .repeatable(false)
                        .argument("DIR"));
  options.addOption(Poco::Util::Option("last", "", "the most recent quarter (default 2025-26-Q2)")
                        .required(false)
                        .repeatable(false)
                        .argument("PERIOD"));
  options.addOption(Poco::Util::Option("quarters", "", "how many quarters up to --last (default 8)")
                        .required(false)
                        .repeatable(false)
                        .argument("N"));
  options.addOption(Poco::Util::Option("scale", "", "number of organisations (default: the registry's)")
                        .required(false)
                        .repeatable(false)
                        .argument("N"));
  options.addOption(Poco::Util::Option("seed", "", "varies every figure and identifier (default 1)")
                        .required(false)
                        .repeatable(false)
                        .argument("N"));
}

void DemoDataCommand::handleOption(const std::string& name, const std::string& value) {
  if (name == "out") {
    _out = value;
  } else if (name == "last") {
    _options.last = value;
  } else if (name == "quarters") {
    _options.quarters = static_cast<int>(parseCount(name, value, demo::MAX_DEMO_QUARTERS));
  } else if (name == "scale") {
    _options.scale = static_cast<std::size_t>(parseCount(name, value, demo::MAX_DEMO_SCALE));
  } else if (name == "seed") {
    _options.seed = parseCount(name, value, 9'999'999'999'999'999'999ULL);
  }
}

int DemoDataCommand::run(const std::vector<std::string>& args, Services& services) {
  if (!args.empty()) throw UsageError("demo-data takes no arguments, only options");
  if (_out.empty()) throw UsageError("--out DIR is required");
  // Late documents are pulled back to yesterday, so none is prepared in the future (PK005).
  _options.notAfter = date::floor<date::days>(services.clock().now()) - date::days{1};
  std::optional<demo::DemoData> demo;
  try {
    demo.emplace(services.registry(), _options);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }

  Poco::File dir(_out);
  if (dir.exists()) {
    std::vector<std::string> entries;
    if (dir.isDirectory()) dir.list(entries);
    if (!dir.isDirectory() || !entries.empty()) {
      std::cerr << "profkpi demo-data: " << _out << " exists and is not an empty folder\n";
      return STATUS_USAGE;
    }
  }
  Poco::Path base = Poco::Path::forDirectory(_out);
  // Beside DIR, not in it, so that `profkpi ingest DIR` sees only submissions.
  std::string registryPath = Poco::Path(base).makeParent().toString() + base[base.depth() - 1] + ".registry.xml";
  std::size_t total = demo->periods().size() * demo->organisations().size();
  std::size_t reported = 0;
  demo::DemoSummary summary;
  try {
    dir.createDirectories();
    if (demo->hasSyntheticOrganisations()) writeFile(Poco::Path(registryPath), demo->registryXml());
    std::string folder;
    summary = demo->generate(
        [&](const demo::DemoDocument& document) {
          Poco::Path path(base, Poco::Path(document.fileName, Poco::Path::PATH_UNIX));
          if (path.parent().toString() != folder) {
            folder = path.parent().toString();
            Poco::File(folder).createDirectories();
          }
          writeFile(path, document.xml);
        },
        [&](std::size_t done, std::size_t) {
          if (total < PROGRESS_THRESHOLD || done * 10 / total == reported) return;
          reported = done * 10 / total;
          std::cerr << "demo-data: " << reported * 10 << "% (" << done << " of " << total << " organisation-periods)\n";
        });
  } catch (const WriteError& e) {
    std::cerr << "profkpi demo-data: " << e.what() << "\n";
    return STATUS_USAGE;
  } catch (const Poco::FileException& e) {
    std::cerr << "profkpi demo-data: " << e.displayText() << "\n";
    return STATUS_USAGE;
  }

  std::cout << "wrote " << engine::counted(summary.documents, "document") << " (" << summary.aggregate << " aggregate, "
            << summary.workforce << " workforce; " << summary.resubmissions << " resubmitted, " << summary.late
            << " late, " << summary.explained << " with explanations, " << summary.missing << " not submitted) for "
            << engine::counted(demo->organisations().size(), "organisation") << " over "
            << engine::counted(demo->periods().size(), "quarter") << ", " << demo->periods().front().code() << " to "
            << demo->periods().back().code() << ", into " << _out
            << (demo->hasSyntheticOrganisations()
                    ? "; set registry.file to " + registryPath
                    : "")
            << "\n";
  return STATUS_OK;
}

}  // namespace profkpi::adapters::cli

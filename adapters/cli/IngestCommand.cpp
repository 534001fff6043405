#include "adapters/cli/IngestCommand.h"

#include "adapters/cli/DiagnosticFormat.h"
#include "adapters/cli/StoreServices.h"
#include "adapters/json/DiagnosticJson.h"
#include "adapters/json/ReceiptJson.h"
#include "engine/intake/xml/DocumentTree.h"
#include "engine/ports/Errors.h"

#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>

#include <algorithm>
#include <iostream>

namespace profkpi::adapters::cli {

namespace {

void collect(const Poco::File& file, std::vector<std::string>& out) {
  if (file.isDirectory()) {
    std::vector<Poco::File> children;
    file.list(children);
    std::sort(children.begin(), children.end(),
              [](const Poco::File& a, const Poco::File& b) { return a.path() < b.path(); });
    for (const Poco::File& child : children) {
      if (child.isDirectory() || Poco::Path(child.path()).getExtension() == "xml") collect(child, out);
    }
  } else {
    out.push_back(file.path());
  }
}

}  // namespace

std::string IngestCommand::description() const {
  return "Validates and stores submissions as the HTTP endpoint does, without credentials (operator use). "
         "A directory stands for the *.xml files below it, in path order. Prints one receipt (JSON) per "
         "accepted file and the diagnostics of each refused one. Exit status: 0 all accepted, 1 any refused "
         "or conflicting, 2 usage, configuration or store error.";
}

std::vector<std::string> expandSubmissionPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    Poco::File file(path);
    if (!file.exists()) throw UsageError("no such file or directory: " + path);
    collect(file, files);
  }
  return files;
}

int IngestCommand::run(const std::vector<std::string>& args, Services& services) {
  if (args.empty()) throw UsageError("ingest needs at least one FILE or DIR");
  std::vector<std::string> files = expandSubmissionPaths(args);
  Poco::Logger& log = Poco::Logger::get("ingest");
  StoreServices storeServices(services);
  intake::IntakeGateway& gateway = storeServices.gateway();

  std::size_t accepted = 0, duplicates = 0, refused = 0;
  const std::size_t step = std::max<std::size_t>(1, files.size() / 10);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string& file = files[i];
    std::string bytes;
    try {
      bytes = engine::xml::readWholeFile(file);
    } catch (const engine::xml::DocumentError& e) {
      std::cerr << file << ": " << e.what() << "\n";
      return STATUS_USAGE;
    }
    engine::Receipt receipt = gateway.submit(bytes, "cli", "cli", file);
    switch (receipt.outcome) {
      case engine::IntakeOutcome::Accepted:
      case engine::IntakeOutcome::Duplicate:
        (receipt.outcome == engine::IntakeOutcome::Accepted ? accepted : duplicates)++;
        // Flushed at once: a printed receipt is an acknowledgement, and the data is committed.
        std::cout << json::receiptText(receipt) << std::endl;
        break;
      case engine::IntakeOutcome::Conflict:
      case engine::IntakeOutcome::Refused:
      case engine::IntakeOutcome::Forbidden:
        ++refused;
        for (const engine::Diagnostic& d : receipt.diagnostics) std::cout << formatDiagnosticLine(file, d) << '\n';
        break;
    }
    if (files.size() >= 20 && ((i + 1) % step == 0 || i + 1 == files.size())) {
      log.information("%z/%z files (%z%%)", i + 1, files.size(), (i + 1) * 100 / files.size());
    }
  }
  std::cout.flush();
  log.information("%z accepted, %z identical resends, %z refused", accepted, duplicates, refused);
  return refused == 0 ? STATUS_OK : STATUS_REFUSED;
}

}  // namespace profkpi::adapters::cli

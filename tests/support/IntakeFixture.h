// Wires a real SubmissionReader to the shipped schemas and registry and a manual clock.
#ifndef PROFKPI_TESTS_SUPPORT_INTAKEFIXTURE_H
#define PROFKPI_TESTS_SUPPORT_INTAKEFIXTURE_H

#include "engine/intake/xml/CatalogueLoader.h"
#include "engine/intake/xml/RegistryLoader.h"
#include "engine/intake/xml/Schemas.h"
#include "engine/intake/xml/SubmissionReader.h"
#include "tests/support/Documents.h"
#include "tests/support/ManualClock.h"

#include <algorithm>
#include <set>

namespace profkpi::tests {

// One per test process: building the grammar pool takes tens of milliseconds.
inline const engine::xml::Schemas& sharedSchemas() {
  static engine::xml::Schemas schemas;
  return schemas;
}

inline const engine::Registry& shippedRegistry() {
  static engine::Registry registry = engine::xml::loadRegistry(sharedSchemas());
  return registry;
}

inline const engine::Catalogue& shippedCatalogue() {
  static engine::Catalogue catalogue = engine::xml::loadCatalogue(sharedSchemas());
  return catalogue;
}

struct IntakeFixture {
  ManualClock clock{"2010-01-15T12:00:00Z"};
  engine::xml::SubmissionReader reader{sharedSchemas(), shippedRegistry(), shippedCatalogue(), clock};

  engine::IntakeResult read(const std::string& xml) { return reader.read(xml.data(), xml.size(), "test.xml"); }

  // The codes of the errors, in document order.
  static std::vector<std::string> errorCodes(const engine::IntakeResult& r) {
    std::vector<std::string> codes;
    for (const auto& d : r.diagnostics) {
      if (d.isError()) codes.push_back(d.code);
    }
    return codes;
  }
  static std::vector<std::string> warningCodes(const engine::IntakeResult& r) {
    std::vector<std::string> codes;
    for (const auto& d : r.diagnostics) {
      if (!d.isError()) codes.push_back(d.code);
    }
    return codes;
  }
  static std::string allMessages(const engine::IntakeResult& r) {
    std::string text;
    for (const auto& d : r.diagnostics) text += d.code + ": " + d.message + "\n";
    return text;
  }
};

using Codes = std::vector<std::string>;

}  // namespace profkpi::tests

#endif

// Realistic demo submissions (`profkpi demo-data`): every organisation of a
// registry, quarter after quarter, with figures that drift plausibly and the
// irregularities a real collection has (missing, late, resubmitted, explained
// warnings). Deterministic: the same registry and options give byte-identical
// documents on every platform (own PRNG, integer arithmetic only). No I/O.
// A DemoData is immutable once built; generate() may run on several threads.
#ifndef PROFKPI_ADAPTERS_DEMO_DEMODATA_H
#define PROFKPI_ADAPTERS_DEMO_DEMODATA_H

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/Period.h"
#include "engine/model/Registry.h"

namespace profkpi::adapters::demo {

struct DemoOptions {
  // The most recent quarter generated, "2025-26-Q2" by default. Must be a quarter.
  std::string last = "2025-26-Q2";
  // How many consecutive quarters end at `last`; 1..MAX_DEMO_QUARTERS, default 8.
  int quarters = 8;
  // Organisations: 0 (default) = the registry's; fewer = the first `scale` in code
  // order; more = the registry's plus synthetic ones, up to MAX_DEMO_SCALE in all.
  std::size_t scale = 0;
  // Varies every figure, event and identifier; default 1.
  std::uint64_t seed = 1;
  // The largest Workforce document, in members; default 60 keeps the demo fast.
  int maxWorkforceMembers = 60;
  // No PreparedAt falls after this day (late documents are pulled back to it);
  // default none. Must be after the last day of `last`.
  std::optional<engine::Date> notAfter;
};

inline constexpr int MAX_DEMO_QUARTERS = 400;
inline constexpr std::size_t MAX_DEMO_SCALE = 1'000'000;

struct DemoDocument {
  // Relative, '/'-separated: "2024-25-Q1/E06000001.r1.xml". Names sort in the order
  // documents are generated: by period, then organisation, then revision.
  std::string fileName;
  std::string xml;
};

// What one generate() run produced.
struct DemoSummary {
  std::size_t documents = 0;
  std::size_t aggregate = 0;
  std::size_t workforce = 0;
  std::size_t missing = 0;        // organisation-periods with no document
  std::size_t late = 0;           // first documents prepared more than 6 weeks after period end
  std::size_t resubmissions = 0;  // second documents (revision 2)
  std::size_t explained = 0;      // documents carrying an <Explanations> element
  std::size_t zeroHeadcount = 0;  // documents with ItHeadcount 0
};

class DemoData {
 public:
  // Throws std::invalid_argument for options out of range (message names the option).
  DemoData(const engine::Registry& registry, DemoOptions options);

  // Chronological.
  const std::vector<engine::Period>& periods() const { return _periods; }
  // The organisations that submit, in code order (registry's and synthetic ones).
  const std::vector<engine::Organisation>& organisations() const { return _organisations; }
  // True when `scale` exceeded the registry, so registryXml() is needed for PK002.
  bool hasSyntheticOrganisations() const { return _synthetic; }
  // A registry document (xsd/registry-1.xsd) listing organisations().
  std::string registryXml() const;

  // Calls `sink` once per document, in fileName order, and `progress` (if set)
  // after each organisation-period with the number done and the total.
  DemoSummary generate(const std::function<void(const DemoDocument&)>& sink,
                       const std::function<void(std::size_t, std::size_t)>& progress = {}) const;
  // Every document at once; for small runs and tests.
  std::vector<DemoDocument> generateAll() const;

 private:
  DemoOptions _options;
  std::vector<engine::Period> _periods;
  std::vector<engine::Organisation> _organisations;
  bool _synthetic = false;
};

}  // namespace profkpi::adapters::demo

#endif

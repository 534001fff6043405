// What fuzz/intake-fuzzer does with one input, shared with the regression test
// that replays the inputs it found (tests/engine/intake/xml/IntakeRegressionTest.cpp): the
// bytes through the intake exactly as HTTP ingest takes them, short of a real
// store: IntakeGateway (the hardened Xerces reader with the embedded schemas,
// identity checks in engine/intake/IdSet, business rules), IntakeService (KPIs,
// history warnings, explanations) on an in-memory store, and the JSON a client
// or the store gets. Not thread-safe.
#ifndef PROFKPI_FUZZ_INTAKEHARNESS_H
#define PROFKPI_FUZZ_INTAKEHARNESS_H

#include "engine/intake/IntakeService.h"

#include <memory>
#include <stdexcept>
#include <string_view>

namespace profkpi::fuzz {

// A property every receipt must have did not hold: a finding, like a crash.
struct InvariantBroken : std::logic_error {
  using std::logic_error::logic_error;
};

class IntakeHarness {
 public:
  IntakeHarness();  // loads the embedded schemas, registry and catalogue
  ~IntakeHarness();

  // Submits `bytes` to an empty store, checks the receipt (and, when accepted,
  // that an identical resend is a duplicate and the warnings survive the
  // store's text form) and returns it. Throws InvariantBroken.
  engine::Receipt submit(std::string_view bytes);

 private:
  struct Parts;
  std::unique_ptr<Parts> _parts;
};

}  // namespace profkpi::fuzz

#endif

#include "fuzz/IntakeHarness.h"

#include "adapters/intake/IntakeGateway.h"
#include "adapters/json/DiagnosticJson.h"
#include "adapters/json/ReceiptJson.h"
#include "engine/intake/xml/CatalogueLoader.h"
#include "engine/intake/xml/RegistryLoader.h"
#include "engine/intake/xml/Schemas.h"
#include "engine/kpi/KpiCalculator.h"
#include "tests/fakes/InMemoryStore.h"
#include "tests/support/ManualClock.h"

namespace profkpi::fuzz {

struct IntakeHarness::Parts {
  engine::xml::Schemas schemas;
  engine::Registry registry = engine::xml::loadRegistry(schemas);
  engine::Catalogue catalogue = engine::xml::loadCatalogue(schemas);
  engine::KpiCalculator calculator{catalogue};
  // After every sample's PreparedAt, so PK005 refuses only what it should.
  tests::ManualClock clock{"2010-01-15T12:00:00Z"};
  tests::InMemoryStore store;
  engine::IntakeService service{store, calculator, clock};
  adapters::intake::IntakeGateway gateway{schemas, registry, catalogue, clock, engine::xml::ReaderLimits{}, service};
};

namespace {

void require(bool holds, const char* what) {
  if (!holds) throw InvariantBroken(std::string("intake invariant broken: ") + what);
}

bool same(const engine::Diagnostic& a, const engine::Diagnostic& b) {
  return a.severity == b.severity && a.code == b.code && a.message == b.message && a.line == b.line &&
         a.column == b.column && a.kpi == b.kpi && a.explained == b.explained && a.explanation == b.explanation;
}

bool same(const engine::Diagnostics& a, const engine::Diagnostics& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!same(a[i], b[i])) return false;
  }
  return true;
}

}  // namespace

IntakeHarness::IntakeHarness() : _parts(std::make_unique<Parts>()) {}
IntakeHarness::~IntakeHarness() = default;

engine::Receipt IntakeHarness::submit(std::string_view bytes) {
  _parts->store.clear();  // each input on its own, so every finding reproduces from its file
  engine::Receipt receipt = _parts->gateway.submit(bytes, "http", "fuzz", "127.0.0.1");
  switch (receipt.outcome) {
    case engine::IntakeOutcome::Refused:
      // Bad input gets a clear error: never a refusal without one.
      require(engine::hasErrors(receipt.diagnostics), "refused without an error");
      (void)adapters::json::stringify(adapters::json::diagnosticsToJson(receipt.diagnostics));
      break;
    case engine::IntakeOutcome::Accepted: {
      require(!engine::hasErrors(receipt.diagnostics), "accepted with an error");
      require(!receipt.scorecard.kpis.empty(), "accepted without KPIs");
      (void)adapters::json::stringify(adapters::json::receiptToJson(receipt));
      // SqlStore keeps the warnings as text: they must come back unchanged.
      std::string text = adapters::json::diagnosticsToText(receipt.record.warnings);
      require(same(adapters::json::diagnosticsFromText(text), receipt.record.warnings),
              "warnings changed on their way through the store's text form");
      engine::Receipt again = _parts->gateway.submit(bytes, "http", "fuzz", "127.0.0.1");
      require(again.outcome == engine::IntakeOutcome::Duplicate, "an identical resend is not a duplicate");
      break;
    }
    case engine::IntakeOutcome::Forbidden:
    case engine::IntakeOutcome::Duplicate:
    case engine::IntakeOutcome::Conflict:
      require(false, "forbidden, duplicate or conflict on an empty store without credentials");
  }
  return receipt;
}

}  // namespace profkpi::fuzz

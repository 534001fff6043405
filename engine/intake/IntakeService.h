// Accepts submissions that the reader found valid: adds the warnings that need
// history (PQ101, PQ104), stores them idempotently and answers with a receipt.
// Thread-safe when the store is.
#ifndef PROFKPI_ENGINE_INTAKE_INTAKESERVICE_H
#define PROFKPI_ENGINE_INTAKE_INTAKESERVICE_H

#include "engine/intake/SubmissionBuilder.h"
#include "engine/kpi/KpiCalculator.h"
#include "engine/ports/Clock.h"
#include "engine/ports/Store.h"

#include <string>
#include <string_view>

namespace profkpi::engine {

// How a document arrived.
struct Delivery {
  std::string_view bytes;  // exactly as received
  std::string sha256;      // of bytes, lower-case hex (the caller's digest)
  std::string channel;     // http, inbox, cli
  std::string actor;       // API key id, "cli", "inbox"
  std::string origin;      // client address or file path
  // PK007: the organisation the credentials belong to; empty when any may be
  // submitted for (an admin key, the command line, the inbox).
  std::string organisation;
};

enum class IntakeOutcome {
  Accepted,   // stored now (HTTP 201)
  Duplicate,  // identical resend: the first receipt again (HTTP 200)
  Conflict,   // SubmissionId reused for other content (HTTP 409)
  Refused,    // schema or business-rule errors, nothing stored (HTTP 400/422)
  Forbidden,  // PK007: for another organisation than the credentials' (HTTP 403)
};

struct Receipt {
  IntakeOutcome outcome = IntakeOutcome::Refused;
  SubmissionRecord record;   // Accepted/Duplicate: the stored one; Conflict: the earlier one
  Scorecard scorecard;       // Accepted/Duplicate
  Diagnostics diagnostics;   // Refused: every finding; Accepted/Duplicate: the warnings
  bool wellFormed = true;    // Refused: false when the document was not well-formed XML
};

const char* outcomeName(IntakeOutcome outcome);

// The receipt of a stored submission, as first answered: its warnings and its
// KPIs recomputed from its measures.
Receipt receiptFor(const SubmissionRecord& record, const KpiCalculator& calculator);

class IntakeService {
 public:
  // All references must outlive the service.
  IntakeService(Store& store, const KpiCalculator& calculator, const Clock& clock);

  // `read` is what SubmissionReader made of delivery.bytes. Throws StoreError.
  Receipt accept(const Delivery& delivery, IntakeResult read);

  // The receipt of a stored submission, as first answered.
  Receipt receiptFor(const SubmissionRecord& record) const { return engine::receiptFor(record, _calculator); }

 private:
  void addHistoryWarnings(const Submission& submission, const Scorecard& card, Diagnostics& warnings);

  Store& _store;
  const KpiCalculator& _calculator;
  const Clock& _clock;
};

}  // namespace profkpi::engine

#endif

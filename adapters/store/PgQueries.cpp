#include "adapters/store/PgQueries.h"

#include "adapters/json/BoardNotesJson.h"
#include "adapters/json/DiagnosticJson.h"
#include "adapters/store/AcceptStatements.h"
#include "adapters/store/ApiKeyColumns.h"
#include "adapters/store/PgAcceptFunction.h"
#include "adapters/store/SubmissionColumns.h"
#include "adapters/store/SqlTransaction.h"

namespace profkpi::adapters::store::pg {

using engine::SubmissionRecord;

namespace {

std::int64_t millis(engine::Instant t) { return t.time_since_epoch().count(); }

std::optional<SubmissionRecord> oneSubmission(const PgResult& rows) {
  if (rows.empty()) return std::nullopt;
  return submissionFrom(rows.row(0));
}

PgParams& auditValues(PgParams& params, const engine::AuditEntry& audit) {
  return params.integer(millis(audit.at))
      .text(audit.actor)
      .text(audit.action)
      .text(audit.submissionId)
      .text(audit.organisation)
      .text(audit.origin)
      .text(audit.detail);
}

}  // namespace

std::optional<SubmissionRecord> findSubmission(PgConnection& c, const std::string& submissionId) {
  return oneSubmission(c.run(SELECT_SUBMISSION_BY_ID, PgParams().text(submissionId)));
}

std::optional<SubmissionRecord> findCurrent(PgConnection& c, const std::string& organisation,
                                            const std::string& period) {
  return oneSubmission(c.run(SELECT_CURRENT_SUBMISSION, PgParams().text(organisation).text(period)));
}

std::optional<SubmissionRecord> findCurrentFigures(PgConnection& c, const std::string& organisation,
                                                   const std::string& period) {
  return oneSubmission(c.run(SELECT_CURRENT_FIGURES, PgParams().text(organisation).text(period)));
}

engine::Store::TwoPeriodFigures findCurrentFiguresOfBoth(PgConnection& c, const std::string& organisation,
                                                         const std::string& firstPeriod,
                                                         const std::string& secondPeriod) {
  PgResult rows =
      c.run(SELECT_CURRENT_FIGURES_OF_BOTH, PgParams().text(organisation).text(firstPeriod).text(secondPeriod));
  engine::Store::TwoPeriodFigures figures;
  for (int i = 0; i < rows.rows(); ++i) {
    SubmissionRecord r = submissionFrom(rows.row(i));
    if (r.period == firstPeriod) figures.first = r;
    if (r.period == secondPeriod) figures.second = std::move(r);
  }
  return figures;
}

std::optional<engine::ApiKeyRecord> findKey(PgConnection& c, const std::string& id) {
  PgResult rows = c.run(SELECT_KEY_BY_ID, PgParams().text(id));
  if (rows.empty()) return std::nullopt;
  return apiKeyFrom(rows.row(0));
}

engine::Store::AcceptResult accept(PgConnection& c, const SubmissionRecord& record, std::string_view originalBytes,
                                   const engine::AuditEntry& audit) {
  using Outcome = engine::Store::Outcome;
  const engine::Measures& m = record.measures;
  PgParams values;
  values.text(record.submissionId)
      .text(record.organisation)
      .text(record.organisationName)
      .text(record.period)
      .integer(millis(record.receivedAt))
      .text(record.channel)
      .text(record.sha256)
      .text(record.kind)
      .text(record.schemaVersion)
      .text(record.preparedAt)
      .text(record.sourceSystem)
      .integer(m.itHeadcount)
      .integer(m.itFte.hundredths())
      .integer(m.rolesTotal)
      .integer(m.rolesMapped)
      .integer(m.staffAssessed)
      .integer(m.staffWithPdp)
      .integer(m.staffRecognised)
      .integer(m.cpdDays.hundredths())
      .text(json::diagnosticsToText(record.warnings))
      .text(json::boardNotesToText(record.boardNotes))
      .bytes(originalBytes);
  auditValues(values, audit);
  try {
    PgResult answer = c.run(CALL_ACCEPT_FUNCTION, values);
    if (answer.empty()) throw engine::StoreError("store: PostgreSQL: profkpi_accept answered no row");
    PgResult::Row row = answer.row(0);
    if (row.text(ACCEPT_STORED_COLUMN) == "t") {
      // What was written is the caller's record: only the numbering is new.
      SubmissionRecord stored = record;
      stored.sequence = row.integer(0);
      stored.revision = static_cast<int>(row.integer(21));
      stored.current = true;
      return {Outcome::Stored, stored};
    }
    SubmissionRecord first = submissionFrom(row);
    return {first.sha256 == record.sha256 ? Outcome::Duplicate : Outcome::Conflict, first};
  } catch (const PgConnectionLost& e) {
    // The call is its own transaction: once it may have run, it may have committed.
    if (e.mayHaveRun()) throw engine::StoreError(storeMessage("accept (outcome unknown: resend to learn it)", e.what()));
    throw;
  }
}

void insertAudit(PgConnection& c, const engine::AuditEntry& audit) {
  try {
    PgParams values;
    c.run(INSERT_AUDIT, auditValues(values, audit));
  } catch (const PgConnectionLost& e) {
    // Run on its own, it may have committed before the connection went: not run again.
    if (e.mayHaveRun()) throw engine::StoreError(storeMessage("audit (outcome unknown)", e.what()));
    throw;
  }
}

bool answers(PgConnection& c) {
  PgResult one = c.run("SELECT 1");
  return one.rows() == 1 && one.row(0).integer(0) == 1;
}

}  // namespace profkpi::adapters::store::pg

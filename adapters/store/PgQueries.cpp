#include "adapters/store/PgQueries.h"

#include "adapters/json/BoardNotesJson.h"
#include "adapters/json/DiagnosticJson.h"
#include "adapters/store/AcceptStatements.h"
#include "adapters/store/ApiKeyColumns.h"
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

// Rolls back unless committed; a dead connection needs nothing (the server
// ended the transaction with the session).
class Transaction {
 public:
  explicit Transaction(PgConnection& c) : _c(c) { _c.exec("BEGIN"); }
  ~Transaction() {
    if (!_open) return;
    try {
      _c.exec("ROLLBACK");
    } catch (...) {
      // The connection is gone; so is the transaction.
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  // A connection lost here leaves the outcome unknown: never run again.
  void commit() {
    _open = false;
    try {
      _c.exec("COMMIT");
    } catch (const PgConnectionLost& e) {
      throw engine::StoreError(storeMessage("commit (outcome unknown: resend to learn it)", e.what()));
    }
  }

 private:
  PgConnection& _c;
  bool _open = true;
};

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

std::optional<engine::ApiKeyRecord> findKey(PgConnection& c, const std::string& id) {
  PgResult rows = c.run(SELECT_KEY_BY_ID, PgParams().text(id));
  if (rows.empty()) return std::nullopt;
  return apiKeyFrom(rows.row(0));
}

engine::Store::AcceptResult accept(PgConnection& c, const SubmissionRecord& record, std::string_view originalBytes,
                                   const engine::AuditEntry& audit) {
  using Outcome = engine::Store::Outcome;
  Transaction tx(c);
  c.run(LOCK_SUBMISSION_AND_CURRENT,
        PgParams().text("id:" + record.submissionId).text("current:" + record.organisation + "/" + record.period));
  if (auto first = oneSubmission(c.run(SELECT_SUBMISSION_BY_ID, PgParams().text(record.submissionId)))) {
    return {first->sha256 == record.sha256 ? Outcome::Duplicate : Outcome::Conflict, *first};
  }
  SubmissionRecord stored = record;
  {
    PgResult demoted = c.run(CLEAR_CURRENT_RETURNING_REVISION, PgParams().text(record.organisation).text(record.period));
    stored.revision = nextRevision(demoted.empty() ? std::nullopt
                                                   : std::optional<int>(static_cast<int>(demoted.row(0).integer(0))));
  }
  stored.current = true;
  const engine::Measures& m = record.measures;
  PgResult inserted = c.run(INSERT_SUBMISSION_RETURNING_SEQ, PgParams()
                                                                 .text(record.submissionId)
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
                                                                 .integer(stored.revision));
  stored.sequence = inserted.row(0).integer(0);
  PgParams bodyAndAudit;
  bodyAndAudit.integer(stored.sequence).bytes(originalBytes);
  c.run(INSERT_BODY_AND_AUDIT, auditValues(bodyAndAudit, audit));
  tx.commit();
  return {Outcome::Stored, stored};
}

void insertAudit(PgConnection& c, const engine::AuditEntry& audit) {
  try {
    PgParams values;
    c.run(INSERT_AUDIT, auditValues(values, audit));
  } catch (const PgConnectionLost& e) {
    // Run on its own, it may have committed before the connection went: not run again.
    if (e.executing()) throw engine::StoreError(storeMessage("audit (outcome unknown)", e.what()));
    throw;
  }
}

bool answers(PgConnection& c) {
  PgResult one = c.run("SELECT 1");
  return one.rows() == 1 && one.row(0).integer(0) == 1;
}

}  // namespace profkpi::adapters::store::pg

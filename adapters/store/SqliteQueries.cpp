#include "adapters/store/SqliteQueries.h"

#include "adapters/store/AcceptStatements.h"
#include "adapters/store/ApiKeyColumns.h"
#include "adapters/store/SubmissionColumns.h"
#include "engine/ports/Errors.h"

namespace profkpi::adapters::store::sqlite {

using engine::SubmissionRecord;

namespace {

std::int64_t millis(engine::Instant t) { return t.time_since_epoch().count(); }

}  // namespace

std::optional<SubmissionRecord> findSubmission(SqliteConnection& c, const std::string& submissionId) {
  SqliteQuery q(c, SELECT_SUBMISSION_BY_ID);
  q.bind(submissionId);
  if (!q.step()) return std::nullopt;
  return submissionFrom(q);
}

namespace {
std::optional<SubmissionRecord> currentBy(SqliteConnection& c, const std::string& select,
                                          const std::string& organisation, const std::string& period) {
  SqliteQuery q(c, select);
  q.bind(organisation).bind(period);
  if (!q.step()) return std::nullopt;
  return submissionFrom(q);
}
}  // namespace

std::optional<SubmissionRecord> findCurrent(SqliteConnection& c, const std::string& organisation,
                                            const std::string& period) {
  return currentBy(c, SELECT_CURRENT_SUBMISSION, organisation, period);
}

std::optional<SubmissionRecord> findCurrentFigures(SqliteConnection& c, const std::string& organisation,
                                                   const std::string& period) {
  return currentBy(c, SELECT_CURRENT_FIGURES, organisation, period);
}

std::optional<engine::ApiKeyRecord> findKey(SqliteConnection& c, const std::string& id) {
  SqliteQuery q(c, SELECT_KEY_BY_ID);
  q.bind(id);
  if (!q.step()) return std::nullopt;
  return apiKeyFrom(q);
}

void insertAudit(SqliteConnection& c, const engine::AuditEntry& audit) {
  SqliteQuery(c, INSERT_AUDIT)
      .bind(static_cast<std::int64_t>(millis(audit.at)))
      .bind(audit.actor)
      .bind(audit.action)
      .bind(audit.submissionId)
      .bind(audit.organisation)
      .bind(audit.origin)
      .bind(audit.detail)
      .run();
}

engine::Store::AcceptResult acceptWithin(SqliteConnection& c, const SubmissionRecord& record,
                                         const std::string& warningsText, const std::string& notesText,
                                         std::string_view originalBytes,
                                         const engine::AuditEntry& audit) {
  using Outcome = engine::Store::Outcome;
  if (auto first = findSubmission(c, record.submissionId)) {
    Outcome outcome = first->sha256 == record.sha256 ? Outcome::Duplicate : Outcome::Conflict;
    return {outcome, std::move(*first)};
  }
  SubmissionRecord stored = record;
  // The current one has the highest revision; its row is found through the
  // one-current index, so numbering costs the same however long the history.
  {
    SqliteQuery q(c, SELECT_CURRENT_REVISION);
    q.bind(record.organisation).bind(record.period);
    stored.revision = nextRevision(q.step() ? std::optional<int>(static_cast<int>(q.integer(0))) : std::nullopt);
  }
  stored.current = true;
  SqliteQuery(c, CLEAR_CURRENT)
      .bind(record.organisation)
      .bind(record.period)
      .run();

  const engine::Measures& m = record.measures;
  SqliteQuery(c, INSERT_SUBMISSION)
      .bind(record.submissionId)
      .bind(record.organisation)
      .bind(record.organisationName)
      .bind(record.period)
      .bind(static_cast<std::int64_t>(millis(record.receivedAt)))
      .bind(record.channel)
      .bind(record.sha256)
      .bind(record.kind)
      .bind(record.schemaVersion)
      .bind(record.preparedAt)
      .bind(record.sourceSystem)
      .bind(static_cast<std::int64_t>(m.itHeadcount))
      .bind(static_cast<std::int64_t>(m.itFte.hundredths()))
      .bind(static_cast<std::int64_t>(m.rolesTotal))
      .bind(static_cast<std::int64_t>(m.rolesMapped))
      .bind(static_cast<std::int64_t>(m.staffAssessed))
      .bind(static_cast<std::int64_t>(m.staffWithPdp))
      .bind(static_cast<std::int64_t>(m.staffRecognised))
      .bind(static_cast<std::int64_t>(m.cpdDays.hundredths()))
      .bind(warningsText)
      .bind(notesText)
      .bind(static_cast<std::int64_t>(stored.revision))
      .run();
  // seq is the table's rowid (INTEGER PRIMARY KEY).
  stored.sequence = c.lastInsertRowid();
  SqliteQuery(c, INSERT_BODY)
      .bind(static_cast<std::int64_t>(stored.sequence))
      .bindBytes(originalBytes)
      .run();
  insertAudit(c, audit);
  return {Outcome::Stored, std::move(stored)};
}

}  // namespace profkpi::adapters::store::sqlite

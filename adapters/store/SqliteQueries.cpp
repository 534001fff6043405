#include "adapters/store/SqliteQueries.h"

#include "adapters/json/BoardNotesJson.h"
#include "adapters/json/DiagnosticJson.h"
#include "adapters/store/AcceptStatements.h"
#include "adapters/store/SubmissionColumns.h"
#include "engine/ports/Errors.h"

#include <Poco/Exception.h>

namespace profkpi::adapters::store::sqlite {

using engine::SubmissionRecord;

namespace {

const std::string SELECT_BY_ID = std::string("SELECT ") + SUBMISSION_COLUMNS + " FROM submissions WHERE submission_id = ?";
const std::string SELECT_CURRENT =
    std::string("SELECT ") + SUBMISSION_COLUMNS + " FROM submissions WHERE organisation = ? AND period = ? AND is_current = 1";
// The same row with an empty list in place of its warnings and no board notes
// (reading them back was half the cost of every submission's two history look-ups).
const std::string SELECT_CURRENT_FIGURES = [] {
  std::string sql = SELECT_CURRENT;
  sql.replace(sql.find(" warnings,"), 10, " '[]' AS warnings,");
  sql.replace(sql.find(" board_notes "), 13, " '' AS board_notes ");
  return sql;
}();

std::int64_t millis(engine::Instant t) { return t.time_since_epoch().count(); }
engine::Instant fromMillis(std::int64_t ms) { return engine::Instant{std::chrono::milliseconds{ms}}; }

SubmissionRecord recordFrom(const SqliteQuery& q) {
  SubmissionRecord r;
  r.sequence = q.integer(0);
  r.submissionId = q.text(1);
  r.organisation = q.text(2);
  r.organisationName = q.text(3);
  r.period = q.text(4);
  r.receivedAt = fromMillis(q.integer(5));
  r.channel = q.text(6);
  r.sha256 = q.text(7);
  r.kind = q.text(8);
  r.schemaVersion = q.text(9);
  r.preparedAt = q.text(10);
  r.sourceSystem = q.text(11);
  r.measures.itHeadcount = q.integer(12);
  r.measures.itFte = engine::Amount::fromHundredths(q.integer(13));
  r.measures.rolesTotal = q.integer(14);
  r.measures.rolesMapped = q.integer(15);
  r.measures.staffAssessed = q.integer(16);
  r.measures.staffWithPdp = q.integer(17);
  r.measures.staffRecognised = q.integer(18);
  r.measures.cpdDays = engine::Amount::fromHundredths(q.integer(19));
  try {
    r.warnings = json::diagnosticsFromText(q.text(20));
  } catch (const Poco::Exception& e) {
    throw engine::StoreError("store: submission " + r.submissionId + ": unreadable warnings: " + e.displayText());
  }
  r.revision = static_cast<int>(q.integer(21));
  r.current = q.integer(22) != 0;
  try {
    r.boardNotes = json::boardNotesFromText(q.text(23));
  } catch (const Poco::Exception& e) {
    throw engine::StoreError("store: submission " + r.submissionId + ": unreadable board notes: " + e.displayText());
  }
  return r;
}

}  // namespace

std::optional<SubmissionRecord> findSubmission(SqliteConnection& c, const std::string& submissionId) {
  SqliteQuery q(c, SELECT_BY_ID);
  q.bind(submissionId);
  if (!q.step()) return std::nullopt;
  return recordFrom(q);
}

namespace {
std::optional<SubmissionRecord> currentBy(SqliteConnection& c, const std::string& select,
                                          const std::string& organisation, const std::string& period) {
  SqliteQuery q(c, select);
  q.bind(organisation).bind(period);
  if (!q.step()) return std::nullopt;
  return recordFrom(q);
}
}  // namespace

std::optional<SubmissionRecord> findCurrent(SqliteConnection& c, const std::string& organisation,
                                            const std::string& period) {
  return currentBy(c, SELECT_CURRENT, organisation, period);
}

std::optional<SubmissionRecord> findCurrentFigures(SqliteConnection& c, const std::string& organisation,
                                                   const std::string& period) {
  return currentBy(c, SELECT_CURRENT_FIGURES, organisation, period);
}

std::optional<engine::ApiKeyRecord> findKey(SqliteConnection& c, const std::string& id) {
  SqliteQuery q(c, "SELECT key_id, organisation, role, secret_hash, created_at_ms, revoked_at_ms FROM api_keys"
                   " WHERE key_id = ?");
  q.bind(id);
  if (!q.step()) return std::nullopt;
  engine::ApiKeyRecord k;
  k.id = q.text(0);
  k.organisation = q.text(1);
  k.role = engine::roleFromName(q.text(2)).value_or(engine::Role::Reader);
  k.secretHash = q.text(3);
  k.createdAt = fromMillis(q.integer(4));
  if (!q.isNull(5)) k.revokedAt = fromMillis(q.integer(5));
  return k;
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
    return {first->sha256 == record.sha256 ? Outcome::Duplicate : Outcome::Conflict, *first};
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
      .bind(record.submissionId)
      .bindBytes(originalBytes)
      .run();
  insertAudit(c, audit);
  return {Outcome::Stored, stored};
}

}  // namespace profkpi::adapters::store::sqlite

#include "adapters/store/Migrations.h"

#include "adapters/store/PgAcceptFunction.h"

namespace profkpi::adapters::store {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
      {1,
       "submissions, original bytes, audit log",
       {
           "CREATE TABLE submissions ("
           " seq {{ID}},"
           " submission_id VARCHAR(36) NOT NULL UNIQUE,"
           " organisation VARCHAR(9) NOT NULL,"
           " organisation_name TEXT NOT NULL,"
           " period VARCHAR(10) NOT NULL,"
           " received_at_ms BIGINT NOT NULL,"
           " channel VARCHAR(16) NOT NULL,"
           " sha256 CHAR(64) NOT NULL,"
           " kind VARCHAR(16) NOT NULL,"
           " schema_version VARCHAR(16) NOT NULL,"
           " prepared_at VARCHAR(40) NOT NULL,"
           " source_system TEXT NOT NULL,"
           " it_headcount BIGINT NOT NULL,"
           " it_fte_hundredths BIGINT NOT NULL,"
           " roles_total BIGINT NOT NULL,"
           " roles_mapped BIGINT NOT NULL,"
           " staff_assessed BIGINT NOT NULL,"
           " staff_with_pdp BIGINT NOT NULL,"
           " staff_recognised BIGINT NOT NULL,"
           " cpd_days_hundredths BIGINT NOT NULL,"
           " warnings TEXT NOT NULL,"
           " revision INTEGER NOT NULL,"
           " is_current INTEGER NOT NULL)",
           "CREATE INDEX submissions_by_organisation ON submissions (organisation, period)",
           "CREATE UNIQUE INDEX submissions_one_current ON submissions (organisation, period) WHERE is_current = 1",
           "CREATE INDEX submissions_current_by_period ON submissions (period) WHERE is_current = 1",
           "CREATE TABLE submission_bodies ("
           " submission_id VARCHAR(36) PRIMARY KEY REFERENCES submissions (submission_id),"
           " body {{BLOB}} NOT NULL)",
           "CREATE TABLE audit_log ("
           " seq {{ID}},"
           " at_ms BIGINT NOT NULL,"
           " actor TEXT NOT NULL,"
           " action TEXT NOT NULL,"
           " submission_id TEXT NOT NULL,"
           " organisation TEXT NOT NULL,"
           " origin TEXT NOT NULL,"
           " detail TEXT NOT NULL)",
       }},
      {2,
       "API keys",
       {
           "CREATE TABLE api_keys ("
           " key_id VARCHAR(32) PRIMARY KEY,"
           " organisation VARCHAR(9) NOT NULL,"
           " role VARCHAR(16) NOT NULL,"
           " secret_hash CHAR(64) NOT NULL,"
           " created_at_ms BIGINT NOT NULL,"
           " revoked_at_ms BIGINT)",
       }},
      {3,
       "nightly run: lease, run history, delivery state",
       {
           "CREATE TABLE nightly_lease ("
           " name VARCHAR(32) PRIMARY KEY,"
           " holder TEXT NOT NULL,"
           " since_ms BIGINT NOT NULL,"
           " expires_ms BIGINT NOT NULL)",
           "CREATE TABLE nightly_runs ("
           " run_id {{ID}},"
           " run_trigger VARCHAR(16) NOT NULL,"
           " served_day VARCHAR(10),"
           " holder TEXT NOT NULL,"
           " started_at_ms BIGINT NOT NULL,"
           " finished_at_ms BIGINT,"
           " outcome VARCHAR(16) NOT NULL,"
           " boards INTEGER NOT NULL,"
           " sectors INTEGER NOT NULL,"
           " mailed INTEGER NOT NULL,"
           " pending INTEGER NOT NULL,"
           " refused INTEGER NOT NULL,"
           " failed INTEGER NOT NULL,"
           " detail TEXT NOT NULL)",
           "CREATE INDEX nightly_runs_served ON nightly_runs (served_day) WHERE served_day IS NOT NULL",
           "CREATE TABLE nightly_run_items ("
           " item_id {{ID}},"
           " run_id BIGINT NOT NULL REFERENCES nightly_runs (run_id),"
           " at_ms BIGINT NOT NULL,"
           " organisation VARCHAR(9) NOT NULL,"
           " period VARCHAR(10) NOT NULL,"
           " action VARCHAR(16) NOT NULL,"
           " sha256 VARCHAR(64) NOT NULL,"
           " detail TEXT NOT NULL)",
           "CREATE INDEX nightly_run_items_by_run ON nightly_run_items (run_id)",
           "CREATE TABLE nightly_deliveries ("
           " organisation VARCHAR(9) PRIMARY KEY,"
           " period VARCHAR(10) NOT NULL,"
           " data_sequence BIGINT NOT NULL,"
           " file_name TEXT NOT NULL,"
           " sha256 VARCHAR(64) NOT NULL,"
           " status VARCHAR(16) NOT NULL,"
           " attempts INTEGER NOT NULL,"
           " last_error TEXT NOT NULL,"
           " updated_at_ms BIGINT NOT NULL,"
           " delivered_at_ms BIGINT)",
           "CREATE TABLE nightly_sector_reports ("
           " period VARCHAR(10) PRIMARY KEY,"
           " data_sequence BIGINT NOT NULL,"
           " file_name TEXT NOT NULL,"
           " sha256 VARCHAR(64) NOT NULL,"
           " rendered_at_ms BIGINT NOT NULL)",
       }},
      {4,
       "board notes of version 1.1 submissions (JSON; empty when none were sent)",
       {
           "ALTER TABLE submissions ADD COLUMN board_notes TEXT NOT NULL DEFAULT ''",
       }},
      {5,
       "who each nightly mail went to, and its Message-ID (profkpi deliveries)",
       {
           "ALTER TABLE nightly_run_items ADD COLUMN recipient TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE nightly_run_items ADD COLUMN message_id TEXT NOT NULL DEFAULT ''",
       }},
      // Keyed by the submission's row instead of its SubmissionId: no second
      // index of random UUIDs to update per submission, and the foreign-key
      // check is a row look-up (about a quarter of SQLite's cost of an accept).
      {6,
       "original bytes keyed by the submission's row (seq)",
       {
           "CREATE TABLE submission_bytes ("
           " seq {{ROW_KEY}} REFERENCES submissions (seq),"
           " body {{BLOB}} NOT NULL)",
           "INSERT INTO submission_bytes (seq, body)"
           " SELECT s.seq, b.body FROM submission_bodies b JOIN submissions s ON s.submission_id = b.submission_id",
           "DROP TABLE submission_bodies",
           "ALTER TABLE submission_bytes RENAME TO submission_bodies",
       }},
      // PostgreSQL's accept in one round trip instead of seven (BEGIN, locks,
      // look-up, demotion, insert, bytes and audit, COMMIT): PgAcceptFunction.h.
      {7,
       "PostgreSQL: a submission's accepting transaction as one function call (profkpi_accept)",
       {CREATE_ACCEPT_FUNCTION},
       true},
  };
  return all;
}

}  // namespace profkpi::adapters::store

// PostgreSQL's accept as one server-side function (migration 7), so that a
// submission's whole transaction is one round trip: the function call runs in
// autocommit and is its own transaction. It does what pg::accept did statement
// by statement, in the same order: the advisory lock of the SubmissionId, then
// the lock of the organisation and period (every writer takes them in this
// order), the SubmissionId looked up again under the lock (a stored one is
// answered as it is, Duplicate or Conflict left to the caller), the current
// submission demoted, the new one inserted with the next revision, its bytes
// and its audit row. A shipped function is never edited: a change is a new
// migration with a new CREATE OR REPLACE.
#ifndef PROFKPI_ADAPTERS_STORE_PGACCEPTFUNCTION_H
#define PROFKPI_ADAPTERS_STORE_PGACCEPTFUNCTION_H

#include "adapters/store/SubmissionColumns.h"

#include <string>

namespace profkpi::adapters::store {

// Migration 7. Named dollar quotes and named parameters: no "?" or "$1" for
// translate() or Poco's placeholder count to take for a parameter.
inline constexpr const char* CREATE_ACCEPT_FUNCTION = R"SQL(
CREATE OR REPLACE FUNCTION profkpi_accept(
  p_submission_id TEXT, p_organisation TEXT, p_organisation_name TEXT, p_period TEXT, p_received_at_ms BIGINT,
  p_channel TEXT, p_sha256 TEXT, p_kind TEXT, p_schema_version TEXT, p_prepared_at TEXT, p_source_system TEXT,
  p_it_headcount BIGINT, p_it_fte_hundredths BIGINT, p_roles_total BIGINT, p_roles_mapped BIGINT,
  p_staff_assessed BIGINT, p_staff_with_pdp BIGINT, p_staff_recognised BIGINT, p_cpd_days_hundredths BIGINT,
  p_warnings TEXT, p_board_notes TEXT, p_body BYTEA,
  p_audit_at_ms BIGINT, p_audit_actor TEXT, p_audit_action TEXT, p_audit_submission_id TEXT,
  p_audit_organisation TEXT, p_audit_origin TEXT, p_audit_detail TEXT,
  OUT submission submissions, OUT stored BOOLEAN)
LANGUAGE plpgsql AS $profkpi_accept$
DECLARE
  demoted INTEGER;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('id:' || p_submission_id));
  PERFORM pg_advisory_xact_lock(hashtext('current:' || p_organisation || '/' || p_period));
  SELECT * INTO submission FROM submissions s WHERE s.submission_id = p_submission_id;
  IF FOUND THEN
    stored := FALSE;
    RETURN;
  END IF;
  UPDATE submissions s SET is_current = 0
   WHERE s.organisation = p_organisation AND s.period = p_period AND s.is_current = 1
   RETURNING s.revision INTO demoted;
  INSERT INTO submissions (submission_id, organisation, organisation_name, period, received_at_ms, channel, sha256,
      kind, schema_version, prepared_at, source_system, it_headcount, it_fte_hundredths, roles_total, roles_mapped,
      staff_assessed, staff_with_pdp, staff_recognised, cpd_days_hundredths, warnings, board_notes, revision,
      is_current)
    VALUES (p_submission_id, p_organisation, p_organisation_name, p_period, p_received_at_ms, p_channel, p_sha256,
      p_kind, p_schema_version, p_prepared_at, p_source_system, p_it_headcount, p_it_fte_hundredths, p_roles_total,
      p_roles_mapped, p_staff_assessed, p_staff_with_pdp, p_staff_recognised, p_cpd_days_hundredths, p_warnings,
      p_board_notes, COALESCE(demoted, 0) + 1, 1)
    RETURNING * INTO submission;
  INSERT INTO submission_bodies (seq, body) VALUES (submission.seq, p_body);
  INSERT INTO audit_log (at_ms, actor, action, submission_id, organisation, origin, detail)
    VALUES (p_audit_at_ms, p_audit_actor, p_audit_action, p_audit_submission_id, p_audit_organisation,
      p_audit_origin, p_audit_detail);
  stored := TRUE;
END
$profkpi_accept$)SQL";

// The call: the submission the function answers with (the new one, or the one
// already stored under the SubmissionId) in SUBMISSION_COLUMNS, then `stored`
// (t or f). Bind CREATE_ACCEPT_FUNCTION's parameters in order: the body as bytes.
inline const std::string CALL_ACCEPT_FUNCTION =
    std::string("SELECT ") + SUBMISSION_COLUMNS +
    ", a.stored FROM profkpi_accept(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " AS a, LATERAL (SELECT (a.submission).*) AS s";

// The column of `stored` in CALL_ACCEPT_FUNCTION's row.
inline constexpr int ACCEPT_STORED_COLUMN = 24;

}  // namespace profkpi::adapters::store

#endif

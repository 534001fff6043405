// The statements that accept a submission on SQLite (SqliteQueries' kept
// statements) and the audit row both back ends write alone ("?" placeholders,
// which PgConnection numbers). PostgreSQL runs the same steps as one
// server-side function (PgAcceptFunction.h). A schema change is made here,
// and on PostgreSQL in a new version of that function (a migration).
#ifndef PROFKPI_ADAPTERS_STORE_ACCEPTSTATEMENTS_H
#define PROFKPI_ADAPTERS_STORE_ACCEPTSTATEMENTS_H

#include <optional>
#include <string>

namespace profkpi::adapters::store {

// The current revision's number (at most one row); bind organisation, period.
inline constexpr const char* SELECT_CURRENT_REVISION =
    "SELECT revision FROM submissions WHERE organisation = ? AND period = ? AND is_current = 1";

// Demotes the current submission; bind organisation, period.
inline constexpr const char* CLEAR_CURRENT =
    "UPDATE submissions SET is_current = 0 WHERE organisation = ? AND period = ? AND is_current = 1";

// The new current submission; bind the 22 values in column order, revision last.
inline constexpr const char* INSERT_SUBMISSION =
    "INSERT INTO submissions (submission_id, organisation, organisation_name, period, received_at_ms,"
    " channel, sha256, kind, schema_version, prepared_at, source_system, it_headcount,"
    " it_fte_hundredths, roles_total, roles_mapped, staff_assessed, staff_with_pdp,"
    " staff_recognised, cpd_days_hundredths, warnings, board_notes, revision, is_current)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";

// The original bytes; bind the submission's seq, body.
inline constexpr const char* INSERT_BODY = "INSERT INTO submission_bodies (seq, body) VALUES (?, ?)";

// One audit entry; bind at, actor, action, submission id, organisation, origin, detail.
inline constexpr const char* INSERT_AUDIT =
    "INSERT INTO audit_log (at_ms, actor, action, submission_id, organisation, origin, detail)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)";

// A new submission's revision: one after the current one's, 1 for the first.
inline int nextRevision(std::optional<int> currentRevision) { return currentRevision ? *currentRevision + 1 : 1; }

}  // namespace profkpi::adapters::store

#endif

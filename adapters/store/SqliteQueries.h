// The SQL every submission runs on SQLite, on kept statements of a
// SqliteConnection: the key and history look-ups, and the accepting write that
// the group commit makes for each submission inside its transaction. Same
// statements and results as SqlStore's Poco::Data path for PostgreSQL.
#ifndef PROFKPI_ADAPTERS_STORE_SQLITEQUERIES_H
#define PROFKPI_ADAPTERS_STORE_SQLITEQUERIES_H

#include "adapters/store/SqliteConnection.h"
#include "engine/ports/ApiKey.h"
#include "engine/ports/Store.h"

#include <optional>
#include <string>
#include <string_view>

namespace profkpi::adapters::store::sqlite {

std::optional<engine::SubmissionRecord> findSubmission(SqliteConnection& c, const std::string& submissionId);
std::optional<engine::SubmissionRecord> findCurrent(SqliteConnection& c, const std::string& organisation,
                                                    const std::string& period);
// findCurrent without the warnings (an empty list): Store::currentFigures.
std::optional<engine::SubmissionRecord> findCurrentFigures(SqliteConnection& c, const std::string& organisation,
                                                           const std::string& period);
std::optional<engine::ApiKeyRecord> findKey(SqliteConnection& c, const std::string& id);

// REQUIRES: a write transaction is open on `c`. Checks, numbers and writes one
// submission (Store::accept's contract); `warningsText` is record.warnings as
// json::diagnosticsToText writes them. Throws engine::StoreError.
engine::Store::AcceptResult acceptWithin(SqliteConnection& c, const engine::SubmissionRecord& record,
                                         const std::string& warningsText, const std::string& notesText,
                                         std::string_view originalBytes,
                                         const engine::AuditEntry& audit);

// REQUIRES: a write transaction is open on `c`. Writes one audit row.
void insertAudit(SqliteConnection& c, const engine::AuditEntry& audit);

}  // namespace profkpi::adapters::store::sqlite

#endif

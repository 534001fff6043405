// The SQL every submission runs on PostgreSQL, on kept statements of a
// PgConnection: the key and history look-ups (each a single statement, in no
// transaction of its own), the accepting write (one function call, its own
// transaction: record, bytes, current pointer, audit) and a refusal's audit row
// (one statement). The same results as SqliteQueries.
#ifndef PROFKPI_ADAPTERS_STORE_PGQUERIES_H
#define PROFKPI_ADAPTERS_STORE_PGQUERIES_H

#include "adapters/store/PgConnection.h"
#include "engine/ports/ApiKey.h"
#include "engine/ports/Store.h"

#include <optional>
#include <string>
#include <string_view>

namespace profkpi::adapters::store::pg {

std::optional<engine::SubmissionRecord> findSubmission(PgConnection& c, const std::string& submissionId);
std::optional<engine::SubmissionRecord> findCurrent(PgConnection& c, const std::string& organisation,
                                                    const std::string& period);
// findCurrent without the warnings (an empty list): Store::currentFigures.
std::optional<engine::SubmissionRecord> findCurrentFigures(PgConnection& c, const std::string& organisation,
                                                           const std::string& period);
// findCurrentFigures of two periods in one statement: Store::currentFiguresOfBoth.
engine::Store::TwoPeriodFigures findCurrentFiguresOfBoth(PgConnection& c, const std::string& organisation,
                                                         const std::string& firstPeriod,
                                                         const std::string& secondPeriod);
std::optional<engine::ApiKeyRecord> findKey(PgConnection& c, const std::string& id);

// Store::accept's contract, in one call of profkpi_accept (PgAcceptFunction.h):
// one round trip, one transaction of its own under the advisory locks of the
// SubmissionId and of the organisation and period. Throws PgConnectionLost only
// when nothing can have been committed (the caller may run it again); a
// connection lost once the call may have run is an engine::StoreError (the
// outcome is unknown: a resend answers it).
engine::Store::AcceptResult accept(PgConnection& c, const engine::SubmissionRecord& record,
                                   std::string_view originalBytes, const engine::AuditEntry& audit);

// One audit row, committed on its own. Throws as run().
void insertAudit(PgConnection& c, const engine::AuditEntry& audit);

// true when the server answers a query on `c`.
bool answers(PgConnection& c);

}  // namespace profkpi::adapters::store::pg

#endif

// The submissions table's columns in the order both SqlStore's Poco::Data reads
// and SqliteQueries' kept statements decode them.
#ifndef PROFKPI_ADAPTERS_STORE_SUBMISSIONCOLUMNS_H
#define PROFKPI_ADAPTERS_STORE_SUBMISSIONCOLUMNS_H

namespace profkpi::adapters::store {

inline constexpr const char* SUBMISSION_COLUMNS =
    "seq, submission_id, organisation, organisation_name, period, received_at_ms, channel, sha256, kind,"
    " schema_version, prepared_at, source_system, it_headcount, it_fte_hundredths, roles_total, roles_mapped,"
    " staff_assessed, staff_with_pdp, staff_recognised, cpd_days_hundredths, warnings, revision, is_current,"
    " board_notes";

}  // namespace profkpi::adapters::store

#endif

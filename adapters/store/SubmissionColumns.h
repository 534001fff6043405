// The submissions table's columns in the order every reader decodes them, the
// look-ups every submission makes, and the decoding itself, for each back end's
// row type (SqliteQuery, PgResult::Row: integer(), text() by column).
#ifndef PROFKPI_ADAPTERS_STORE_SUBMISSIONCOLUMNS_H
#define PROFKPI_ADAPTERS_STORE_SUBMISSIONCOLUMNS_H

#include "adapters/json/BoardNotesJson.h"
#include "adapters/json/DiagnosticJson.h"
#include "engine/model/SubmissionRecord.h"
#include "engine/ports/Errors.h"

#include <Poco/Exception.h>

#include <chrono>
#include <string>

namespace profkpi::adapters::store {

inline constexpr const char* SUBMISSION_COLUMNS =
    "seq, submission_id, organisation, organisation_name, period, received_at_ms, channel, sha256, kind,"
    " schema_version, prepared_at, source_system, it_headcount, it_fte_hundredths, roles_total, roles_mapped,"
    " staff_assessed, staff_with_pdp, staff_recognised, cpd_days_hundredths, warnings, revision, is_current,"
    " board_notes";

// One submission by its SubmissionId; bind the id.
inline const std::string SELECT_SUBMISSION_BY_ID =
    std::string("SELECT ") + SUBMISSION_COLUMNS + " FROM submissions WHERE submission_id = ?";
// The current submission of an organisation and period; bind both.
inline const std::string SELECT_CURRENT_SUBMISSION = std::string("SELECT ") + SUBMISSION_COLUMNS +
                                                     " FROM submissions WHERE organisation = ? AND period = ?"
                                                     " AND is_current = 1";
// The same row with an empty list in place of its warnings and no board notes
// (reading them back was half the cost of every submission's two history look-ups).
inline const std::string SELECT_CURRENT_FIGURES = [] {
  std::string sql = SELECT_CURRENT_SUBMISSION;
  sql.replace(sql.find(" warnings,"), 10, " '[]' AS warnings,");
  sql.replace(sql.find(" board_notes "), 13, " '' AS board_notes ");
  return sql;
}();

// SELECT_CURRENT_FIGURES for two periods in one statement (at most two rows);
// bind the organisation, then both periods.
inline const std::string SELECT_CURRENT_FIGURES_OF_BOTH = [] {
  std::string sql = SELECT_CURRENT_FIGURES;
  sql.replace(sql.find("period = ?"), 10, "period IN (?, ?)");
  return sql;
}();

// The record in a row of SUBMISSION_COLUMNS. Throws engine::StoreError when its
// warnings or board notes cannot be read back.
template <typename Row>
engine::SubmissionRecord submissionFrom(const Row& q) {
  auto instant = [](std::int64_t ms) { return engine::Instant{std::chrono::milliseconds{ms}}; };
  engine::SubmissionRecord r;
  r.sequence = q.integer(0);
  r.submissionId = q.text(1);
  r.organisation = q.text(2);
  r.organisationName = q.text(3);
  r.period = q.text(4);
  r.receivedAt = instant(q.integer(5));
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

}  // namespace profkpi::adapters::store

#endif

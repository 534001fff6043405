// An accepted submission as the store keeps it (its original bytes are kept
// beside it), and an entry of the append-only audit log.
#ifndef PROFKPI_ENGINE_MODEL_SUBMISSIONRECORD_H
#define PROFKPI_ENGINE_MODEL_SUBMISSIONRECORD_H

#include "engine/common/Time.h"
#include "engine/model/Diagnostic.h"
#include "engine/model/Measures.h"
#include "engine/model/Submission.h"

#include <cstdint>
#include <optional>
#include <string>

namespace profkpi::engine {

struct SubmissionRecord {
  std::int64_t sequence = 0;     // order of acceptance, assigned by the store
  std::string submissionId;      // lower case (UUIDs compare case-insensitively)
  std::string organisation;      // GSS code
  std::string organisationName;  // as the sender wrote it
  std::string period;            // "2009-10-Q2"
  Instant receivedAt;
  std::string channel;           // http, inbox, cli
  std::string sha256;            // of the original bytes, lower-case hex
  std::string kind;              // aggregate, workforce
  std::string schemaVersion;
  std::string preparedAt;        // as written
  std::string sourceSystem;      // "name version", or empty
  Measures measures;
  Diagnostics warnings;          // as answered in the receipt
  std::optional<BoardNotes> boardNotes;  // as sent (version 1.1), positions cleared; absent when not sent
  int revision = 1;              // 1 for the first accepted for its organisation and period
  bool current = true;           // the latest accepted for its organisation and period
};

struct AuditEntry {
  Instant at;
  std::string actor;         // API key id, "cli", "inbox"
  std::string action;        // accepted, duplicate, conflict, refused, forbidden, ...
  std::string submissionId;  // when known
  std::string organisation;  // when known
  std::string origin;        // client address or file path
  std::string detail;
};

}  // namespace profkpi::engine

#endif

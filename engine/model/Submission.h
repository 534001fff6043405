// An accepted-or-refused submission as the engine sees it once read: the header,
// the eight measures, the sender's explanations and (version 1.1) its board notes. The original bytes stay with
// the caller; member and role records are counted, never kept.
#ifndef PROFKPI_ENGINE_MODEL_SUBMISSION_H
#define PROFKPI_ENGINE_MODEL_SUBMISSION_H

#include "engine/common/Time.h"
#include "engine/model/Measures.h"
#include "engine/model/Period.h"

#include <optional>
#include <string>
#include <vector>

namespace profkpi::engine {

// Where something stands in the document (1-based; 0 when unknown).
struct Position {
  long line = 0;
  long column = 0;
};

enum class SubmissionKind { Aggregate, Workforce };

struct Explanation {
  std::string code;  // PQ101..
  std::string kpi;   // K1..K9, or empty
  std::string text;
  Position position;
};

// One Action of a 1.1 document's BoardNotes (SUBMISSION.md section 7).
struct BoardAction {
  std::string kpi;          // K1..K9, or empty when the action is about no one KPI
  std::string owner;        // a post or team, as written
  std::optional<Date> due;  // absent when not given
  std::string text;         // as written, never shortened
  Position position;        // of its start tag; 0:0 once stored

  // Due before `today` (an action due today is not yet overdue).
  bool overdueOn(Date today) const { return due && *due < today; }
};

// What the council wants its board to read beside the figures (version 1.1).
struct BoardNotes {
  std::string summary;               // as written; empty when the document has no Summary
  std::vector<BoardAction> actions;  // in document order
};

struct SubmissionHeader {
  std::string schemaVersion;  // "1.0" or "1.1"
  std::string submissionId;   // as written (case kept)
  std::string organisationCode;
  std::string organisationName;
  std::optional<Period> period;       // absent when the text was not a period
  std::string periodText;             // as written
  std::optional<ZonedTime> preparedAt;
  std::string preparedBy;             // empty when absent
  std::string sourceSystemName;       // empty when absent
  std::string sourceSystemVersion;    // empty when absent

  Position organisationPosition;
  Position periodPosition;
  Position preparedAtPosition;
};

struct Submission {
  SubmissionHeader header;
  SubmissionKind kind = SubmissionKind::Aggregate;
  Measures measures;
  std::vector<Explanation> explanations;
  std::optional<BoardNotes> boardNotes;  // 1.1 documents only; absent when not sent
};

const char* kindName(SubmissionKind kind);

}  // namespace profkpi::engine

#endif

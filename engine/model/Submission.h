// An accepted-or-refused submission as the engine sees it once read: the header,
// the eight measures and the sender's explanations. The original bytes stay with
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

struct SubmissionHeader {
  std::string schemaVersion;  // "1.0"
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
};

const char* kindName(SubmissionKind kind);

}  // namespace profkpi::engine

#endif

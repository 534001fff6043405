#include "engine/model/Submission.h"

namespace profkpi::engine {

const char* kindName(SubmissionKind kind) {
  return kind == SubmissionKind::Aggregate ? "aggregate" : "workforce";
}

}  // namespace profkpi::engine

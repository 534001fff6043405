// The submissions bench/store-accept and bench/sqlite-floor write, made before
// either starts its clock: what they time is the store's work, not the
// caller's. Each is a new SubmissionId that replaces the current one of 14
// organisations x 6 quarters, with a PQ104 warning and an audit row, as
// bench/http.sh's are.
#ifndef PROFKPI_BENCH_BENCHSUBMISSIONS_H
#define PROFKPI_BENCH_BENCHSUBMISSIONS_H

#include "engine/model/SubmissionRecord.h"

#include <vector>

namespace profkpi::bench {

struct BenchSubmission {
  engine::SubmissionRecord record;
  engine::AuditEntry audit;
};

// Caller `caller`'s `count` submissions, its n-th the (caller * count + n)-th of the cycle.
std::vector<BenchSubmission> benchSubmissions(int caller, int count);

}  // namespace profkpi::bench

#endif

#include "bench/BenchSubmissions.h"

#include "tests/support/Records.h"

#include <cstdio>
#include <string>

namespace profkpi::bench {

namespace {

std::string submissionId(int caller, int n) {
  char id[37];
  std::snprintf(id, sizeof id, "%08x-%04x-4000-8000-%012x", 0x5eed0000u + static_cast<unsigned>(caller),
                static_cast<unsigned>(n >> 16), static_cast<unsigned>(n) * 2654435761u);
  return id;
}

}  // namespace

std::vector<BenchSubmission> benchSubmissions(int caller, int count) {
  std::vector<BenchSubmission> submissions;
  submissions.reserve(static_cast<std::size_t>(count));
  for (int n = 0; n < count; ++n) {
    int slot = (caller * count + n) % 84;
    std::string organisation = "E090000" + std::to_string(10 + slot % 14);
    std::string period = "20" + std::to_string(10 + slot / 14) + "-" + std::to_string(11 + slot / 14) + "-Q2";
    engine::SubmissionRecord record = tests::aggregateRecord(submissionId(caller, n), organisation, period);
    record.receivedAt += std::chrono::milliseconds(n);
    record.warnings.push_back(engine::makeDiagnostic(
        engine::Severity::Warning, "PQ104",
        "replaces submission 0af9e8d7-c6b5-4a43-9210-fedcba987654 (revision 3) for " + period));
    engine::AuditEntry audit{record.receivedAt, "k-bench", "accepted", record.submissionId, organisation,
                             "127.0.0.1", "sha256 " + record.sha256};
    submissions.push_back({std::move(record), std::move(audit)});
  }
  return submissions;
}

}  // namespace profkpi::bench

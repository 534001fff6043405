// The store's own cost per accepted submission (issue 7, goal 2): serve's
// SqlStore on a fresh SQLite file (WAL, synchronous=FULL, group commit, the
// checkpoint thread), THREADS callers each accepting its share of SUBMISSIONS
// 5 KB submissions as fast as it can, without HTTP, validation or look-ups.
// Each is a new SubmissionId that replaces the current one of 14 organisations
// x 6 quarters, with a PQ104 warning and an audit row, as bench/http.sh's are.
//   store-accept FILE SUBMISSIONS THREADS
// Prints the CPU time (user + system) and wall time per submission.
#include "adapters/store/SqlStore.h"
#include "tests/support/Records.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

using namespace profkpi;

namespace {

double cpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

std::string submissionId(int thread, int n) {
  char id[37];
  std::snprintf(id, sizeof id, "%08x-%04x-4000-8000-%012x", 0x5eed0000u + static_cast<unsigned>(thread),
                static_cast<unsigned>(n >> 16), static_cast<unsigned>(n) * 2654435761u);
  return id;
}

void acceptShare(adapters::store::SqlStore& store, int thread, int count, const std::string& body) {
  for (int n = 0; n < count; ++n) {
    int slot = (thread * count + n) % 84;
    std::string organisation = "E090000" + std::to_string(10 + slot % 14);
    std::string period = "20" + std::to_string(10 + slot / 14) + "-" + std::to_string(11 + slot / 14) + "-Q2";
    engine::SubmissionRecord record = tests::aggregateRecord(submissionId(thread, n), organisation, period);
    record.warnings.push_back(engine::makeDiagnostic(
        engine::Severity::Warning, "PQ104",
        "replaces submission 0af9e8d7-c6b5-4a43-9210-fedcba987654 (revision 3) for " + period));
    engine::AuditEntry audit{record.receivedAt, "k-bench", "accepted", record.submissionId, organisation, "127.0.0.1",
                             "sha256 " + record.sha256};
    store.accept(record, body, audit);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: store-accept FILE SUBMISSIONS THREADS\n";
    return 2;
  }
  int submissions = std::stoi(argv[2]);
  int threads = std::stoi(argv[3]);
  std::string body(5 * 1024, 'x');
  adapters::store::SqlStore store("sqlite", argv[1]);

  double cpuBefore = cpuSeconds();
  auto wallBefore = std::chrono::steady_clock::now();
  std::vector<std::thread> callers;
  for (int t = 0; t < threads; ++t) {
    callers.emplace_back(acceptShare, std::ref(store), t, submissions / threads, std::cref(body));
  }
  for (std::thread& caller : callers) caller.join();
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallBefore).count();
  double cpu = cpuSeconds() - cpuBefore;

  int accepted = submissions / threads * threads;
  std::printf("%d submissions, %d threads: CPU %.0f us each, wall %.0f us each (%.0f/s)\n", accepted, threads,
              cpu * 1e6 / accepted, wall * 1e6 / accepted, accepted / wall);
  return 0;
}

// The store's own cost per accepted submission (issue 7, goal 2): serve's
// SqlStore on a fresh SQLite file (WAL, synchronous=FULL, group commit, the
// checkpoint thread), THREADS callers each accepting its share of SUBMISSIONS
// 5 KB submissions as fast as it can, without HTTP, validation or look-ups.
// Each is a new SubmissionId that replaces the current one of 14 organisations
// x 6 quarters, with a PQ104 warning and an audit row, as bench/http.sh's are.
//   store-accept FILE SUBMISSIONS THREADS
// Prints the CPU time (user + system) and wall time per submission.
#include "adapters/store/SqlStore.h"
#include "bench/BenchSubmissions.h"

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

void acceptAll(adapters::store::SqlStore& store, const std::vector<bench::BenchSubmission>& submissions,
               const std::string& body) {
  for (const bench::BenchSubmission& s : submissions) store.accept(s.record, body, s.audit);
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

  std::vector<std::vector<bench::BenchSubmission>> shares;
  for (int t = 0; t < threads; ++t) shares.push_back(bench::benchSubmissions(t, submissions / threads));

  double cpuBefore = cpuSeconds();
  auto wallBefore = std::chrono::steady_clock::now();
  std::vector<std::thread> callers;
  for (int t = 0; t < threads; ++t) callers.emplace_back(acceptAll, std::ref(store), std::cref(shares[t]), std::cref(body));
  for (std::thread& caller : callers) caller.join();
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallBefore).count();
  double cpu = cpuSeconds() - cpuBefore;

  int accepted = submissions / threads * threads;
  adapters::store::SqlStore::GroupCommits commits = store.groupCommits();
  std::printf("%d submissions, %d threads: CPU %.0f us each, wall %.0f us each (%.0f/s); %llu commits of %.1f\n",
              accepted, threads, cpu * 1e6 / accepted, wall * 1e6 / accepted, accepted / wall,
              static_cast<unsigned long long>(commits.batches),
              commits.batches > 0 ? static_cast<double>(commits.writes) / commits.batches : 0.0);
  return 0;
}

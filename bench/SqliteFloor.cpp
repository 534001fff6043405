// SQLite's own floor for what bench/store-accept measures (issue 21's restated
// ingest goal): the same schema (made by serve's migrations), the same six
// statements of one accept (AcceptStatements.h, SubmissionColumns.h), the same
// values and 5 KB bodies, the same durability (WAL, synchronous=FULL), each
// statement prepared once, BATCH submissions a transaction, on one thread,
// straight on the SQLite C API: no group commit, savepoints, JSON or store.
// The submissions, their warnings' JSON included, are made before the clock
// starts (bench/BenchSubmissions.h).
//   sqlite-floor FILE SUBMISSIONS BATCH
// Prints the CPU time (user + system) and wall time per submission.
#include "adapters/json/DiagnosticJson.h"
#include "bench/BenchSubmissions.h"
#include "adapters/store/AcceptStatements.h"
#include "adapters/store/SqlStore.h"
#include "adapters/store/SubmissionColumns.h"

#include <sqlite3.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

using namespace profkpi;

namespace {

double cpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void check(sqlite3* db, int rc, const char* step) {
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return;
  std::cerr << step << ": " << sqlite3_errmsg(db) << "\n";
  std::exit(1);
}

struct Statement {
  sqlite3* db;
  sqlite3_stmt* stmt = nullptr;
  Statement(sqlite3* d, const std::string& sql) : db(d) {
    check(db, sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr), sql.c_str());
  }
  ~Statement() { sqlite3_finalize(stmt); }
  Statement& text(int i, const std::string& v) {
    sqlite3_bind_text(stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  Statement& blob(int i, const std::string& v) {
    sqlite3_bind_blob(stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  Statement& integer(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt, i, v);
    return *this;
  }
  // Steps once; true when a row came back. Resets for the next use.
  bool run() {
    int rc = sqlite3_step(stmt);
    check(db, rc, sqlite3_sql(stmt));
    sqlite3_reset(stmt);
    return rc == SQLITE_ROW;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: sqlite-floor FILE SUBMISSIONS BATCH\n";
    return 2;
  }
  const std::string file = argv[1];
  const int submissions = std::stoi(argv[2]);
  const int batch = std::stoi(argv[3]);
  { adapters::store::SqlStore schema("sqlite", file); }  // serve's schema, then closed

  sqlite3* db = nullptr;
  check(db, sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr), "open");
  check(db, sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
                         nullptr, nullptr, nullptr),
        "pragmas");
  using namespace adapters::store;
  Statement find(db, SELECT_SUBMISSION_BY_ID), revision(db, SELECT_CURRENT_REVISION), clear(db, CLEAR_CURRENT),
      insert(db, INSERT_SUBMISSION), body(db, INSERT_BODY), audit(db, INSERT_AUDIT), begin(db, "BEGIN IMMEDIATE"),
      commit(db, "COMMIT");
  const std::string bytes(5 * 1024, 'x');
  const std::vector<bench::BenchSubmission> all = bench::benchSubmissions(0, submissions);
  std::vector<std::string> warningsTexts;
  for (const bench::BenchSubmission& s : all) warningsTexts.push_back(adapters::json::diagnosticsToText(s.record.warnings));

  double cpuBefore = cpuSeconds();
  auto wallBefore = std::chrono::steady_clock::now();
  for (int n = 0; n < submissions; ++n) {
    if (n % batch == 0) begin.run();
    const engine::SubmissionRecord& r = all[n].record;
    const engine::AuditEntry& a = all[n].audit;
    const std::string& organisation = r.organisation;
    const std::string& period = r.period;
    const std::string& warnings = warningsTexts[n];
    const engine::Measures& m = r.measures;

    if (find.text(1, r.submissionId).run()) return 1;  // every id is new
    int current = revision.text(1, organisation).text(2, period).run() ? sqlite3_column_int(revision.stmt, 0) : 0;
    clear.text(1, organisation).text(2, period).run();
    insert.text(1, r.submissionId).text(2, organisation).text(3, r.organisationName).text(4, period)
        .integer(5, r.receivedAt.time_since_epoch().count()).text(6, r.channel).text(7, r.sha256).text(8, r.kind).text(9, r.schemaVersion)
        .text(10, r.preparedAt).text(11, r.sourceSystem).integer(12, m.itHeadcount).integer(13, m.itFte.hundredths())
        .integer(14, m.rolesTotal).integer(15, m.rolesMapped).integer(16, m.staffAssessed)
        .integer(17, m.staffWithPdp).integer(18, m.staffRecognised).integer(19, m.cpdDays.hundredths())
        .text(20, warnings).text(21, "").integer(22, current + 1).run();
    body.integer(1, sqlite3_last_insert_rowid(db)).blob(2, bytes).run();
    audit.integer(1, a.at.time_since_epoch().count()).text(2, a.actor).text(3, a.action).text(4, a.submissionId)
        .text(5, a.organisation).text(6, a.origin).text(7, a.detail).run();
    if (n % batch == batch - 1 || n == submissions - 1) commit.run();
  }
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallBefore).count();
  double cpu = cpuSeconds() - cpuBefore;
  std::printf("%d submissions, %d a transaction: CPU %.0f us each, wall %.0f us each (%.0f/s)\n", submissions, batch,
              cpu * 1e6 / submissions, wall * 1e6 / submissions, submissions / wall);
  sqlite3_close(db);
  return 0;
}

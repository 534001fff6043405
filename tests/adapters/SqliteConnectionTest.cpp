// SqlStore's own SQLite connections: statements compiled once and kept, no
// snapshot held between queries, a bounded pool of look-up connections.
#include "adapters/store/SqlStore.h"
#include "adapters/store/SqliteCheckpointer.h"
#include "adapters/store/SqliteConnection.h"
#include "adapters/store/SqliteConnectionPool.h"
#include "adapters/store/SqliteQueries.h"
#include "engine/ports/Errors.h"
#include "tests/support/Process.h"
#include "tests/support/Records.h"

#include <boost/test/unit_test.hpp>

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <thread>

using namespace profkpi::adapters::store;
using namespace profkpi::engine;
using profkpi::tests::acceptedAudit;
using profkpi::tests::TempDir;

namespace {

// What json::diagnosticsToText writes for a record without warnings.
const std::string NO_WARNINGS = "[]";
const std::string NO_NOTES;  // a record without board notes

SubmissionRecord record(const std::string& id, const std::string& sha) {
  SubmissionRecord r = profkpi::tests::aggregateRecord(id);
  r.sha256 = sha;
  return r;
}

// One submission in a transaction of its own on `writer`, then the checkpointer
// told of the commit, as the group commit's leader does.
void acceptAndCommit(SqliteConnection& writer, SqliteCheckpointer& checkpointer, const std::string& id,
                     const std::string& body) {
  writer.exec("BEGIN IMMEDIATE");
  sqlite::acceptWithin(writer, record(id, std::string(64, 'a')), NO_WARNINGS, NO_NOTES, body, acceptedAudit(id));
  writer.exec("COMMIT");
  checkpointer.afterCommit();
}

const std::string ID1 = "11111111-1111-4111-8111-111111111111";
const std::string ID2 = "22222222-2222-4222-8222-222222222222";

struct Fixture {
  TempDir dir;
  std::string path = dir.file("store.db");
  SqlStore store{"sqlite", path};
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(SqliteConnectionTest, Fixture)

BOOST_AUTO_TEST_CASE(statementsAreCompiledOnceAndKept) {
  SqliteConnection c(path, 1, 256);
  for (int i = 0; i < 5; ++i) BOOST_TEST(!sqlite::findCurrent(c, "E06000001", "2009-10-Q2"));
  BOOST_TEST(c.compilations() == 1u);
  BOOST_TEST(!sqlite::findKey(c, "abc"));
  BOOST_TEST(c.compilations() == 2u);
}

BOOST_AUTO_TEST_CASE(aKeptStatementSeesLaterCommitsAndHoldsNoSnapshot) {
  SqliteConnection reader(path, 1, 256);
  BOOST_TEST(!sqlite::findCurrent(reader, "E06000001", "2009-10-Q2"));
  store.accept(record(ID1, std::string(64, 'a')), "one", acceptedAudit(ID1));
  auto first = sqlite::findCurrent(reader, "E06000001", "2009-10-Q2");
  BOOST_REQUIRE(first);
  BOOST_TEST(first->submissionId == ID1);
  store.accept(record(ID2, std::string(64, 'b')), "two", acceptedAudit(ID2));
  BOOST_TEST(sqlite::findCurrent(reader, "E06000001", "2009-10-Q2")->submissionId == ID2);
  // No read transaction is left open, so a checkpoint can empty the whole WAL.
  BOOST_TEST(sqlite3_get_autocommit(reader.handle()) != 0);
  SqliteConnection other(path, 1, 256);
  int logFrames = -1;
  int checkpointed = -1;
  BOOST_TEST(sqlite3_wal_checkpoint_v2(other.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &checkpointed) ==
             SQLITE_OK);
  BOOST_TEST(logFrames == 0);
}

BOOST_AUTO_TEST_CASE(aRolledBackAcceptLeavesNothingAndFailuresThrow) {
  SqliteConnection writer(path, 1, 256);
  writer.exec("BEGIN IMMEDIATE");
  auto stored =
      sqlite::acceptWithin(writer, record(ID1, std::string(64, 'a')), NO_WARNINGS, NO_NOTES, "one", acceptedAudit(ID1));
  BOOST_TEST((stored.outcome == Store::Outcome::Stored));
  BOOST_TEST(stored.record.revision == 1);
  BOOST_TEST(stored.record.sequence > 0);
  writer.exec("ROLLBACK");
  BOOST_TEST(!store.findBySubmissionId(ID1));
  BOOST_CHECK_THROW(SqliteQuery(writer, "INSERT INTO no_such_table VALUES (1)"), StoreError);
  BOOST_CHECK_THROW(SqliteConnection(dir.file("missing.db"), 1, 256), StoreError);
}

BOOST_AUTO_TEST_CASE(poolKeepsAtMostItsIdleLimit) {
  SqliteConnectionPool pool(path, 1, 256, 2);
  {
    auto a = pool.borrow();
    auto b = pool.borrow();
    auto c = pool.borrow();
    BOOST_TEST(!sqlite::findKey(*a, "x"));
    BOOST_TEST(pool.idle() == 0u);
  }
  BOOST_TEST(pool.idle() == 2u);
  {
    auto again = pool.borrow();
    BOOST_TEST(!sqlite::findKey(*again, "x"));
    BOOST_TEST(pool.idle() == 1u);
  }
  BOOST_TEST(pool.idle() == 2u);
}

// The writer's commits never checkpoint inline below the hard limit; the thread
// copies the log back, and the log starts again from its beginning, so it
// holds few pages however many commits there were.
BOOST_AUTO_TEST_CASE(checkpointsKeepTheLogShortAndLoseNothing) {
  SqliteConnection writer(path, 1, 1024);
  std::size_t background = 0;
  std::size_t byWriter = 0;
  {
    SqliteCheckpointer checkpointer(path, 1, writer, 20, 60);
    std::string body(6000, 'x');  // two overflow pages a submission
    for (int i = 0; i < 300; ++i) {
      char id[40];
      std::snprintf(id, sizeof id, "%08d-1111-4111-8111-111111111111", i);
      acceptAndCommit(writer, checkpointer, id, body);
      if (i % 50 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));  // let the thread run
    }
    background = checkpointer.backgroundCheckpoints();
    byWriter = checkpointer.writerCheckpoints();
  }
  BOOST_TEST(background > 0u);
  BOOST_TEST(byWriter > 0u);
  // 300 submissions wrote over 1,500 pages; the log started again and holds a
  // fraction of them (fewer than 100 on a quiet machine; 224 seen with the
  // checkpoint thread starved by a full machine).
  SqliteConnection other(path, 1, 256);
  int logFrames = -1;
  BOOST_TEST(sqlite3_wal_checkpoint_v2(other.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, nullptr) ==
             SQLITE_OK);
  BOOST_TEST(logFrames < 400);
  BOOST_TEST(store.revisions("E06000001", "2009-10-Q2").size() == 300u);
  BOOST_TEST(store.integrityProblems().empty());
}

// The thread is asked once per log, not after every commit past its threshold:
// passes over the same log copied the pages every batch rewrites again and
// fsynced the database again (docs/BENCHMARKS.md section 19). A reader holding
// the first snapshot keeps the log from starting again, so it is one log.
BOOST_AUTO_TEST_CASE(theThreadCheckpointsOncePerLog) {
  SqliteConnection writer(path, 1, 1024);
  SqliteConnection reader(path, 1, 256);
  reader.exec("BEGIN");
  BOOST_TEST(!sqlite::findCurrent(reader, "E06000001", "2009-10-Q2"));  // the snapshot is taken
  std::size_t background = 0;
  {
    SqliteCheckpointer checkpointer(path, 1, writer, 20, 1000000);
    std::string body(6000, 'x');
    for (int i = 0; i < 40; ++i) {
      char id[40];
      std::snprintf(id, sizeof id, "%08d-3333-4333-8333-333333333333", i);
      acceptAndCommit(writer, checkpointer, id, body);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));  // time for a pass after each commit
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (checkpointer.backgroundCheckpoints() == 0 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    background = checkpointer.backgroundCheckpoints();
    BOOST_TEST(checkpointer.writerCheckpoints() == 0u);
  }
  reader.exec("COMMIT");
  BOOST_TEST(background == 1u);
  BOOST_TEST(store.revisions("E06000001", "2009-10-Q2").size() == 40u);
}

BOOST_AUTO_TEST_SUITE_END()

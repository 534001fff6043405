// SqlStore's own PostgreSQL connections: statements prepared once and kept,
// one transaction per accepted submission, and a pool that survives the
// server going away: connections ended by the server (pg_terminate_backend, a
// restart) are replaced and the call made again once, so no request fails for
// a connection that died while it was idle. Runs against the database of
// scripts/with-postgres (PROFKPI_STORE_BACKEND=postgresql); the restart case
// needs a cluster of its own (PgRestartTest, ctest adapter_tests_pg_restart).
#include "adapters/store/PgConnection.h"
#include "adapters/store/PgConnectionPool.h"
#include "adapters/store/PgQueries.h"
#include "adapters/store/SqlStore.h"
#include "engine/ports/Errors.h"
#include "tests/support/Process.h"
#include "tests/support/Records.h"
#include "tests/support/StoreFixture.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdlib>
#include <future>
#include <thread>
#include <vector>

using namespace profkpi::adapters::store;
using namespace profkpi::engine;
using profkpi::tests::acceptedAudit;
using profkpi::tests::StoreFixture;
using profkpi::tests::testingPostgres;

namespace {

std::string idNumber(int n) {
  char id[40];
  std::snprintf(id, sizeof id, "%08d-1111-4111-8111-111111111111", n);
  return id;
}

// Accepts `count` submissions from `count` threads at once, so the pool ends
// up holding several idle connections. Each for a period of its own.
void acceptConcurrently(SqlStore& store, int first, int count) {
  std::vector<std::future<Store::Outcome>> done;
  for (int i = first; i < first + count; ++i) {
    done.push_back(std::async(std::launch::async, [&store, i] {
      SubmissionRecord r = profkpi::tests::aggregateRecord(idNumber(i), "E06000001", "2009-10-Q2");
      r.organisation = "E0600000" + std::to_string(i % 10);
      return store.accept(r, "<xml/>", acceptedAudit(r.submissionId)).outcome;
    }));
  }
  for (auto& d : done) BOOST_TEST((d.get() == Store::Outcome::Stored));
}

// A connection of the test's own, to act on the store's from outside.
struct Admin {
  PgConnection c{std::getenv("PROFKPI_TEST_PG"), 10000};

  // Ends every other session on the database, as a restart or an operator
  // would, and waits until they are gone (as pg_ctl restart does).
  int terminateOthers() {
    const std::string others =
        " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        " AND backend_type = 'client backend'";
    int ended = c.run("SELECT pg_terminate_backend(pid)" + others).rows();
    for (int i = 0; i < 500 && c.run("SELECT pid" + others).rows() > 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return ended;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(PgConnectionTest)

BOOST_AUTO_TEST_CASE(statementsArePreparedOnceAndKeptOnTheServer) {
  if (!testingPostgres()) return;
  StoreFixture f;
  PgConnection c(f.config.connection, 10000);
  for (int i = 0; i < 5; ++i) BOOST_TEST(!pg::findCurrent(c, "E06000001", "2009-10-Q2"));
  BOOST_TEST(!pg::findKey(c, "abc"));
  BOOST_TEST(c.preparations() == 2u);
  // The server holds them too (Poco's connector deallocates each after one use).
  PgResult held = c.run("SELECT count(*) FROM pg_prepared_statements");
  BOOST_TEST(held.row(0).integer(0) == 3);
}

BOOST_AUTO_TEST_CASE(anAcceptIsOneTransaction) {
  if (!testingPostgres()) return;
  StoreFixture f;
  PgConnection c(f.config.connection, 10000);
  // txid_current() moves by one per transaction that wrote (each look-up before
  // it takes none of its own).
  auto xid = [&] { return c.run("SELECT txid_current()").row(0).integer(0); };
  std::int64_t before = xid();
  SubmissionRecord r = profkpi::tests::aggregateRecord(idNumber(1));
  BOOST_TEST((pg::accept(c, r, "<xml/>", acceptedAudit(r.submissionId)).outcome == Store::Outcome::Stored));
  BOOST_TEST(!!pg::findCurrentFigures(c, r.organisation, r.period));
  std::int64_t after = xid();
  // before's own, the accept's, and after's own.
  BOOST_TEST(after - before == 2);
  PgResult audited = c.run("SELECT count(*) FROM audit_log WHERE submission_id = ?", PgParams().text(r.submissionId));
  BOOST_TEST(audited.row(0).integer(0) == 1);
  PgResult body = c.run("SELECT length(b.body) FROM submission_bodies b JOIN submissions s ON s.seq = b.seq"
                        " WHERE s.submission_id = ?",
                        PgParams().text(r.submissionId));
  BOOST_TEST(body.row(0).integer(0) == 6);
}

BOOST_AUTO_TEST_CASE(connectionsEndedByTheServerFailNoRequest) {
  if (!testingPostgres()) return;
  StoreFixture f;
  acceptConcurrently(*f.store, 1, 8);
  Admin admin;
  BOOST_TEST(admin.terminateOthers() >= 2);
  // Every call the store makes on its own connections succeeds first time.
  BOOST_TEST(f.store->ping());
  acceptConcurrently(*f.store, 11, 8);
  BOOST_TEST(admin.terminateOthers() >= 2);
  BOOST_TEST(!!f.store->findBySubmissionId(idNumber(11)));
  BOOST_TEST(admin.terminateOthers() >= 1);
  SubmissionRecord r = profkpi::tests::aggregateRecord(idNumber(30));
  BOOST_TEST((f.store->accept(r, "<xml/>", acceptedAudit(r.submissionId)).outcome == Store::Outcome::Stored));
  BOOST_TEST(admin.terminateOthers() >= 1);
  f.store->appendAudit(acceptedAudit("refused-one"));
  BOOST_TEST(f.store->recentAudit(1).front().submissionId == "refused-one");
}

// The accept's connection is cut while it waits for its lock: nothing was
// committed, so it runs again on a new connection and is stored once.
BOOST_AUTO_TEST_CASE(anAcceptCutBeforeItsCommitIsRunAgainOnce) {
  if (!testingPostgres()) return;
  StoreFixture f;
  Admin admin;
  SubmissionRecord r = profkpi::tests::aggregateRecord(idNumber(40));
  admin.c.run("SELECT pg_advisory_lock(hashtext(?))", PgParams().text("id:" + r.submissionId));
  auto accepted = std::async(std::launch::async, [&] { return f.store->accept(r, "<xml/>", acceptedAudit(r.submissionId)); });
  int waiting = 0;
  for (int i = 0; i < 500 && waiting == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    waiting = static_cast<int>(
        admin.c.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event = 'advisory'").rows());
  }
  BOOST_REQUIRE(waiting == 1);
  admin.c.run("SELECT pg_advisory_unlock(hashtext(?))", PgParams().text("id:" + r.submissionId));
  BOOST_TEST((accepted.get().outcome == Store::Outcome::Stored));
  BOOST_TEST(f.store->revisions(r.organisation, r.period).size() == 1u);
}

BOOST_AUTO_TEST_CASE(aServerThatIsGoneIsAStoreError) {
  PgConnectionPool pool("host=127.0.0.1 port=1 dbname=x connect_timeout=2", 1000, 4);
  BOOST_CHECK_THROW(pool.withConnection([](PgConnection& c) { return pg::answers(c); }), StoreError);
}

BOOST_AUTO_TEST_SUITE_END()

// `pg_ctl restart` of a cluster of the test's own (scripts/with-postgres run
// inside the test, PROFKPI_TEST_PG_RESTART its restart command): the first
// request after it is stored and the health check passes at once. Disabled
// unless named: ctest adapter_tests_pg_restart runs it.
BOOST_AUTO_TEST_SUITE(PgRestartTest, *boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(theFirstRequestAfterARestartSucceeds) {
  const char* restart = std::getenv("PROFKPI_TEST_PG_RESTART");
  BOOST_REQUIRE_MESSAGE(restart != nullptr, "PROFKPI_TEST_PG_RESTART is not set (run through ctest)");
  BOOST_REQUIRE(testingPostgres());
  StoreFixture f;
  for (int round = 0; round < 3; ++round) {
    acceptConcurrently(*f.store, 100 * round + 1, 16);
    BOOST_REQUIRE(std::system(restart) == 0);
    auto started = std::chrono::steady_clock::now();
    BOOST_TEST(f.store->ping());
    auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    BOOST_TEST(took.count() < 1000);
    SubmissionRecord r = profkpi::tests::aggregateRecord(idNumber(100 * round + 50));
    BOOST_TEST((f.store->accept(r, "<xml/>", acceptedAudit(r.submissionId)).outcome == Store::Outcome::Stored));
    acceptConcurrently(*f.store, 100 * round + 60, 16);
    // Reads on Poco's sessions too.
    BOOST_TEST(f.store->revisions(r.organisation, r.period).size() >= 1u);
    BOOST_TEST(f.store->integrityProblems().empty());
  }
}

BOOST_AUTO_TEST_SUITE_END()

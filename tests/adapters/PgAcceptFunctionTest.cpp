// PostgreSQL's accept as one call of profkpi_accept (migration 7,
// adapters/store/PgAcceptFunction.h): the migration on a store that holds
// data, one SubmissionId sent at once from many threads, the advisory locks'
// order and timeout, and what the caller hears when the call's connection is
// lost: run again when the server ended it before the call could complete,
// "outcome unknown" (never run again) when it broke without the server's word.
// Runs against the database of scripts/with-postgres (PROFKPI_STORE_BACKEND=postgresql).
#include "adapters/store/Migrations.h"
#include "adapters/store/PgConnection.h"
#include "adapters/store/SqlStore.h"
#include "engine/ports/Errors.h"
#include "tests/support/Records.h"
#include "tests/support/StoreFixture.h"
#include "tests/support/TcpProxy.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <future>
#include <regex>
#include <thread>
#include <vector>

using namespace profkpi::adapters::store;
using namespace profkpi::engine;
using profkpi::tests::acceptedAudit;
using profkpi::tests::StoreFixture;
using profkpi::tests::testingPostgres;

namespace {

SubmissionRecord record(const std::string& id, const std::string& sha = std::string(64, 'a')) {
  SubmissionRecord r = profkpi::tests::aggregateRecord(id);
  r.sha256 = sha;
  return r;
}

const std::string ID1 = "11111111-1111-4111-8111-111111111111";
const std::string ID2 = "22222222-2222-4222-8222-222222222222";
const std::string ID3 = "33333333-3333-4333-8333-333333333333";

// A connection of the test's own, to look and to hold locks from outside the store.
struct Admin {
  PgConnection c{std::getenv("PROFKPI_TEST_PG"), 10000};

  std::int64_t count(const std::string& sql) { return c.run(sql).row(0).integer(0); }
  void lock(const std::string& key) { c.run("SELECT pg_advisory_lock(hashtext(?))", PgParams().text(key)); }
  void unlock(const std::string& key) { c.run("SELECT pg_advisory_unlock(hashtext(?))", PgParams().text(key)); }
  // Waits until a session other than `besides` waits for an advisory lock
  // (one just ended may still show); its process id, or 0.
  std::int64_t waitingForALock(std::int64_t besides = 0) {
    for (int i = 0; i < 500; ++i) {
      PgResult waiting = c.run("SELECT pid FROM pg_stat_activity WHERE wait_event = 'advisory' AND pid <> ?",
                               PgParams().integer(besides));
      if (waiting.rows() == 1) return waiting.row(0).integer(0);
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return 0;
  }
  // Ends a session, as an operator would.
  void terminate(std::int64_t pid) { c.run("SELECT pg_terminate_backend(?)", PgParams().integer(pid)); }
};

// The port of a libpq connection string.
int portOf(const std::string& conninfo) {
  std::smatch m;
  BOOST_REQUIRE(std::regex_search(conninfo, m, std::regex("port=([0-9]+)")));
  return std::stoi(m[1]);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PgAcceptFunctionTest)

// A store at version 6 with history (two revisions of one period, another
// organisation, bodies and audit rows) keeps every row through migration 7,
// and accepts through the function from where its numbering stood.
BOOST_AUTO_TEST_CASE(migrationSevenKeepsEveryRowOfAStoreThatHoldsData) {
  if (!testingPostgres()) return;
  StoreFixture f;
  f.store.reset();
  Admin admin;
  admin.c.run("DROP SCHEMA public CASCADE");
  admin.c.run("CREATE SCHEMA public");
  admin.c.run("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at_ms BIGINT NOT NULL,"
              " description TEXT NOT NULL)");
  for (const Migration& m : migrations()) {
    if (m.version > 6) break;
    for (const std::string& sql : m.statements) admin.c.run(sql);
    admin.c.run("INSERT INTO schema_migrations VALUES (?, 0, 'v6')", PgParams().integer(m.version));
  }
  // Version 6 with history, written as version 6 wrote it.
  struct Row {
    std::string id, org, period, body;
    int revision, current;
  };
  const std::vector<Row> rows = {{ID1, "E06000001", "2009-10-Q2", std::string("first\0\xff", 7), 1, 0},
                                 {ID2, "E06000001", "2009-10-Q2", "second", 2, 1},
                                 {ID3, "E06000002", "2009-10-Q2", "third", 1, 1}};
  for (const Row& r : rows) {
    PgResult seq = admin.c.run(
        "INSERT INTO submissions (submission_id, organisation, organisation_name, period, received_at_ms, channel,"
        " sha256, kind, schema_version, prepared_at, source_system, it_headcount, it_fte_hundredths, roles_total,"
        " roles_mapped, staff_assessed, staff_with_pdp, staff_recognised, cpd_days_hundredths, warnings, revision,"
        " is_current) VALUES (?, ?, 'Hartlepool', ?, 0, 'http', ?, 'aggregate', '1.0', '', '', 1, 100, 1, 1, 1, 1, 1,"
        " 100, '[]', ?, ?) RETURNING seq",
        PgParams().text(r.id).text(r.org).text(r.period).text(std::string(64, 'a')).integer(r.revision).integer(
            r.current));
    admin.c.run("INSERT INTO submission_bodies (seq, body) VALUES (?, ?)",
                PgParams().integer(seq.row(0).integer(0)).bytes(r.body));
    admin.c.run("INSERT INTO audit_log (at_ms, actor, action, submission_id, organisation, origin, detail)"
                " VALUES (0, 'test', 'accepted', ?, ?, 'here', '')",
                PgParams().text(r.id).text(r.org));
  }

  f.reopen();
  BOOST_TEST(f.store->schemaVersion() == 7);
  BOOST_TEST(admin.count("SELECT count(*) FROM submissions") == 3);
  BOOST_TEST(admin.count("SELECT count(*) FROM submission_bodies") == 3);
  BOOST_TEST(admin.count("SELECT count(*) FROM audit_log") == 3);
  for (const Row& r : rows) {
    BOOST_TEST(*f.store->originalBytes(r.id) == r.body);
    auto found = f.store->findBySubmissionId(r.id);
    BOOST_REQUIRE(found);
    BOOST_TEST(found->revision == r.revision);
    BOOST_TEST(found->current == (r.current == 1));
  }
  BOOST_TEST(f.store->integrityProblems().empty());

  // The function numbers on from the history it found, and answers a resend
  // of a superseded submission with that submission as stored.
  SubmissionRecord next = record("44444444-4444-4444-8444-444444444444", std::string(64, 'b'));
  auto stored = f.store->accept(next, "fourth", acceptedAudit(next.submissionId));
  BOOST_TEST((stored.outcome == Store::Outcome::Stored));
  BOOST_TEST(stored.record.revision == 3);
  BOOST_TEST(stored.record.current);
  BOOST_TEST(!f.store->findBySubmissionId(ID2)->current);
  auto resent = f.store->accept(record(ID1), "first", acceptedAudit(ID1));
  BOOST_TEST((resent.outcome == Store::Outcome::Duplicate));
  BOOST_TEST(resent.record.revision == 1);
  BOOST_TEST(!resent.record.current);
  BOOST_TEST(resent.record.organisationName == "Hartlepool");
  BOOST_TEST(admin.count("SELECT count(*) FROM submissions") == 4);
  BOOST_TEST(f.store->integrityProblems().empty());
  // Applied once: a second start finds it recorded and runs nothing.
  f.reopen();
  BOOST_TEST(admin.count("SELECT count(*) FROM schema_migrations WHERE version = 7") == 1);
}

// Sixteen threads send one SubmissionId at once, half with other bytes: one
// is stored, every other one is answered with that record as Duplicate (same
// bytes) or Conflict (other bytes), and only the stored one wrote anything.
BOOST_AUTO_TEST_CASE(oneSubmissionIdSentAtOnceIsStoredOnceAndAnsweredWithTheFirst) {
  if (!testingPostgres()) return;
  StoreFixture f;
  std::vector<std::future<Store::AcceptResult>> sent;
  for (int t = 0; t < 16; ++t) {
    sent.push_back(std::async(std::launch::async, [&f, t] {
      SubmissionRecord r = record(ID1, std::string(64, t % 2 == 0 ? 'a' : 'b'));
      return f.store->accept(r, t % 2 == 0 ? "even" : "odd", acceptedAudit(ID1));
    }));
  }
  std::vector<Store::AcceptResult> answers;
  for (auto& s : sent) answers.push_back(s.get());
  int stored = 0;
  std::string storedSha;
  std::int64_t storedSeq = 0;
  for (const auto& a : answers) {
    if (a.outcome != Store::Outcome::Stored) continue;
    ++stored;
    storedSha = a.record.sha256;
    storedSeq = a.record.sequence;
  }
  BOOST_REQUIRE(stored == 1);
  int duplicates = 0;
  for (std::size_t t = 0; t < answers.size(); ++t) {
    const auto& a = answers[t];
    BOOST_TEST(a.record.sequence == storedSeq);
    BOOST_TEST(a.record.sha256 == storedSha);
    BOOST_TEST(a.record.revision == 1);
    BOOST_TEST(a.record.current);
    if (a.outcome == Store::Outcome::Stored) continue;
    const bool sentSameBytes = std::string(64, t % 2 == 0 ? 'a' : 'b') == storedSha;
    BOOST_TEST((a.outcome == (sentSameBytes ? Store::Outcome::Duplicate : Store::Outcome::Conflict)));
    duplicates += sentSameBytes ? 1 : 0;
  }
  BOOST_TEST(duplicates == 7);
  Admin admin;
  BOOST_TEST(admin.count("SELECT count(*) FROM submissions") == 1);
  BOOST_TEST(admin.count("SELECT count(*) FROM submission_bodies") == 1);
  BOOST_TEST(admin.count("SELECT count(*) FROM audit_log") == 1);
  BOOST_TEST(*f.store->originalBytes(ID1) == (storedSha == std::string(64, 'a') ? "even" : "odd"));
}

// The SubmissionId's lock first, then the organisation and period's: an
// accept waiting for the first holds neither, so it cannot block another
// SubmissionId of the same period.
BOOST_AUTO_TEST_CASE(theSubmissionIdsLockIsTakenBeforeThePeriods) {
  if (!testingPostgres()) return;
  StoreFixture f;
  Admin admin;
  admin.lock("id:" + ID1);
  auto waiting = std::async(std::launch::async, [&] { return f.store->accept(record(ID1), "one", acceptedAudit(ID1)); });
  BOOST_REQUIRE(admin.waitingForALock() != 0);
  // Another SubmissionId of the same organisation and period is not held up.
  auto other = f.store->accept(record(ID2, std::string(64, 'c')), "two", acceptedAudit(ID2));
  BOOST_TEST((other.outcome == Store::Outcome::Stored));
  BOOST_TEST(other.record.revision == 1);
  admin.unlock("id:" + ID1);
  auto first = waiting.get();
  BOOST_TEST((first.outcome == Store::Outcome::Stored));
  BOOST_TEST(first.record.revision == 2);
  BOOST_TEST(f.store->integrityProblems().empty());
}

// A lock held past store.busyTimeoutSeconds is an error the caller hears
// (a 503), not a wait for ever; nothing is written, and once the lock is
// free the same submission is stored.
BOOST_AUTO_TEST_CASE(aLockHeldPastTheTimeoutIsAnErrorAndWritesNothing) {
  if (!testingPostgres()) return;
  StoreFixture f;
  SqlStoreOptions options;
  options.busyTimeoutSeconds = 1;
  SqlStore store(f.config.connector, f.config.connection, options);
  Admin admin;
  const std::string periodKey = "current:E06000001/2009-10-Q2";
  admin.lock(periodKey);
  auto started = std::chrono::steady_clock::now();
  std::string message;
  try {
    store.accept(record(ID1), "one", acceptedAudit(ID1));
  } catch (const StoreError& e) {
    message = e.what();
  }
  auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  BOOST_TEST(message.find("lock timeout") != std::string::npos, message);
  BOOST_TEST(message.find("outcome unknown") == std::string::npos, message);
  BOOST_TEST(waited.count() >= 900);
  BOOST_TEST(waited.count() < 5000);
  BOOST_TEST(admin.count("SELECT count(*) FROM submissions") == 0);
  BOOST_TEST(admin.count("SELECT count(*) FROM audit_log") == 0);
  admin.unlock(periodKey);
  BOOST_TEST((store.accept(record(ID1), "one", acceptedAudit(ID1)).outcome == Store::Outcome::Stored));
}

// The server ends the call's session while it waits for its lock (an error
// from the server before the call completed: nothing committed): run again
// once on a new connection; ended again, the caller hears an error and
// nothing is stored; sent again, it is stored once.
BOOST_AUTO_TEST_CASE(aCallTheServerEndsTwiceIsAnErrorAndStoresNothing) {
  if (!testingPostgres()) return;
  StoreFixture f;
  Admin admin;
  admin.lock("id:" + ID1);
  auto accepted = std::async(std::launch::async, [&] { return f.store->accept(record(ID1), "one", acceptedAudit(ID1)); });
  std::int64_t first = admin.waitingForALock();
  BOOST_REQUIRE(first != 0);
  admin.terminate(first);
  std::int64_t again = admin.waitingForALock(first);
  BOOST_REQUIRE(again != 0);
  admin.terminate(again);
  BOOST_CHECK_THROW(accepted.get(), StoreError);
  admin.unlock("id:" + ID1);
  BOOST_TEST(admin.count("SELECT count(*) FROM submissions") == 0);
  BOOST_TEST((f.store->accept(record(ID1), "one", acceptedAudit(ID1)).outcome == Store::Outcome::Stored));
  BOOST_TEST(admin.count("SELECT count(*) FROM submissions") == 1);
}

// The connection breaks without a word from the server while the call waits
// for its lock (a proxy cut in between). The server goes on and commits once
// the lock is free: the caller must hear "outcome unknown", not a retry's
// answer, and a resend learns the outcome (Duplicate); stored once.
BOOST_AUTO_TEST_CASE(aConnectionBrokenMidCallIsOutcomeUnknownAndStoredOnce) {
  if (!testingPostgres()) return;
  StoreFixture f;
  profkpi::tests::TcpProxy proxy(portOf(f.config.connection));
  std::string throughProxy =
      std::regex_replace(f.config.connection, std::regex("port=[0-9]+"), "port=" + std::to_string(proxy.port()));
  SqlStore store("postgresql", throughProxy);
  BOOST_TEST((store.accept(record(ID2, std::string(64, 'c')), "two", acceptedAudit(ID2)).outcome == Store::Outcome::Stored));
  Admin admin;
  admin.lock("id:" + ID1);
  auto accepted = std::async(std::launch::async, [&] { return store.accept(record(ID1), "one", acceptedAudit(ID1)); });
  BOOST_REQUIRE(admin.waitingForALock() != 0);
  BOOST_REQUIRE(proxy.cut() >= 1);
  std::string message;
  try {
    accepted.get();
  } catch (const StoreError& e) {
    message = e.what();
  }
  BOOST_TEST(message.find("outcome unknown") != std::string::npos, message);
  // No second call was made: the first one is still waiting on the server.
  BOOST_TEST(admin.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'advisory'") == 1);
  admin.unlock("id:" + ID1);
  for (int i = 0; i < 500 && admin.count("SELECT count(*) FROM submissions") < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  BOOST_TEST(admin.count("SELECT count(*) FROM submissions WHERE submission_id = '" + ID1 + "'") == 1);
  auto resent = store.accept(record(ID1), "one", acceptedAudit(ID1));
  BOOST_TEST((resent.outcome == Store::Outcome::Duplicate));
  BOOST_TEST(resent.record.revision == 2);
  BOOST_TEST(admin.count("SELECT count(*) FROM submissions") == 2);
  BOOST_TEST(store.integrityProblems().empty());
}

BOOST_AUTO_TEST_SUITE_END()

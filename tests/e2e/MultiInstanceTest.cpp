// Two `profkpi serve` instances on one PostgreSQL database, laid out as
// docs/OPERATIONS.md says ("Several instances on one PostgreSQL"): the store
// and reports.dir shared, one inbox shared with a claim name per instance.
// Files dropped into the shared inbox are each stored, audited and answered
// once; the same submission posted to both is stored once; nightly runs from
// either instance build one archive. PostgreSQL only: ctest
// e2e_multi_instance_postgresql (disabled unless named). The long form
// (PROFKPI_LONG_TESTS=1) kills one instance and restarts the database under 16
// posters and checks that nothing acknowledged was lost.
#include "adapters/store/SqlStore.h"
#include "tests/support/Documents.h"
#include "tests/support/LoadPosters.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/StoreFixture.h"

#include <Poco/File.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <regex>
#include <thread>

using namespace profkpi::tests;

namespace {

bool exists(const std::string& path) { return Poco::File(path).exists(); }

std::vector<std::string> namesIn(const std::string& folder) {
  std::vector<std::string> names;
  if (exists(folder)) Poco::File(folder).list(names);
  return names;
}

std::string idNumber(int n) {
  char id[40];
  std::snprintf(id, sizeof id, "dddddddd-0000-4000-8000-%012d", n);
  return id;
}

std::string document(const std::string& id) {
  HeaderFields h;
  h.submissionId = id;
  return aggregateDocument(h);
}

struct TwoInstances {
  TempDir shared;
  StoreConfig store = freshStoreConfig(shared);
  std::string inbox = shared.file("inbox");
  std::string reports = shared.file("reports");
  ServerProcess a{layout("instance-a")};
  ServerProcess b{layout("instance-b")};

  std::string layout(const std::string& claimName) const {
    return "store.connector = " + store.connector + "\nstore.connection = " + store.connection +
           "\ninbox.dir = " + inbox + "\ninbox.claimName = " + claimName + "\nreports.dir = " + reports +
           "\ninbox.pollMilliseconds = 50\nnightly.enabled = false\n";
  }

  std::size_t auditRows(const std::string& action) const {
    profkpi::adapters::store::SqlStore s(store.connector, store.connection);
    std::size_t n = 0;
    for (const auto& entry : s.recentAudit(100000)) n += entry.action == action ? 1 : 0;
    return n;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(MultiInstanceTest, *boost::unit_test::disabled())

BOOST_FIXTURE_TEST_CASE(filesInASharedInboxAreTakenOnceEach, TwoInstances) {
  const int files = 200;
  for (int i = 0; i < files; ++i) {
    std::string name = inbox + "/return-" + std::to_string(i) + ".xml";
    writeFile(name + ".part", document(idNumber(i)));
    BOOST_REQUIRE(std::rename((name + ".part").c_str(), name.c_str()) == 0);
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (namesIn(inbox + "/accepted").size() < 2u * files && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::vector<std::string> accepted = namesIn(inbox + "/accepted");
  BOOST_TEST(accepted.size() == 2u * files);  // each file and its one receipt
  const std::regex renamed(R"(\.xml\.[0-9])");  // NAME.1, NAME.1.receipt.json: a second answer
  for (const std::string& name : accepted) BOOST_TEST(!std::regex_search(name, renamed), name);
  BOOST_TEST(namesIn(inbox + "/refused").empty());
  BOOST_TEST(auditRows("accepted") == static_cast<std::size_t>(files));
  BOOST_TEST(auditRows("duplicate") == 0u);
  std::string logs = readFile(a.logPath()) + readFile(b.logPath());
  BOOST_TEST(logs.find("cannot move") == std::string::npos);
  BOOST_TEST(logs.find("will try again") == std::string::npos);
  // Both took part, and nothing is left claimed.
  BOOST_TEST(readFile(a.logPath()).find(": accepted, ") != std::string::npos);
  BOOST_TEST(readFile(b.logPath()).find(": accepted, ") != std::string::npos);
  BOOST_TEST(namesIn(inbox + "/.claimed/instance-a").empty());
  BOOST_TEST(namesIn(inbox + "/.claimed/instance-b").empty());
}

// An instance killed with files still claimed: the other one adopts and
// finishes them (the killed process's lock on its claim folder died with it),
// and the killed one starts again under its own name afterwards.
BOOST_FIXTURE_TEST_CASE(filesClaimedByAKilledInstanceAreFinishedByTheOther, TwoInstances) {
  a.kill();
  const std::string left = inbox + "/.claimed/instance-a/left.xml";
  writeFile(left + ".part", document(idNumber(500)));
  BOOST_REQUIRE(std::rename((left + ".part").c_str(), left.c_str()) == 0);
  for (int i = 0; i < 200 && !exists(inbox + "/accepted/left.xml"); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  BOOST_TEST(exists(inbox + "/accepted/left.xml"));
  BOOST_TEST(!exists(left));
  BOOST_TEST(readFile(b.logPath()).find("left.xml: adopted from instance-a") != std::string::npos);
  BOOST_TEST(auditRows("accepted") == 1u);
  a.start();
  BOOST_TEST(a.request("GET", "/healthz").status == 200);
}

BOOST_FIXTURE_TEST_CASE(oneSubmissionPostedToBothIsStoredOnce, TwoInstances) {
  std::string key = a.addKey("E06000001", "submitter");
  for (int round = 0; round < 20; ++round) {
    std::string body = document(idNumber(1000 + round));
    auto toA = std::async(std::launch::async, [&] { return a.post(key, body).status; });
    auto toB = std::async(std::launch::async, [&] { return b.post(key, body).status; });
    int first = toA.get();
    int second = toB.get();
    BOOST_TEST(((first == 201 && second == 200) || (first == 200 && second == 201)), first << " " << second);
  }
  BOOST_TEST(auditRows("accepted") == 20u);
  BOOST_TEST(auditRows("duplicate") == 20u);
  BOOST_TEST(a.request("GET", "/healthz").status == 200);
  BOOST_TEST(b.request("GET", "/healthz").status == 200);
}

BOOST_FIXTURE_TEST_CASE(nightlyRunsFromEitherInstanceBuildOneArchive, TwoInstances) {
  std::string key = a.addKey("E06000001", "submitter");
  BOOST_REQUIRE(a.post(key, document(idNumber(2000))).status == 201);
  ProcessResult first = runProcess({profkpiBinary(), "nightly", "--config", a.configPath(), "--at", "2009-11-01T02:00:00Z"});
  BOOST_REQUIRE_MESSAGE(first.exitCode == 0, first.err);
  std::string key2 = b.addKey("E06000002", "submitter");
  HeaderFields h;
  h.submissionId = idNumber(2001);
  h.organisationCode = "E06000002";
  h.organisationName = "Middlesbrough Borough Council";
  BOOST_REQUIRE(b.post(key2, aggregateDocument(h)).status == 201);
  ProcessResult second =
      runProcess({profkpiBinary(), "nightly", "--config", b.configPath(), "--at", "2009-11-02T02:00:00Z"});
  BOOST_REQUIRE_MESSAGE(second.exitCode == 0, second.err);
  std::string sums = readFile(reports + "/2009-10-Q2/SHA256SUMS");
  BOOST_TEST(sums.find("E06000001.pdf") != std::string::npos, sums);
  BOOST_TEST(sums.find("E06000002.pdf") != std::string::npos, sums);
  BOOST_TEST(exists(reports + "/2009-10-Q2/E06000001.pdf"));
  BOOST_TEST(exists(reports + "/2009-10-Q2/E06000002.pdf"));
}

// `pg_ctl restart` under both instances once every pooled connection has been
// used: on each, the first health check after the database is back is 200
// within 1 s and the first submission is stored (no request pays for a
// connection that died while idle).
BOOST_FIXTURE_TEST_CASE(afterADatabaseRestartTheFirstRequestsSucceed, TwoInstances) {
  const char* restart = std::getenv("PROFKPI_TEST_PG_RESTART");
  BOOST_REQUIRE_MESSAGE(restart != nullptr, "needs a cluster of its own: ctest e2e_multi_instance_postgresql");
  std::string key = a.addKey("E06000001", "submitter");
  int next = 3000;
  for (int round = 0; round < 2; ++round) {
    std::vector<std::future<int>> warm;  // 16 at once on each: the pools fill
    for (int i = 0; i < 32; ++i, ++next) {
      ServerProcess& to = i % 2 == 0 ? a : b;
      warm.push_back(std::async(std::launch::async, [&to, &key, body = document(idNumber(next))] {
        return to.post(key, body).status;
      }));
    }
    for (auto& w : warm) BOOST_TEST(w.get() == 201);
    BOOST_REQUIRE(std::system(restart) == 0);
    for (ServerProcess* instance : {&a, &b}) {
      auto started = std::chrono::steady_clock::now();
      HttpResult health = instance->request("GET", "/healthz");
      auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
      BOOST_TEST(health.status == 200, health.body);
      BOOST_TEST(took.count() < 1000);
      BOOST_TEST(instance->post(key, document(idNumber(next++))).status == 201);
    }
  }
  std::string logs = readFile(a.logPath()) + readFile(b.logPath());
  BOOST_TEST(logs.find("server closed the connection") == std::string::npos, logs);
}

// libpq's NOTICEs (CREATE TABLE IF NOT EXISTS on a migrated store) are not
// printed on every command's standard error, and database errors are one line.
BOOST_FIXTURE_TEST_CASE(commandsOnAMigratedStorePrintNoNotice, TwoInstances) {
  ProcessResult listed = runProcess({profkpiBinary(), "keys", "list", "--config", a.configPath()});
  BOOST_TEST(listed.exitCode == 0, listed.err);
  BOOST_TEST(listed.err.find("NOTICE") == std::string::npos, listed.err);
  BOOST_TEST(readFile(a.logPath()).find("NOTICE") == std::string::npos);
}

// Long form: one instance killed and the database restarted while 16 posters
// post to both; every acknowledged submission is stored with its bytes.
BOOST_FIXTURE_TEST_CASE(killAndDatabaseRestartUnderLoadLoseNothingAcknowledged, TwoInstances) {
  const char* restart = std::getenv("PROFKPI_TEST_PG_RESTART");
  if (std::getenv("PROFKPI_LONG_TESTS") == nullptr || restart == nullptr) {
    BOOST_TEST_MESSAGE("long form: PROFKPI_LONG_TESTS=1 with a cluster of its own (PROFKPI_TEST_PG_RESTART)");
    return;
  }
  std::vector<PosterKey> keys{{"E06000001", a.addKey("E06000001", "submitter")},
                              {"E06000002", a.addKey("E06000002", "submitter")}};
  LoadPosters toA(a.port(), keys, 8, 2101);
  LoadPosters toB(b.port(), keys, 8, 2102);
  toA.start();
  toB.start();
  for (int round = 0; round < 5; ++round) {
    std::this_thread::sleep_for(std::chrono::seconds(2));
    a.kill();
    BOOST_REQUIRE(std::system(restart) == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    a.start();
    BOOST_TEST(b.request("GET", "/healthz").status == 200);
    BOOST_TEST(a.request("GET", "/healthz").status == 200);
  }
  std::this_thread::sleep_for(std::chrono::seconds(2));
  toA.stop();
  toB.stop();
  BOOST_TEST(toA.wrongAnswers().empty());
  BOOST_TEST(toB.wrongAnswers().empty());
  profkpi::adapters::store::SqlStore s(store.connector, store.connection);
  std::size_t acknowledged = 0;
  for (const LoadPosters* posters : {&toA, &toB}) {
    for (const auto& [id, bytes] : posters->acknowledged()) {
      ++acknowledged;
      auto stored = s.originalBytes(id);
      BOOST_TEST((stored && *stored == bytes), id);
    }
  }
  BOOST_TEST(acknowledged > 100u);
  BOOST_TEST(s.integrityProblems().empty());
}

BOOST_AUTO_TEST_SUITE_END()

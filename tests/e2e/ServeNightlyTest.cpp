// The schedule inside a real `profkpi serve`: a run missed while the service
// was down happens at start-up, once; a restart the same day runs nothing.
#include "adapters/store/SqlRunLedger.h"
#include "engine/nightly/NightlySchedule.h"
#include "engine/ports/Clock.h"
#include "tests/support/Documents.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestSmtpServer.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

using namespace profkpi::tests;
using namespace profkpi::engine;
using profkpi::adapters::store::SqlRunLedger;
using profkpi::adapters::store::SqlStore;

namespace {

bool eventually(const std::function<bool()>& condition) {
  for (int i = 0; i < 600; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ServeNightlyTest)

BOOST_AUTO_TEST_CASE(aRunMissedWhileTheServiceWasDownHappensAtStartUpOnce) {
  TempDir data;
  TestSmtpServer smtp;
  std::string storePath = data.file("store.db");
  std::string config = data.file("ingest.properties");
  writeFile(config, "store.connection = " + storePath + "\n");
  ProcessResult ingest = runProcess({profkpiBinary(), "ingest", "--config", config, samplesDir() + "/valid"});
  BOOST_REQUIRE_MESSAGE(ingest.exitCode == 0, ingest.err);
  NightlySchedule schedule(TimeOfDay{2, 0}, "Europe/London");
  Date today = schedule.dayAt(SystemClock().now());
  {
    // The last scheduled run was three days ago; the service has been down since.
    SqlStore store("sqlite", storePath);
    RunRecord last;
    last.trigger = RunTrigger::Schedule;
    last.servedDay = today - date::days{3};
    last.holder = "old-host:1";
    last.startedAt = schedule.dueAt(*last.servedDay);
    last.finishedAt = last.startedAt;
    last.outcome = RunOutcome::Succeeded;
    SqlRunLedger(store).beginRun(last);
  }

  ServerProcess server("store.connection = " + storePath + "\nsmtp.host = 127.0.0.1\nsmtp.port = " +
                       std::to_string(smtp.port()) + "\nsmtp.retryDelayMilliseconds = 10\nsmtp.tls = none\n");
  BOOST_TEST(eventually([&] { return smtp.received().size() == 4u; }), readFile(server.logPath()));
  BOOST_TEST(eventually([&] { return count(readFile(server.logPath()), "next nightly run due at") == 1u; }));
  BOOST_TEST(server.stop() == 0);
  std::string log = readFile(server.logPath());
  BOOST_TEST(count(log, "succeeded: 4 board reports and 1 sector report rendered, 4 mailed") == 1u, log);
  BOOST_TEST(log.find("[ERRFMT]") == std::string::npos, log);  // the run's number is printed

  server.start();  // the same day: nothing is due
  BOOST_TEST(eventually([&] { return count(readFile(server.logPath()), "next nightly run due at") == 1u; }),
             readFile(server.logPath()));
  BOOST_TEST(server.stop() == 0);
  BOOST_TEST(smtp.received().size() == 4u);
  SqlStore store("sqlite", storePath);
  auto runs = SqlRunLedger(store).recentRuns(10);
  BOOST_REQUIRE(runs.size() == 2u);
  BOOST_TEST((runs[0].trigger == RunTrigger::Schedule));
  BOOST_TEST(formatDate(*runs[0].servedDay) == formatDate(today));
  BOOST_TEST((runs[0].outcome == RunOutcome::Succeeded));
}

BOOST_AUTO_TEST_CASE(aFreshServiceArmsTheScheduleWithoutRunning) {
  ServerProcess server;
  BOOST_TEST(eventually([&] { return count(readFile(server.logPath()), "next nightly run due at") == 1u; }),
             readFile(server.logPath()));
  BOOST_TEST(server.stop() == 0);
  SqlStore store("sqlite", server.storePath());
  auto runs = SqlRunLedger(store).recentRuns(10);
  BOOST_REQUIRE(runs.size() == 1u);
  BOOST_TEST((runs[0].outcome == RunOutcome::Armed));
}

BOOST_AUTO_TEST_SUITE_END()

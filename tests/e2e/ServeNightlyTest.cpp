// The schedule inside a real `profkpi serve` (or several sharing one
// PostgreSQL: PROFKPI_TEST_INSTANCES, tests/support/ServerProcess.h): a run
// missed while the service was down happens at start-up, once; a restart the
// same day runs nothing.
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

// With several instances (PROFKPI_TEST_INSTANCES) every one finds the run due
// at start-up and the lease lets one of them run it: one run, four mails.
BOOST_AUTO_TEST_CASE(aRunMissedWhileTheServiceWasDownHappensAtStartUpOnce) {
  TestSmtpServer smtp;
  ServerProcess server("smtp.host = 127.0.0.1\nsmtp.port = " + std::to_string(smtp.port()) +
                           "\nsmtp.retryDelayMilliseconds = 10\nsmtp.tls = none\n",
                       {}, ServerProcess::Start::Later);
  ProcessResult ingest = runProcess({profkpiBinary(), "ingest", "--config", server.configPath(), samplesDir() + "/valid"});
  BOOST_REQUIRE_MESSAGE(ingest.exitCode == 0, ingest.err);
  NightlySchedule schedule(TimeOfDay{2, 0}, "Europe/London");
  Date today = schedule.dayAt(SystemClock().now());
  {
    // The last scheduled run was three days ago; the service has been down since.
    SqlStore store(server.store().connector, server.store().connection);
    RunRecord last;
    last.trigger = RunTrigger::Schedule;
    last.servedDay = today - date::days{3};
    last.holder = "old-host:1";
    last.startedAt = schedule.dueAt(*last.servedDay);
    last.finishedAt = last.startedAt;
    last.outcome = RunOutcome::Succeeded;
    SqlRunLedger(store).beginRun(last);
  }

  server.start();
  BOOST_TEST(eventually([&] { return smtp.received().size() == 4u; }), server.logs());
  // Each instance says when it polls next: tomorrow, or (one that found the run busy) in a minute.
  BOOST_TEST(eventually([&] { return count(server.logs(), "next nightly run due at") >= server.instances(); }));
  BOOST_TEST(server.stop() == 0);
  std::string log = server.logs();
  BOOST_TEST(count(log, "succeeded: 4 board reports and 1 sector report rendered, 4 mailed") == 1u, log);
  BOOST_TEST(log.find("[ERRFMT]") == std::string::npos, log);  // the run's number is printed

  server.start();  // the same day: nothing is due, on any instance
  BOOST_TEST(eventually([&] { return count(server.logs(), "next nightly run due at") == server.instances(); }),
             server.logs());
  BOOST_TEST(server.stop() == 0);
  BOOST_TEST(smtp.received().size() == 4u);
  SqlStore store(server.store().connector, server.store().connection);
  auto runs = SqlRunLedger(store).recentRuns(10);
  BOOST_REQUIRE(runs.size() == 2u);
  BOOST_TEST((runs[0].trigger == RunTrigger::Schedule));
  BOOST_TEST(formatDate(*runs[0].servedDay) == formatDate(today));
  BOOST_TEST((runs[0].outcome == RunOutcome::Succeeded));
}

// Arming is not under the lease: instances started together may each find the
// ledger empty and arm it (one row each, up to one per instance); none runs.
BOOST_AUTO_TEST_CASE(aFreshServiceArmsTheScheduleWithoutRunning) {
  ServerProcess server;
  BOOST_TEST(eventually([&] { return count(server.logs(), "next nightly run due at") == server.instances(); }),
             server.logs());
  BOOST_TEST(server.stop() == 0);
  SqlStore store(server.store().connector, server.store().connection);
  auto runs = SqlRunLedger(store).recentRuns(10);
  BOOST_REQUIRE(runs.size() >= 1u);
  BOOST_TEST(runs.size() <= server.instances());
  for (const auto& run : runs) BOOST_TEST((run.outcome == RunOutcome::Armed));
}

BOOST_AUTO_TEST_SUITE_END()

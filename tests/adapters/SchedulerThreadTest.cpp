// The serve thread around the engine's scheduler: it polls at once (catch-up),
// notices a wall clock that jumps, and stops promptly however long it meant to
// sleep. The fakes are read only after the thread has stopped.
#include "adapters/scheduler/SchedulerThread.h"
#include "tests/support/NightlyFixture.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

using namespace profkpi::engine;
using namespace profkpi::tests;
using profkpi::adapters::scheduler::SchedulerOptions;
using profkpi::adapters::scheduler::SchedulerThread;

namespace {

struct Fixture : NightlyFixture {
  NightlySchedule schedule{TimeOfDay{2, 0}, "Europe/London"};
  NightlyScheduler scheduler{schedule, ledger, nightly, clock};

  RunRequest request() const {
    RunRequest r;
    r.holder = "serve:1";
    return r;
  }

  // Waits (briefly, in real time) until the thread has polled `n` times in all.
  static bool awaitPolls(const SchedulerThread& thread, std::size_t n) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (thread.polls() < n) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(SchedulerThreadTest, Fixture)

BOOST_AUTO_TEST_CASE(pollsAtOnceAndStopsPromptlyFromALongSleep) {
  SchedulerThread thread(scheduler, clock, request());  // sleeps up to a minute at a time
  thread.start();
  BOOST_REQUIRE(awaitPolls(thread, 1));
  auto asked = std::chrono::steady_clock::now();
  thread.stop();
  BOOST_TEST((std::chrono::steady_clock::now() - asked < std::chrono::seconds(1)));
  BOOST_REQUIRE(ledger.runs.size() == 1u);
  BOOST_TEST((ledger.runs[0].outcome == RunOutcome::Armed));
}

BOOST_AUTO_TEST_CASE(aRunMissedWhileDownStartsWithTheThread) {
  submit(HARTLEPOOL, "2025-26-Q3", 5);
  RunRecord served;
  served.trigger = RunTrigger::Schedule;
  served.servedDay = lexical::date("2026-03-24");
  served.outcome = RunOutcome::Succeeded;
  ledger.beginRun(served);
  SchedulerThread thread(scheduler, clock, request());
  thread.start();
  BOOST_REQUIRE(awaitPolls(thread, 1));
  thread.stop();
  BOOST_REQUIRE(ledger.realRuns().size() == 2u);
  BOOST_TEST(formatDate(*ledger.realRuns().back().servedDay) == "2026-03-28");
  BOOST_TEST(mailer.sent.size() == 1u);
}

BOOST_AUTO_TEST_CASE(aWallClockSetForwardIsNoticedWithinOneSleep) {
  SchedulerOptions options;
  options.maxSleep = std::chrono::milliseconds(5);
  SchedulerThread thread(scheduler, clock, request(), options);
  thread.start();
  BOOST_REQUIRE(awaitPolls(thread, 1));  // armed; next run tomorrow 02:00
  clock.set("2026-03-29T01:00:00Z");     // the clock jumps to 02:00 BST
  std::size_t polled = thread.polls();
  BOOST_REQUIRE(awaitPolls(thread, polled + 2));
  thread.stop();
  BOOST_REQUIRE(ledger.realRuns().size() == 1u);
  BOOST_TEST(formatDate(*ledger.realRuns().front().servedDay) == "2026-03-29");
}

BOOST_AUTO_TEST_CASE(aFailingPollIsLoggedAndTriedAgainLater) {
  // A store that fails: the ledger's lease cannot be read while "other" holds
  // it for ever; here, simply a poll that throws.
  struct ThrowingClock final : Clock {
    Instant now() const override { throw StoreError("clock on fire"); }
  } broken;
  NightlyScheduler failing{schedule, ledger, nightly, broken};
  SchedulerOptions options;
  options.retryAfterError = std::chrono::milliseconds(5);
  SchedulerThread thread(failing, clock, request(), options);
  thread.start();
  BOOST_REQUIRE(awaitPolls(thread, 3));
  thread.stop();
  BOOST_TEST(ledger.runs.empty());
}

BOOST_AUTO_TEST_SUITE_END()

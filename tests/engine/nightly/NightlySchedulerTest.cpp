// The schedule driving real nightly runs over fakes, on a clock the test moves
// (no sleeping): once per local day for a whole year including both clock
// changes, catch-up after downtime, no double run with two schedulers.
#include "engine/nightly/NightlyScheduler.h"
#include "tests/support/NightlyFixture.h"

#include <boost/test/unit_test.hpp>

#include <map>

using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

struct Fixture : NightlyFixture {
  NightlySchedule schedule{TimeOfDay{1, 30}, "Europe/London"};
  NightlyScheduler scheduler{schedule, ledger, nightly, clock};
  RunRequest request = [] {
    RunRequest r;
    r.holder = "serve:1";
    return r;
  }();

  Poll pollAt(const std::string& iso) {
    clock.set(iso);
    return scheduler.poll(request);
  }

  // Polls every `step` from `from` until `to`; the start instants of the runs made, by local day.
  std::map<std::string, std::vector<Instant>> pollEvery(std::chrono::minutes step, const std::string& from,
                                                        const std::string& to) {
    std::map<std::string, std::vector<Instant>> runs;
    clock.set(from);
    Instant end = lexical::zonedDateTime(to)->instant;
    for (Instant t = clock.now(); t < end; t += step) {
      clock.set(formatInstant(t));
      Poll poll = scheduler.poll(request);
      if (poll.summary && poll.summary->result == RunSummary::Result::Ran) {
        runs[formatDate(*poll.summary->run.servedDay)].push_back(poll.summary->run.startedAt);
      }
    }
    return runs;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(NightlySchedulerTest, Fixture)

BOOST_AUTO_TEST_CASE(firstPollArmsTheScheduleAndRunsNothing) {
  Poll poll = pollAt("2026-03-28T12:00:00Z");
  BOOST_TEST(poll.armed);
  BOOST_TEST(!poll.summary.has_value());
  BOOST_TEST(formatInstant(poll.next) == "2026-03-29T01:00:00Z");
  BOOST_REQUIRE(ledger.runs.size() == 1u);
  BOOST_TEST((ledger.runs[0].outcome == RunOutcome::Armed));
  BOOST_TEST(ledger.runs[0].detail.find("every day at 01:30 Europe/London") != std::string::npos);
  BOOST_TEST(!pollAt("2026-03-29T00:59:00Z").summary.has_value());
}

BOOST_AUTO_TEST_CASE(aWholeYearRunsOncePerLocalDayRightOnBothClockChanges) {
  submit(HARTLEPOOL, "2025-26-Q3", 5);
  std::map<std::string, std::vector<Instant>> runs = pollEvery(std::chrono::minutes(10), "2026-01-01T00:00:00Z",
                                                               "2027-01-01T00:00:00Z");
  // Armed on 1 January at 00:00 (which counts as 31 December's), then every day.
  BOOST_TEST(runs.size() == 365u);
  for (const auto& [day, starts] : runs) BOOST_TEST(starts.size() == 1u, day << " ran " << starts.size() << " times");
  BOOST_TEST(formatInstant(runs.at("2026-01-01").front()) == "2026-01-01T01:30:00Z");
  BOOST_TEST(formatInstant(runs.at("2026-03-28").front()) == "2026-03-28T01:30:00Z");
  BOOST_TEST(formatInstant(runs.at("2026-03-29").front()) == "2026-03-29T01:00:00Z");  // 01:30 does not exist
  BOOST_TEST(formatInstant(runs.at("2026-03-30").front()) == "2026-03-30T00:30:00Z");  // 01:30 BST
  BOOST_TEST(formatInstant(runs.at("2026-10-25").front()) == "2026-10-25T00:30:00Z");  // the first 01:30
  BOOST_TEST(formatInstant(runs.at("2026-10-26").front()) == "2026-10-26T01:30:00Z");
  BOOST_TEST(ledger.realRuns().size() == 365u);
  BOOST_TEST(renderer.boards == 1);  // the data never changed after the first run
}

BOOST_AUTO_TEST_CASE(aThreadThatSleepsUntilTheNextDueTimeRunsEachDayAtThatTime) {
  // As the serve thread does: poll, then sleep until `next`.
  NightlySchedule twoAm{TimeOfDay{2, 0}, "Europe/London"};
  NightlyScheduler s{twoAm, ledger, nightly, clock};
  clock.set("2026-03-27T12:00:00Z");
  std::vector<std::string> starts;
  for (int i = 0; i < 6; ++i) {
    Poll poll = s.poll(request);
    if (poll.summary) starts.push_back(formatInstant(poll.summary->run.startedAt));
    clock.set(formatInstant(poll.next));
  }
  std::vector<std::string> expected{"2026-03-28T02:00:00Z", "2026-03-29T01:00:00Z", "2026-03-30T01:00:00Z",
                                    "2026-03-31T01:00:00Z", "2026-04-01T01:00:00Z"};
  BOOST_TEST(starts == expected, boost::test_tools::per_element());
  clock.set("2026-10-24T12:00:00Z");
  starts.clear();
  for (int i = 0; i < 3; ++i) {
    Poll poll = s.poll(request);
    if (poll.summary) starts.push_back(formatInstant(poll.summary->run.startedAt));
    clock.set(formatInstant(poll.next));
  }
  // The first poll catches 24 October up (missed while "down"); then 02:00 on the day the
  // clocks go back (GMT again by then) and the day after.
  expected = {"2026-10-24T12:00:00Z", "2026-10-25T02:00:00Z", "2026-10-26T02:00:00Z"};
  BOOST_TEST(starts == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(fallBackDayRunsOnceThoughItsTimeComesTwice) {
  pollAt("2026-10-24T12:00:00Z");  // arm
  Poll first = pollAt("2026-10-25T00:30:00Z");
  BOOST_REQUIRE(first.summary);
  BOOST_TEST(formatDate(*first.summary->run.servedDay) == "2026-10-25");
  for (const char* again : {"2026-10-25T00:45:00Z", "2026-10-25T01:30:00Z", "2026-10-25T01:45:00Z", "2026-10-25T23:59:00Z"}) {
    Poll poll = pollAt(again);
    BOOST_TEST(!poll.summary.has_value(), again);
    BOOST_TEST(formatInstant(poll.next) == "2026-10-26T01:30:00Z");
  }
  BOOST_TEST(ledger.realRuns().size() == 1u);
}

BOOST_AUTO_TEST_CASE(springForwardDayRunsOnceWhenTheGapEnds) {
  pollAt("2026-03-28T12:00:00Z");
  BOOST_TEST(!pollAt("2026-03-29T00:59:59Z").summary.has_value());
  Poll poll = pollAt("2026-03-29T01:00:00Z");
  BOOST_REQUIRE(poll.summary);
  BOOST_TEST(formatDate(*poll.summary->run.servedDay) == "2026-03-29");
  BOOST_TEST(!pollAt("2026-03-29T01:30:00Z").summary.has_value());
  BOOST_TEST(!pollAt("2026-03-29T23:00:00Z").summary.has_value());
  BOOST_TEST(pollAt("2026-03-30T00:30:00Z").summary.has_value());  // 01:30 BST
}

BOOST_AUTO_TEST_CASE(aRunMissedWhileDownRunsAtStartUpOnce) {
  submit(HARTLEPOOL, "2025-26-Q3", 5);
  pollAt("2026-03-01T12:00:00Z");             // arm
  BOOST_TEST(pollAt("2026-03-02T01:30:00Z").summary.has_value());  // served 2 March
  // Down from 2 March until 6 March 15:00; meanwhile a submission arrives.
  submit(MIDDLESBROUGH, "2025-26-Q3", 7);
  Poll startUp = pollAt("2026-03-06T15:00:00Z");
  BOOST_REQUIRE(startUp.summary);
  BOOST_TEST(formatDate(*startUp.summary->run.servedDay) == "2026-03-06");
  BOOST_TEST(startUp.summary->run.counts.boards == 1u);
  BOOST_TEST(mailer.sent.size() == 2u);
  Poll after = pollAt("2026-03-06T15:01:00Z");
  BOOST_TEST(!after.summary.has_value());
  BOOST_TEST(formatInstant(after.next) == "2026-03-07T01:30:00Z");
  BOOST_TEST(ledger.realRuns().size() == 2u);
}

BOOST_AUTO_TEST_CASE(downtimeEndingBeforeTheDueTimeCatchesUpYesterdayThenRunsToday) {
  pollAt("2026-03-01T12:00:00Z");
  BOOST_TEST(pollAt("2026-03-02T01:30:00Z").summary.has_value());
  Poll startUp = pollAt("2026-03-05T01:00:00Z");
  BOOST_REQUIRE(startUp.summary);
  BOOST_TEST(formatDate(*startUp.summary->run.servedDay) == "2026-03-04");
  BOOST_TEST(formatInstant(startUp.next) == "2026-03-05T01:30:00Z");
  BOOST_TEST(!pollAt("2026-03-05T01:10:00Z").summary.has_value());
  BOOST_TEST(pollAt("2026-03-05T01:30:00Z").summary.has_value());
}

BOOST_AUTO_TEST_CASE(twoSchedulersSharingAStoreRunOncePerDay) {
  // A second process: its own run and scheduler, the same store and ledger.
  NightlyRun otherRun{store, results, ledger, deliveries, renderer, archive, &mailer, clock, options};
  NightlyScheduler other{schedule, ledger, otherRun, clock};
  RunRequest otherRequest;
  otherRequest.holder = "serve:2";
  submit(HARTLEPOOL, "2025-26-Q3", 5);
  clock.set("2026-03-20T00:00:00Z");
  std::map<std::string, int> runsPerDay;
  for (int step = 0; step < 20 * 24 * 6; ++step) {
    for (auto* pair : {&scheduler, &other}) {
      Poll poll = pair->poll(pair == &scheduler ? request : otherRequest);
      if (poll.summary && poll.summary->result == RunSummary::Result::Ran) {
        ++runsPerDay[formatDate(*poll.summary->run.servedDay)];
      }
    }
    clock.set(formatInstant(clock.now() + std::chrono::minutes(10)));
  }
  BOOST_TEST(runsPerDay.size() == 20u);
  for (const auto& [day, runs] : runsPerDay) BOOST_TEST(runs == 1, day);
  BOOST_TEST(mailer.sent.size() == 1u);
}

BOOST_AUTO_TEST_CASE(aLeaseHeldElsewhereMakesThePollLookAgainLater) {
  pollAt("2026-03-01T12:00:00Z");
  clock.set("2026-03-02T01:30:00Z");
  BOOST_REQUIRE(ledger.acquireLease("nightly:99", std::chrono::seconds(600)));
  Poll busy = scheduler.poll(request);
  BOOST_REQUIRE(busy.summary);
  BOOST_TEST((busy.summary->result == RunSummary::Result::Busy));
  BOOST_TEST(busy.summary->busyWith->holder == "nightly:99");
  BOOST_TEST(formatInstant(busy.next) == "2026-03-02T01:31:00Z");
  ledger.releaseLease("nightly:99");
  Poll ran = pollAt("2026-03-02T01:31:00Z");
  BOOST_REQUIRE(ran.summary);
  BOOST_TEST((ran.summary->result == RunSummary::Result::Ran));
}

BOOST_AUTO_TEST_CASE(aRunThatAnotherProcessMadeWhileThisOneWaitedIsNotRepeated) {
  // Both decided the day was due; the other got the lease first and finished.
  pollAt("2026-03-01T12:00:00Z");
  clock.set("2026-03-02T01:30:00Z");
  RunRequest scheduled = request;
  scheduled.trigger = RunTrigger::Schedule;
  scheduled.servedDay = schedule.dayAt(clock.now());
  scheduled.holder = "serve:2";
  BOOST_TEST((nightly.run(scheduled).result == RunSummary::Result::Ran));
  scheduled.holder = "serve:1";
  BOOST_TEST((nightly.run(scheduled).result == RunSummary::Result::AlreadyServed));
  BOOST_TEST(ledger.realRuns().size() == 1u);
}

BOOST_AUTO_TEST_CASE(anInterruptedRunLeavesTheDayDue) {
  submit(HARTLEPOOL, "2025-26-Q3", 5);
  submit(MIDDLESBROUGH, "2025-26-Q3", 5);
  pollAt("2026-03-01T12:00:00Z");
  request.stopRequested = [] { return true; };
  Poll stopped = pollAt("2026-03-02T01:30:00Z");
  BOOST_REQUIRE(stopped.summary);
  BOOST_TEST((stopped.summary->run.outcome == RunOutcome::Interrupted));
  request.stopRequested = nullptr;
  Poll again = pollAt("2026-03-02T09:00:00Z");  // restarted later that day
  BOOST_REQUIRE(again.summary);
  BOOST_TEST((again.summary->run.outcome == RunOutcome::Succeeded));
  BOOST_TEST(again.summary->run.counts.boards == 2u);
}

BOOST_AUTO_TEST_CASE(aClockSetBackAfterARunDoesNotRunTheDayAgain) {
  pollAt("2026-03-01T12:00:00Z");
  BOOST_TEST(pollAt("2026-03-02T01:30:00Z").summary.has_value());
  Poll back = pollAt("2026-03-01T23:00:00Z");
  BOOST_TEST(!back.summary.has_value());
  BOOST_TEST(formatInstant(back.next) == "2026-03-03T01:30:00Z");
}

BOOST_AUTO_TEST_SUITE_END()

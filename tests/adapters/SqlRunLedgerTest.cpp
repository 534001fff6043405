// The nightly lease, run history and delivery state in the store's database;
// the same suite runs against SQLite and PostgreSQL (see support/StoreFixture.h).
// A second SqlStore on the same database stands for a second process.
#include "adapters/store/SqlDeliveryLog.h"
#include "adapters/store/SqlRunLedger.h"
#include "engine/intake/Lexical.h"
#include "tests/support/StoreFixture.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>

using namespace profkpi::engine;
using namespace profkpi::tests;
using profkpi::adapters::store::SqlDeliveryLog;
using profkpi::adapters::store::SqlRunLedger;
using profkpi::adapters::store::SqlStore;

namespace {

struct Fixture : StoreFixture {
  SqlRunLedger ledger{*store};
  SqlStore otherStore{config.connector, config.connection};
  SqlRunLedger otherLedger{otherStore};
  SqlDeliveryLog deliveries{*store};

  static Instant at(const std::string& iso) { return lexical::zonedDateTime(iso)->instant; }

  RunRecord scheduled(const std::string& day, RunOutcome outcome) {
    RunRecord r;
    r.trigger = RunTrigger::Schedule;
    r.servedDay = lexical::date(day);
    r.holder = "serve:1";
    r.startedAt = at(day + "T01:00:00Z");
    r.finishedAt = at(day + "T01:05:00Z");
    r.outcome = outcome;
    return r;
  }
};

const std::chrono::seconds TEN_MINUTES{600};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(SqlRunLedgerTest, Fixture)

BOOST_AUTO_TEST_CASE(theLeaseHasOneHolderAcrossProcesses) {
  BOOST_TEST(!ledger.leaseHolder().has_value());
  BOOST_TEST(ledger.acquireLease("host-a:1", TEN_MINUTES));
  BOOST_TEST(!otherLedger.acquireLease("host-b:2", TEN_MINUTES));
  auto holder = otherLedger.leaseHolder();
  BOOST_REQUIRE(holder.has_value());
  BOOST_TEST(holder->holder == "host-a:1");
  BOOST_TEST(std::chrono::duration_cast<std::chrono::seconds>(holder->expires - holder->since).count() == 600);
  BOOST_TEST(ledger.acquireLease("host-a:1", TEN_MINUTES));  // renewal
  otherLedger.releaseLease("host-b:2");                        // not the holder: nothing
  BOOST_TEST(!otherLedger.acquireLease("host-b:2", TEN_MINUTES));
  ledger.releaseLease("host-a:1");
  BOOST_TEST(otherLedger.acquireLease("host-b:2", TEN_MINUTES));
}

BOOST_AUTO_TEST_CASE(anExpiredLeaseCanBeTakenOver) {
  BOOST_TEST(ledger.acquireLease("crashed:1", std::chrono::seconds(0)));  // lapses at once
  BOOST_TEST(!ledger.leaseHolder().has_value());
  BOOST_TEST(otherLedger.acquireLease("host-b:2", TEN_MINUTES));
  BOOST_TEST(otherLedger.leaseHolder()->holder == "host-b:2");
}

BOOST_AUTO_TEST_CASE(manyContendersGetTheLeaseOnce) {
  std::atomic<int> winners{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      SqlRunLedger& l = i % 2 == 0 ? ledger : otherLedger;
      if (l.acquireLease("contender:" + std::to_string(i), TEN_MINUTES)) ++winners;
    });
  }
  for (auto& t : threads) t.join();
  BOOST_TEST(winners.load() == 1);
}

BOOST_AUTO_TEST_CASE(runsAndTheirItemsComeBackWhole) {
  RunRecord run;
  run.trigger = RunTrigger::Manual;
  run.holder = "cli:7";
  run.startedAt = at("2026-03-29T01:00:00.250Z");
  run.id = ledger.beginRun(run);
  BOOST_TEST(run.id > 0);
  ledger.addItem(run.id, RunItem{at("2026-03-29T01:00:01Z"), "E06000001", "2025-26-Q2", "rendered",
                                 std::string(64, 'c'), "E06000001.pdf, 1234 bytes"});
  ledger.addItem(run.id, RunItem{at("2026-03-29T01:00:02Z"), "", "2025-26-Q2", "failed", "", "disk full"});
  auto started = ledger.recentRuns(1).at(0);
  BOOST_TEST((started.outcome == RunOutcome::Running));
  BOOST_TEST(!started.finishedAt.has_value());
  BOOST_TEST(!started.servedDay.has_value());

  run.finishedAt = at("2026-03-29T01:00:03Z");
  run.outcome = RunOutcome::Failed;
  run.counts = {1, 0, 0, 0, 0, 1};
  run.detail = "1 board report, 1 failed";
  ledger.finishRun(run);
  RunRecord back = ledger.recentRuns(5).at(0);
  BOOST_TEST(back.id == run.id);
  BOOST_TEST((back.trigger == RunTrigger::Manual));
  BOOST_TEST(back.holder == "cli:7");
  BOOST_TEST(formatInstant(back.startedAt) == "2026-03-29T01:00:00.250Z");
  BOOST_TEST(formatInstant(*back.finishedAt) == "2026-03-29T01:00:03Z");
  BOOST_TEST((back.outcome == RunOutcome::Failed));
  BOOST_TEST(back.counts.boards == 1u);
  BOOST_TEST(back.counts.failed == 1u);
  BOOST_TEST(back.detail == "1 board report, 1 failed");
  auto items = otherLedger.items(run.id);
  BOOST_REQUIRE(items.size() == 2u);
  BOOST_TEST(items[0].organisation == "E06000001");
  BOOST_TEST(items[0].sha256 == std::string(64, 'c'));
  BOOST_TEST(items[1].organisation.empty());
  BOOST_TEST(items[1].detail == "disk full");
}

BOOST_AUTO_TEST_CASE(lastServedDayCountsCompletedScheduledRunsAndTheArmedMarker) {
  BOOST_TEST(!ledger.lastServedDay().has_value());
  ledger.beginRun(scheduled("2026-03-27", RunOutcome::Armed));
  BOOST_TEST(formatDate(*ledger.lastServedDay()) == "2026-03-27");
  ledger.beginRun(scheduled("2026-03-28", RunOutcome::Failed));
  ledger.beginRun(scheduled("2026-03-29", RunOutcome::Interrupted));  // not served
  ledger.beginRun(scheduled("2026-03-30", RunOutcome::Running));      // crashed
  ledger.beginRun(scheduled("2026-03-31", RunOutcome::Aborted));
  RunRecord manual = scheduled("2026-04-01", RunOutcome::Succeeded);
  manual.trigger = RunTrigger::Manual;
  ledger.beginRun(manual);
  BOOST_TEST(formatDate(*otherLedger.lastServedDay()) == "2026-03-28");
  ledger.beginRun(scheduled("2026-03-29", RunOutcome::Succeeded));
  BOOST_TEST(formatDate(*otherLedger.lastServedDay()) == "2026-03-29");
  BOOST_TEST(ledger.recentRuns(100).size() == 7u);
}

BOOST_AUTO_TEST_CASE(deliveryStateIsInsertedThenReplaced) {
  DeliveryState d;
  d.organisation = "E06000001";
  d.period = "2025-26-Q1";
  d.dataSequence = 41;
  d.fileName = "E06000001.pdf";
  d.sha256 = std::string(64, 'd');
  d.status = DeliveryStatus::Pending;
  d.attempts = 2;
  d.lastError = "451 mailbox busy";
  d.updatedAt = at("2026-03-29T01:00:00Z");
  deliveries.saveDelivery(d);
  d.organisation = "E06000002";
  deliveries.saveDelivery(d);
  d.organisation = "E06000001";
  d.period = "2025-26-Q2";
  d.status = DeliveryStatus::Delivered;
  d.deliveredAt = at("2026-03-30T01:00:00Z");
  deliveries.saveDelivery(d);
  auto all = SqlDeliveryLog(otherStore).deliveries();
  BOOST_REQUIRE(all.size() == 2u);
  BOOST_TEST(all[0].organisation == "E06000001");
  BOOST_TEST(all[0].period == "2025-26-Q2");
  BOOST_TEST((all[0].status == DeliveryStatus::Delivered));
  BOOST_TEST(all[0].attempts == 2);
  BOOST_TEST(all[0].dataSequence == 41);
  BOOST_TEST(formatInstant(*all[0].deliveredAt) == "2026-03-30T01:00:00Z");
  BOOST_TEST((all[1].status == DeliveryStatus::Pending));
  BOOST_TEST(!all[1].deliveredAt.has_value());
  BOOST_TEST(all[1].lastError == "451 mailbox busy");
}

BOOST_AUTO_TEST_CASE(sectorReportStateIsKeptPerPeriod) {
  deliveries.saveSectorReport(SectorState{"2025-26-Q2", 10, "sector.pdf", std::string(64, 'e'), at("2026-03-29T01:00:00Z")});
  deliveries.saveSectorReport(SectorState{"2025-26-Q1", 4, "sector.pdf", std::string(64, 'f'), at("2026-03-29T01:00:00Z")});
  deliveries.saveSectorReport(SectorState{"2025-26-Q2", 12, "sector.pdf", std::string(64, '0'), at("2026-03-30T01:00:00Z")});
  auto all = deliveries.sectorReports();
  BOOST_REQUIRE(all.size() == 2u);
  BOOST_TEST(all[0].period == "2025-26-Q1");
  BOOST_TEST(all[1].dataSequence == 12);
  BOOST_TEST(all[1].sha256 == std::string(64, '0'));
}

BOOST_AUTO_TEST_CASE(mailItemsAreTheMailsTriedAcrossRunsFilteredOldestFirst) {
  RunRecord first;
  first.holder = "cli:1";
  first.startedAt = at("2026-03-29T01:00:00Z");
  first.id = ledger.beginRun(first);
  RunItem mailed{at("2026-03-29T01:00:01Z"), "E06000001", "2025-26-Q2", "mailed", std::string(64, 'a'),
                 "kpi@hartlepool.example.org", "kpi@hartlepool.example.org", "profkpi.board.E06000001.x"};
  RunItem refused{at("2026-03-29T01:00:02Z"), "W06000002", "2025-26-Q2", "refused", std::string(64, 'b'),
                  "kpi@gwynedd.example.org: 550 no", "kpi@gwynedd.example.org", "profkpi.board.W06000002.y"};
  ledger.addItems(first.id, {RunItem{at("2026-03-29T01:00:00Z"), "E06000001", "2025-26-Q2", "rendered", "", "x"},
                             mailed, refused,
                             RunItem{at("2026-03-29T01:00:03Z"), "E06000002", "2025-26-Q2", "pending", "",
                                     "not tried: server down"}});
  RunRecord second;
  second.holder = "cli:2";
  second.startedAt = at("2026-04-01T01:00:00Z");
  second.id = ledger.beginRun(second);
  RunItem resent = mailed;
  resent.at = at("2026-04-01T01:00:01Z");
  resent.action = "resent";
  resent.period = "2025-26-Q3";
  resent.messageId += ".resent.2";
  ledger.addItem(second.id, resent);

  std::vector<RunItem> all = otherLedger.mailItems({});
  BOOST_REQUIRE(all.size() == 3u);  // neither the rendering nor the mail not tried
  BOOST_TEST(all[0].recipient == "kpi@hartlepool.example.org");
  BOOST_TEST(all[0].messageId == "profkpi.board.E06000001.x");
  BOOST_TEST(all[0].sha256 == std::string(64, 'a'));
  BOOST_TEST(all[1].action == "refused");
  BOOST_TEST(all[2].messageId == "profkpi.board.E06000001.x.resent.2");
  BOOST_TEST(otherLedger.mailItems({"E06000001", "", std::nullopt}).size() == 2u);
  BOOST_TEST(otherLedger.mailItems({"E06000001", "2025-26-Q3", std::nullopt}).size() == 1u);
  BOOST_TEST(otherLedger.mailItems({"", "2025-26-Q2", std::nullopt}).size() == 2u);
  BOOST_TEST(otherLedger.mailItems({"", "", at("2026-03-29T01:00:02Z")}).size() == 2u);
  BOOST_TEST(otherLedger.mailItems({"W06000001", "", std::nullopt}).empty());
  BOOST_TEST(ledger.items(first.id).at(1).recipient == "kpi@hartlepool.example.org");
}

BOOST_AUTO_TEST_SUITE_END()

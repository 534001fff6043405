// The nightly run over fakes: what it renders, archives, mails and records,
// and how it carries failures over to the next run.
#include "engine/reporting/BoardMail.h"
#include "tests/support/NightlyFixture.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

struct Fixture : NightlyFixture {
  Fixture() {
    submit(HARTLEPOOL, "2009-10-Q1", 6);
    submit(HARTLEPOOL, "2009-10-Q2", 8);
    submit(MIDDLESBROUGH, "2009-10-Q2", 9);
    submit(ANGLESEY, "2009-10-Q2", 3);
  }

  std::vector<std::string> recipients() const {
    std::vector<std::string> to;
    for (const Mail& m : mailer.sent) to.push_back(m.to);
    return to;
  }
  std::vector<std::string> actions(const RunSummary& s) {
    std::vector<std::string> result;
    for (const RunItem& i : ledger.items(s.run.id)) {
      result.push_back((i.organisation.empty() ? "sector" : i.organisation) + " " + i.period + " " + i.action);
    }
    return result;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(NightlyRunTest, Fixture)

BOOST_AUTO_TEST_CASE(firstRunRendersArchivesAndMailsEachOrganisationsLatestReport) {
  RunSummary s = runNow();
  BOOST_TEST((s.result == RunSummary::Result::Ran));
  BOOST_TEST((s.run.outcome == RunOutcome::Succeeded));
  BOOST_TEST(s.run.counts.boards == 3u);
  BOOST_TEST(s.run.counts.sectors == 2u);
  BOOST_TEST(s.run.counts.mailed == 2u);
  BOOST_TEST(s.run.detail == "3 board reports and 2 sector reports rendered, 2 mailed, 0 mails pending, 0 refused, "
                             "0 documents failed");
  BOOST_TEST(archive.documents.count("2009-10-Q2/E06000001.pdf") == 1u);  // the latest period only
  BOOST_TEST(archive.documents.count("2009-10-Q1/E06000001.pdf") == 0u);
  BOOST_TEST(archive.documents.count("2009-10-Q1/sector.pdf") == 1u);
  BOOST_TEST(archive.documents.count("2009-10-Q2/sector.pdf") == 1u);
  std::vector<std::string> expected{"kpi@hartlepool.example.org", "kpi@middlesbrough.example.org"};
  BOOST_TEST(recipients() == expected, boost::test_tools::per_element());
  const Mail& mail = mailer.sent.front();
  BOOST_REQUIRE(mail.attachments.size() == 1u);
  BOOST_TEST(mail.attachments[0].bytes == archive.documents.at("2009-10-Q2/E06000001.pdf"));
  BOOST_TEST(mail.attachments[0].fileName == "E06000001-2009-10-Q2.pdf");
  BOOST_TEST(mail.attachments[0].mediaType == "application/pdf");

  const DeliveryState& h = deliveries.byOrganisation.at(HARTLEPOOL);
  BOOST_TEST((h.status == DeliveryStatus::Delivered));
  BOOST_TEST(h.sha256 == MemoryArchive::digest(archive.documents.at("2009-10-Q2/E06000001.pdf")));
  BOOST_TEST(h.dataSequence == 2);
  BOOST_TEST((deliveries.byOrganisation.at(ANGLESEY).status == DeliveryStatus::Unmailed));
  BOOST_TEST(deliveries.byOrganisation.at(ANGLESEY).lastError == "no contact address in the registry");
  BOOST_TEST(!ledger.leaseHolder());  // released
}

BOOST_AUTO_TEST_CASE(runHistoryRecordsWhatWasRenderedAndDelivered) {
  RunSummary s = runNow("host:42");
  std::vector<std::string> expected{"E06000001 2009-10-Q2 rendered", "E06000001 2009-10-Q2 mailed",
                                    "E06000002 2009-10-Q2 rendered", "E06000002 2009-10-Q2 mailed",
                                    "W06000001 2009-10-Q2 rendered", "W06000001 2009-10-Q2 unmailed",
                                    "sector 2009-10-Q1 rendered",    "sector 2009-10-Q2 rendered"};
  BOOST_TEST(actions(s) == expected, boost::test_tools::per_element());
  const RunRecord& recorded = ledger.runs.at(0);
  BOOST_TEST(recorded.holder == "host:42");
  BOOST_TEST((recorded.trigger == RunTrigger::Manual));
  BOOST_TEST(!recorded.servedDay);
  BOOST_TEST(recorded.finishedAt.has_value());
  BOOST_TEST(ledger.items(s.run.id).at(1).detail == "kpi@hartlepool.example.org");
  BOOST_TEST(ledger.items(s.run.id).at(0).sha256 == deliveries.byOrganisation.at(HARTLEPOOL).sha256);
}

BOOST_AUTO_TEST_CASE(aRunOverUnchangedDataRendersNothingAndSendsNothing) {
  runNow();
  int stores = archive.stores;
  RunSummary again = runNow();
  BOOST_TEST((again.run.outcome == RunOutcome::Succeeded));
  BOOST_TEST(again.run.counts.boards + again.run.counts.sectors + again.run.counts.mailed == 0u);
  BOOST_TEST(archive.stores == stores);
  BOOST_TEST(mailer.sent.size() == 2u);
  BOOST_TEST(ledger.items(again.run.id).empty());
}

BOOST_AUTO_TEST_CASE(aResubmissionRendersAndMailsThatOrganisationAndItsPeriodOnly) {
  runNow();
  submit(MIDDLESBROUGH, "2009-10-Q2", 10);
  RunSummary s = runNow();
  std::vector<std::string> expected{"E06000002 2009-10-Q2 rendered", "E06000002 2009-10-Q2 mailed",
                                    "sector 2009-10-Q2 rendered"};
  BOOST_TEST(actions(s) == expected, boost::test_tools::per_element());
  BOOST_TEST(mailer.sent.back().to == "kpi@middlesbrough.example.org");
}

BOOST_AUTO_TEST_CASE(anEarlierPeriodResubmittedRendersTheLatestReportAgain) {
  // The trend in the latest report changed.
  runNow();
  submit(HARTLEPOOL, "2009-10-Q1", 2);
  RunSummary s = runNow();
  std::vector<std::string> expected{"E06000001 2009-10-Q2 rendered", "E06000001 2009-10-Q2 mailed",
                                    "sector 2009-10-Q1 rendered"};
  BOOST_TEST(actions(s) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(aNewPeriodMovesTheOrganisationOn) {
  runNow();
  submit(HARTLEPOOL, "2009-10-Q3", 9);
  runNow();
  BOOST_TEST(deliveries.byOrganisation.at(HARTLEPOOL).period == "2009-10-Q3");
  BOOST_TEST(archive.documents.count("2009-10-Q3/E06000001.pdf") == 1u);
  BOOST_TEST(mailer.sent.back().attachments.at(0).fileName == "E06000001-2009-10-Q3.pdf");
}

BOOST_AUTO_TEST_CASE(mailFailingForNowStaysPendingAndGoesOutOnTheNextRunOnce) {
  mailer.failAll = RecordingMailer::Kind::Temporary;
  RunSummary down = runNow();
  BOOST_TEST((down.run.outcome == RunOutcome::Failed));  // the run completes
  BOOST_TEST(down.run.counts.boards == 3u);
  BOOST_TEST(down.run.counts.sectors == 2u);
  BOOST_TEST(down.run.counts.pending == 2u);
  BOOST_TEST(down.errors.size() == 2u);
  BOOST_TEST((deliveries.byOrganisation.at(HARTLEPOOL).status == DeliveryStatus::Pending));
  BOOST_TEST(deliveries.byOrganisation.at(HARTLEPOOL).attempts == 1);

  mailer.failAll.reset();
  int stores = archive.stores;
  int boards = renderer.boards;
  RunSummary up = runNow();
  BOOST_TEST((up.run.outcome == RunOutcome::Succeeded));
  BOOST_TEST(up.run.counts.mailed == 2u);
  BOOST_TEST(up.run.counts.boards == 0u);  // sent from the archive, not rendered again
  BOOST_TEST(renderer.boards == boards);
  BOOST_TEST(archive.stores == stores);
  BOOST_TEST(mailer.sent.size() == 2u);
  BOOST_TEST(mailer.sent[0].attachments[0].bytes == archive.documents.at("2009-10-Q2/E06000001.pdf"));
  BOOST_TEST((deliveries.byOrganisation.at(HARTLEPOOL).status == DeliveryStatus::Delivered));

  runNow();
  BOOST_TEST(mailer.sent.size() == 2u);  // exactly once
}

BOOST_AUTO_TEST_CASE(anUnreachableServerStopsMailingForTheRestOfTheRun) {
  mailer.failAll = RecordingMailer::Kind::Unreachable;
  RunSummary s = runNow();
  BOOST_TEST(mailer.attempts == 1);
  BOOST_TEST(s.run.counts.pending == 2u);
  BOOST_TEST(deliveries.byOrganisation.at(MIDDLESBROUGH).lastError == "scripted failure for kpi@hartlepool.example.org");
  mailer.failAll.reset();
  BOOST_TEST(runNow().run.counts.mailed == 2u);
}

BOOST_AUTO_TEST_CASE(aPermanentRefusalIsRecordedAndNotTriedAgainUntilTheDataChanges) {
  mailer.failures["kpi@hartlepool.example.org"] = RecordingMailer::Kind::Permanent;
  RunSummary s = runNow();
  BOOST_TEST((s.run.outcome == RunOutcome::Failed));
  BOOST_TEST(s.run.counts.refused == 1u);
  BOOST_TEST(s.run.counts.mailed == 1u);
  BOOST_TEST((deliveries.byOrganisation.at(HARTLEPOOL).status == DeliveryStatus::Refused));
  mailer.failures.clear();
  int attempts = mailer.attempts;
  RunSummary next = runNow();
  BOOST_TEST((next.run.outcome == RunOutcome::Succeeded));
  BOOST_TEST(mailer.attempts == attempts);
  submit(HARTLEPOOL, "2009-10-Q2", 9);
  runNow();
  BOOST_TEST(mailer.sent.back().to == "kpi@hartlepool.example.org");
}

BOOST_AUTO_TEST_CASE(mailsFailingForNowAreGivenUpAfterMaxMailRuns) {
  mailer.failures["kpi@hartlepool.example.org"] = RecordingMailer::Kind::Temporary;
  for (int run = 1; run <= 3; ++run) runNow();  // maxMailRuns = 3
  BOOST_TEST((deliveries.byOrganisation.at(HARTLEPOOL).status == DeliveryStatus::Abandoned));
  BOOST_TEST(deliveries.byOrganisation.at(HARTLEPOOL).attempts == 3);
  int attempts = mailer.attempts;
  runNow();
  BOOST_TEST(mailer.attempts == attempts);
}

BOOST_AUTO_TEST_CASE(aReportThatCannotBeRenderedIsRecordedAndTheRunGoesOn) {
  renderer.failFor = HARTLEPOOL;
  RunSummary s = runNow();
  BOOST_TEST((s.run.outcome == RunOutcome::Failed));
  BOOST_TEST(s.run.counts.failed == 1u);
  BOOST_TEST(s.run.counts.boards == 2u);
  BOOST_TEST(s.errors.at(0) == "E06000001 2009-10-Q2: failed: scripted render failure");
  renderer.failFor.clear();
  RunSummary next = runNow();
  std::vector<std::string> expected{"E06000001 2009-10-Q2 rendered", "E06000001 2009-10-Q2 mailed"};
  BOOST_TEST(actions(next) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(anArchiveFailureIsRecordedAndTriedAgainNextRun) {
  archive.failing = true;
  RunSummary s = runNow();
  BOOST_TEST(s.run.counts.failed == 5u);
  BOOST_TEST(mailer.sent.empty());
  archive.failing = false;
  BOOST_TEST(runNow().run.counts.boards == 3u);
}

BOOST_AUTO_TEST_CASE(aPendingReportMissingFromTheArchiveIsRenderedAgain) {
  mailer.failAll = RecordingMailer::Kind::Temporary;
  runNow();
  mailer.failAll.reset();
  archive.documents.erase("2009-10-Q2/E06000001.pdf");
  RunSummary s = runNow();
  BOOST_TEST(s.run.counts.boards == 1u);
  BOOST_TEST(s.run.counts.mailed == 2u);
  BOOST_TEST(deliveries.byOrganisation.at(HARTLEPOOL).attempts == 1);
}

BOOST_AUTO_TEST_CASE(aLeaseHeldByAnotherProcessMeansNoRunUntilItExpires) {
  BOOST_REQUIRE(ledger.acquireLease("other:7", std::chrono::seconds(600)));
  RunSummary busy = runNow();
  BOOST_TEST((busy.result == RunSummary::Result::Busy));
  BOOST_TEST(busy.busyWith->holder == "other:7");
  BOOST_TEST(ledger.runs.empty());
  BOOST_TEST(renderer.boards == 0);
  clock.set("2026-03-28T12:10:01Z");  // a crashed holder's lease lapses
  BOOST_TEST((runNow().result == RunSummary::Result::Ran));
}

BOOST_AUTO_TEST_CASE(aStopRequestEndsTheRunBetweenDocumentsAndTheNextRunFinishes) {
  RunRequest request;
  request.holder = "serve:1";
  int asked = 0;
  request.stopRequested = [&] { return ++asked > 1; };
  RunSummary s = nightly.run(request);
  BOOST_TEST((s.run.outcome == RunOutcome::Interrupted));
  BOOST_TEST(s.run.counts.boards == 1u);
  RunSummary rest = runNow();
  BOOST_TEST(rest.run.counts.boards == 2u);
  BOOST_TEST(rest.run.counts.sectors == 2u);
}

BOOST_AUTO_TEST_CASE(progressIsReportedForEveryStep) {
  RunRequest request;
  request.holder = "cli:1";
  std::vector<std::string> seen;
  request.progress = [&](const RunProgress& p) {
    seen.push_back(std::to_string(p.done) + "/" + std::to_string(p.total) + " " + p.item->action);
  };
  nightly.run(request);
  std::vector<std::string> expected{"1/5 rendered", "1/5 mailed", "2/5 rendered", "2/5 mailed",
                                    "3/5 rendered", "3/5 unmailed", "4/5 rendered", "5/5 rendered"};
  BOOST_TEST(seen == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(aSubmissionArrivingDuringARunIsLeftForTheNextRun) {
  // Every document of a run shows the data as the run found it.
  RunRequest request;
  request.holder = "cli:1";
  request.progress = [&](const RunProgress& p) {
    if (p.done == 1 && p.item->action == "mailed") submit(MIDDLESBROUGH, "2009-10-Q2", 1);
  };
  nightly.run(request);
  BOOST_TEST(archive.documents.at("2009-10-Q2/E06000002.pdf").find(" seq 3") != std::string::npos);
  BOOST_TEST(deliveries.byOrganisation.at(MIDDLESBROUGH).dataSequence == 3);
  RunSummary next = runNow();
  std::vector<std::string> expected{"E06000002 2009-10-Q2 rendered", "E06000002 2009-10-Q2 mailed",
                                    "sector 2009-10-Q2 rendered"};
  BOOST_TEST(actions(next) == expected, boost::test_tools::per_element());
  BOOST_TEST(archive.documents.at("2009-10-Q2/E06000002.pdf").find(" seq 5") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(renderingOnSeveralThreadsArchivesMailsAndRecordsInPlanOrder) {
  // More organisations than documents in flight, and one that fails to render.
  const char* const more[] = {"E06000003", "E06000004", "E06000005", "E07000008", "E07000009", "E07000010"};
  for (const char* code : more) submit(code, "2009-10-Q2", 5);
  renderer.failFor = "E06000004";
  auto progressOf = [](RunRequest& request, std::vector<std::string>& seen) {
    request.progress = [&seen](const RunProgress& p) {
      seen.push_back(std::to_string(p.done) + "/" + std::to_string(p.total) + " " +
                     (p.item->organisation.empty() ? "sector" : p.item->organisation) + " " + p.item->period + " " +
                     p.item->action);
    };
  };

  // The same data through a one-thread run and a four-thread run.
  MemoryArchive oneArchive;
  MemoryDeliveryLog oneDeliveries;
  RecordingMailer oneMailer;
  MemoryRunLedger oneLedger{clock};
  NightlyRun oneThread{store, results, oneLedger, oneDeliveries, renderer, oneArchive, &oneMailer, clock, options};
  RunRequest request;
  request.holder = "cli:1";
  std::vector<std::string> sequential;
  progressOf(request, sequential);
  RunSummary one = oneThread.run(request);

  NightlyOptions parallel = options;
  parallel.renderThreads = 4;
  NightlyRun fourThreads{store, results, ledger, deliveries, renderer, archive, &mailer, clock, parallel};
  std::vector<std::string> concurrent;
  progressOf(request, concurrent);
  RunSummary four = fourThreads.run(request);

  BOOST_TEST(concurrent == sequential, boost::test_tools::per_element());
  BOOST_TEST(concurrent.size() == 2 * 8 + 1 + 2u);  // rendered + mailed/unmailed, one failed, two sectors
  BOOST_TEST(four.run.counts.boards == 8u);
  BOOST_TEST(four.run.counts.failed == 1u);
  BOOST_TEST(four.errors == one.errors, boost::test_tools::per_element());
  BOOST_TEST((archive.documents == oneArchive.documents));
  BOOST_TEST(archive.stores == oneArchive.stores);  // each document archived once
  BOOST_TEST(mailer.sent.size() == oneMailer.sent.size());
  for (std::size_t i = 0; i < mailer.sent.size() && i < oneMailer.sent.size(); ++i) {
    BOOST_TEST(mailer.sent[i].to == oneMailer.sent[i].to);  // in plan order
  }
}

BOOST_AUTO_TEST_CASE(aStopRequestWithSeveralRenderThreadsFinishesWhatItStarted) {
  for (const char* code : {"E06000003", "E06000004", "E06000005", "E07000008"}) submit(code, "2009-10-Q2", 5);
  NightlyOptions parallel = options;
  parallel.renderThreads = 2;  // up to four documents in flight
  NightlyRun run{store, results, ledger, deliveries, renderer, archive, &mailer, clock, parallel};
  RunRequest request;
  request.holder = "serve:1";
  int asked = 0;
  request.stopRequested = [&] { return ++asked > 2; };
  RunSummary s = run.run(request);
  BOOST_TEST((s.run.outcome == RunOutcome::Interrupted));
  BOOST_TEST(s.run.counts.boards == 2u);  // started before the stop, then finished
  BOOST_TEST(renderer.boards == 2);
  BOOST_TEST(archive.stores == 2);
  RunSummary rest = runNow();
  BOOST_TEST(rest.run.counts.boards == 5u);
  BOOST_TEST(rest.run.counts.sectors == 2u);
}

BOOST_AUTO_TEST_CASE(withoutAMailerReportsAreArchivedOnly) {
  NightlyRun archiveOnly{store, results, ledger, deliveries, renderer, archive, nullptr, clock, options};
  RunRequest request;
  request.holder = "cli:1";
  RunSummary s = archiveOnly.run(request);
  BOOST_TEST((s.run.outcome == RunOutcome::Succeeded));
  BOOST_TEST((deliveries.byOrganisation.at(HARTLEPOOL).status == DeliveryStatus::Unmailed));
  BOOST_TEST(deliveries.byOrganisation.at(HARTLEPOOL).lastError == "no mail server configured (smtp.host)");
}

BOOST_AUTO_TEST_CASE(theMailCarriesTheHeadlineFiguresAndALink) {
  runNow();
  const Mail& mail = mailer.sent.front();
  BOOST_TEST(mail.subject == "Board report: Hartlepool Borough Council, Q2 2009/10");
  const std::string& text = mail.text;
  BOOST_TEST(text.find("Hartlepool Borough Council (E06000001)\n") == 0u);
  BOOST_TEST(text.find("Professionalisation index: ") != std::string::npos);
  BOOST_TEST(text.find("(previous period: ") != std::string::npos);
  BOOST_TEST(text.find("K1 Roles mapped to the skills framework: 80.0%, Amber (target 90%)") != std::string::npos, text);
  BOOST_TEST(text.find("K4 Staff with professional recognition: 20.0%, Amber (target 25%)") != std::string::npos, text);
  BOOST_TEST(text.find("https://kpi.example.org/api/v1/organisations/E06000001/periods/2009-10-Q2/report.pdf") !=
             std::string::npos);
  BOOST_TEST(text.find("E06000001-2009-10-Q2.pdf") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(aFailureThatConcernsEveryMessageStopsMailingForTheRest) {
  mailer.failAll = RecordingMailer::Kind::Permanent;
  mailer.everyMessage = true;  // credentials refused: the next council would lock the account out
  RunSummary s = runNow();
  BOOST_TEST(mailer.attempts == 1);
  BOOST_TEST(s.run.counts.refused == 1u);
  BOOST_TEST(s.run.counts.pending == 1u);
  BOOST_TEST((deliveries.byOrganisation.at(MIDDLESBROUGH).status == DeliveryStatus::Pending));
}

BOOST_AUTO_TEST_CASE(eachMailHasAStableMessageIdAndIsRecordedAsSendingFirst) {
  std::vector<DeliveryStatus> seen;
  // What the log holds for Hartlepool while its mail is being handed over.
  mailer.onSend = [&](const Mail&) { seen.push_back(deliveries.byOrganisation.at(HARTLEPOOL).status); };
  runNow();
  BOOST_REQUIRE(!seen.empty());
  BOOST_TEST((seen.front() == DeliveryStatus::Sending));
  const DeliveryState& h = deliveries.byOrganisation.at(HARTLEPOOL);
  BOOST_TEST(mailer.sent.front().messageId == "profkpi.board.E06000001.2009-10-Q2.en." + h.sha256);
}

BOOST_AUTO_TEST_CASE(aMailLeftSendingIsSentAgainWithTheSameMessageIdAndSaysSo) {
  runNow();
  std::string messageId = mailer.sent.front().messageId;
  // As a run killed between "sending" and the outcome leaves it.
  DeliveryState crashed = deliveries.byOrganisation.at(HARTLEPOOL);
  crashed.status = DeliveryStatus::Sending;
  deliveries.saveDelivery(crashed);
  std::size_t before = mailer.sent.size();
  RunSummary s = runNow();
  BOOST_REQUIRE(mailer.sent.size() == before + 1);
  BOOST_TEST(mailer.sent.back().to == "kpi@hartlepool.example.org");
  BOOST_TEST(mailer.sent.back().messageId == messageId);
  BOOST_TEST((deliveries.byOrganisation.at(HARTLEPOOL).status == DeliveryStatus::Delivered));
  std::vector<RunItem> items = ledger.items(s.run.id);
  BOOST_REQUIRE(items.size() == 1u);
  BOOST_TEST(items[0].detail.find("sent again with the same Message-ID") != std::string::npos, items[0].detail);
}

// Issue 25: an organisation asking for Welsh and English ("cy en").
Registry bilingualRegistry() {
  return Registry{{{HARTLEPOOL, "Hartlepool Borough Council", "", "unitary", "kpi@hartlepool.example.org"},
                   {MIDDLESBROUGH, "Middlesbrough Council", "", "unitary", "kpi@middlesbrough.example.org"},
                   {ANGLESEY, "Isle of Anglesey County Council", "Cyngor Sir Ynys Môn", "welsh-unitary",
                    "kpi@isle-of-anglesey.example.org", {"cy", "en"}}}};
}

struct Bilingual {
  explicit Bilingual(NightlyFixture& fixture, Registry r = bilingualRegistry()) : f(fixture), registry(std::move(r)) {}
  NightlyFixture& f;
  Registry registry;
  ResultsService results{f.store, f.calculator, registry};
  NightlyRun nightly{f.store, results, f.ledger, f.deliveries, f.renderer, f.archive, &f.mailer, f.clock, f.options};

  RunSummary run() {
    RunRequest request;
    request.holder = "test:1";
    return nightly.run(request);
  }
  const Mail& mailTo(const std::string& address) const {
    for (const Mail& m : f.mailer.sent) {
      if (m.to == address) return m;
    }
    throw std::runtime_error("no mail to " + address);
  }
};

BOOST_AUTO_TEST_CASE(eachLanguageIsArchivedAndAllGoInOneMailInTheOrganisationsOrder) {
  Bilingual b{*this};
  RunSummary s = b.run();
  BOOST_TEST((s.run.outcome == RunOutcome::Succeeded));
  BOOST_TEST(s.run.counts.boards == 3u);  // one per organisation, whatever its languages
  BOOST_TEST(s.run.counts.mailed == 3u);
  BOOST_TEST(renderer.boards == 4);
  const std::string& welsh = archive.documents.at("2009-10-Q2/W06000001.cy.pdf");
  const std::string& english = archive.documents.at("2009-10-Q2/W06000001.pdf");
  BOOST_TEST(welsh.find(" lang cy") != std::string::npos, welsh);
  BOOST_TEST(english.find(" lang ") == std::string::npos, english);
  BOOST_TEST(archive.documents.count("2009-10-Q2/E06000001.cy.pdf") == 0u);
  // The sector report in Welsh too, since an organisation asks for Welsh.
  BOOST_TEST(archive.documents.at("2009-10-Q2/sector.cy.pdf").find(" lang cy") != std::string::npos);
  BOOST_TEST(archive.documents.at("2009-10-Q2/sector.pdf").find(" lang ") == std::string::npos);
  BOOST_TEST(deliveries.byPeriod.at("2009-10-Q2").fileName == "sector.pdf sector.cy.pdf");

  const Mail& mail = b.mailTo("kpi@isle-of-anglesey.example.org");
  BOOST_REQUIRE(mail.attachments.size() == 2u);
  BOOST_TEST(mail.attachments[0].fileName == "W06000001-2009-10-Q2.cy.pdf");
  BOOST_TEST(mail.attachments[0].bytes == welsh);
  BOOST_TEST(mail.attachments[1].fileName == "W06000001-2009-10-Q2.pdf");
  BOOST_TEST(mail.attachments[1].bytes == english);
  // No catalogue is installed here, so the Welsh mail's words are the English
  // ones; its name is the Welsh name all the same.
  BOOST_TEST(mail.subject == "Board report: Cyngor Sir Ynys Môn, Q2 2009/10 / "
                             "Board report: Isle of Anglesey County Council, Q2 2009/10");
  std::size_t rule = mail.text.find("\n----------------------------------------\n");
  BOOST_REQUIRE(rule != std::string::npos);
  BOOST_TEST(mail.text.find("report.pdf?lang=cy\n") < rule);
  BOOST_TEST(mail.text.find("W06000001-2009-10-Q2.cy.pdf") < rule);
  BOOST_TEST(mail.text.find("W06000001-2009-10-Q2.pdf (") > rule);

  const DeliveryState& a = deliveries.byOrganisation.at(ANGLESEY);
  BOOST_TEST(a.fileName == "W06000001.cy.pdf W06000001.pdf");
  BOOST_TEST(a.sha256 == MemoryArchive::digest(welsh));
  BOOST_TEST(mail.messageId == "profkpi.board.W06000001.2009-10-Q2.cy+en." + a.sha256);
  // English-only: as before.
  const Mail& hartlepool = b.mailTo("kpi@hartlepool.example.org");
  BOOST_TEST(hartlepool.attachments.size() == 1u);
  BOOST_TEST(hartlepool.messageId.find(".en.") != std::string::npos);
  std::vector<RunItem> items = ledger.items(s.run.id);
  BOOST_TEST(std::any_of(items.begin(), items.end(), [](const RunItem& i) {
    return i.action == "rendered" && i.detail.rfind("W06000001.cy.pdf, W06000001.pdf, ", 0) == 0;
  }));
}

BOOST_AUTO_TEST_CASE(englishOnlyRegistriesGetNoWelshSectorReport) {
  runNow();
  BOOST_TEST(archive.documents.count("2009-10-Q2/sector.cy.pdf") == 0u);
  BOOST_TEST(deliveries.byPeriod.at("2009-10-Q2").fileName == "sector.pdf");
}

BOOST_AUTO_TEST_CASE(aPendingBilingualMailGoesFromTheArchiveWithTheSameMessageId) {
  Bilingual b{*this};
  mailer.failAll = RecordingMailer::Kind::Temporary;
  b.run();
  mailer.failAll.reset();
  int boards = renderer.boards;
  RunSummary s = b.run();
  BOOST_TEST(s.run.counts.mailed == 3u);
  BOOST_TEST(renderer.boards == boards);  // nothing rendered again
  const Mail& mail = b.mailTo("kpi@isle-of-anglesey.example.org");
  BOOST_REQUIRE(mail.attachments.size() == 2u);
  BOOST_TEST(mail.attachments[0].bytes == archive.documents.at("2009-10-Q2/W06000001.cy.pdf"));
  BOOST_TEST(mail.messageId ==
             "profkpi.board.W06000001.2009-10-Q2.cy+en." + deliveries.byOrganisation.at(ANGLESEY).sha256);
}

BOOST_AUTO_TEST_CASE(aPendingMailMissingOneLanguageFromTheArchiveIsRenderedAgainInAll) {
  Bilingual b{*this};
  mailer.failAll = RecordingMailer::Kind::Temporary;
  b.run();
  mailer.failAll.reset();
  archive.documents.erase("2009-10-Q2/W06000001.cy.pdf");
  int boards = renderer.boards;
  RunSummary s = b.run();
  BOOST_TEST(s.run.counts.boards == 1u);
  BOOST_TEST(renderer.boards == boards + 2);
  BOOST_TEST(archive.documents.count("2009-10-Q2/W06000001.cy.pdf") == 1u);
  BOOST_TEST(b.mailTo("kpi@isle-of-anglesey.example.org").attachments.size() == 2u);
}

BOOST_AUTO_TEST_CASE(aPendingMailIsRenderedAgainWhenTheOrganisationsLanguagesChange) {
  mailer.failAll = RecordingMailer::Kind::Temporary;
  runNow();  // Anglesey has no contact here; Hartlepool's mail is pending, in English
  mailer.failAll.reset();
  Bilingual b{*this, Registry{{{HARTLEPOOL, "Hartlepool Borough Council", "", "unitary",
                                "kpi@hartlepool.example.org", {"en", "cy"}}}}};
  int boards = renderer.boards;
  b.run();
  BOOST_TEST(renderer.boards == boards + 2);  // Hartlepool in both languages; nobody else
  const Mail& mail = b.mailTo("kpi@hartlepool.example.org");
  BOOST_REQUIRE(mail.attachments.size() == 2u);
  BOOST_TEST(mail.attachments[0].fileName == "E06000001-2009-10-Q2.pdf");  // English first, as asked
  BOOST_TEST(mail.attachments[1].fileName == "E06000001-2009-10-Q2.cy.pdf");
  BOOST_TEST(mail.messageId.find(".en+cy.") != std::string::npos, mail.messageId);
}

BOOST_AUTO_TEST_CASE(anOrganisationAskingForWelshOnlyGetsOnlyTheWelshReport) {
  Bilingual b{*this, Registry{{{ANGLESEY, "Isle of Anglesey County Council", "Cyngor Sir Ynys Môn", "welsh-unitary",
                                "kpi@isle-of-anglesey.example.org", {"cy"}}}}};
  b.run();
  BOOST_TEST(archive.documents.count("2009-10-Q2/W06000001.cy.pdf") == 1u);
  BOOST_TEST(archive.documents.count("2009-10-Q2/W06000001.pdf") == 0u);
  const Mail& mail = b.mailTo("kpi@isle-of-anglesey.example.org");
  BOOST_REQUIRE(mail.attachments.size() == 1u);
  BOOST_TEST(mail.attachments[0].fileName == "W06000001-2009-10-Q2.cy.pdf");
  BOOST_TEST(mail.text.find("----------------------------------------") == std::string::npos);
  BOOST_TEST(mail.messageId ==
             "profkpi.board.W06000001.2009-10-Q2.cy." + deliveries.byOrganisation.at(ANGLESEY).sha256);
}

BOOST_AUTO_TEST_CASE(aRunningRunWithoutItsLeaseReadsAsAbandoned) {
  RunRecord run;
  run.holder = "host:1";
  run.outcome = RunOutcome::Running;
  BOOST_TEST(shownOutcome(run, std::nullopt) == "abandoned");
  BOOST_TEST(shownOutcome(run, LeaseHolder{"host:2", {}, {}}) == "abandoned");
  BOOST_TEST(shownOutcome(run, LeaseHolder{"host:1", {}, {}}) == "running");
  run.outcome = RunOutcome::Failed;
  BOOST_TEST(shownOutcome(run, std::nullopt) == "failed");
}

BOOST_AUTO_TEST_CASE(anotherVersionGoesWithTheMailAndItsFailureDoesNotHoldThePdfBack) {
  FakeRenderer html;
  html.failFor = MIDDLESBROUGH;
  NightlyOptions withHtml = options;
  withHtml.alsoAttach = &html;
  NightlyRun run{store, results, ledger, deliveries, renderer, archive, &mailer, clock, withHtml};
  RunRequest request;
  request.holder = "cli:1";
  RunSummary s = run.run(request);
  BOOST_TEST(s.run.counts.mailed == 2u);
  BOOST_REQUIRE(mailer.sent.size() == 2u);
  BOOST_REQUIRE(mailer.sent[0].attachments.size() == 2u);
  BOOST_TEST(mailer.sent[0].attachments[0].bytes == *archive.load("2009-10-Q2", "E06000001.pdf"));
  BOOST_TEST(mailer.sent[0].text.find("Also attached, the same report as a PDF: E06000001-2009-10-Q2.pdf") !=
             std::string::npos, mailer.sent[0].text);
  BOOST_TEST(mailer.sent[1].attachments.size() == 1u);  // the archived PDF alone
  std::vector<RunItem> items = ledger.items(s.run.id);
  auto middlesbrough = std::find_if(items.begin(), items.end(), [](const RunItem& i) {
    return i.organisation == MIDDLESBROUGH && i.action == "mailed";
  });
  BOOST_REQUIRE(middlesbrough != items.end());
  BOOST_TEST(middlesbrough->detail.find("without the pdf version: scripted render failure") != std::string::npos,
             middlesbrough->detail);
  BOOST_TEST(middlesbrough->recipient == "kpi@middlesbrough.example.org");
  BOOST_TEST(middlesbrough->messageId == mailer.sent[1].messageId);
}

BOOST_AUTO_TEST_SUITE_END()

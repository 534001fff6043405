// `profkpi nightly` as a process against a real store (SQLite, or PostgreSQL
// when PROFKPI_STORE_BACKEND says so) and a real SMTP server on 127.0.0.1
// inside the test: what arrives, what is archived, failures carried over to
// the next run, two processes at once, and the schedule across both clock
// changes of 2026 (`--scheduled --at`).
#include "adapters/archive/FileReportArchive.h"
#include "platform/Sha256.h"
#include "adapters/store/SqlRunLedger.h"
#include "tests/support/DocumentText.h"
#include "tests/support/Documents.h"
#include "tests/support/Process.h"
#include "tests/support/StoreFixture.h"
#include "tests/support/TestSmtpServer.h"

#include <boost/test/unit_test.hpp>

#include <csignal>
#include <map>
#include <thread>
#include <sys/stat.h>

using namespace profkpi::tests;
using profkpi::adapters::archive::FileReportArchive;

namespace {

const std::map<std::string, std::string> CONTACTS = {
    {"E06000001", "kpi@hartlepool.example.org"},
    {"E06000002", "kpi@middlesbrough.example.org"},
    {"W06000001", "kpi@isle-of-anglesey.example.org"},
    {"W06000002", "kpi@gwynedd.example.org"},
};

struct Fixture {
  TempDir dir;
  StoreConfig store = freshStoreConfig(dir);
  TestSmtpServer smtp;
  std::string config = dir.file("profkpi.properties");
  std::string reports = dir.file("reports");

  explicit Fixture(const std::string& extra = "") {
    writeFile(config, "store.connector = " + store.connector + "\n" + "store.connection = " + store.connection + "\n" +
                          "reports.dir = " + reports + "\n" + "smtp.host = 127.0.0.1\n" +
                          "smtp.port = " + std::to_string(smtp.port()) + "\n" +
                          "smtp.from = profkpi@kpi.example.org\n"
                          "smtp.tls = none\n"
                          "smtp.attempts = 2\n"
                          "smtp.retryDelayMilliseconds = 10\n"
                          "smtp.connectTimeoutSeconds = 2\n"
                          "smtp.timeoutSeconds = 5\n"
                          "http.publicUrl = https://kpi.example.org\n" +
                          extra);
    ProcessResult r = profkpi({"ingest", samplesDir() + "/valid"});
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
  }

  ProcessResult profkpi(std::vector<std::string> args) const {
    args.insert(args.begin() + 1, {"--config", config});
    args.insert(args.begin(), profkpiBinary());
    return runProcess(args);
  }

  std::vector<profkpi::engine::RunRecord> runs() const {
    profkpi::adapters::store::SqlStore s(store.connector, store.connection);
    return profkpi::adapters::store::SqlRunLedger(s).recentRuns(100);
  }

  std::string archived(const std::string& name) const { return readFile(reports + "/2009-10-Q2/" + name); }

  // Each received mail's recipient and decoded PDFs, checked against the
  // archive: one PDF for an English-only council, Welsh then English for a
  // Welsh one (the shipped registry's reportLanguages="cy en").
  void checkMailsCarryTheArchivedReports(const std::vector<ReceivedMail>& mails) const {
    FileReportArchive archive(reports);
    for (const ReceivedMail& m : mails) {
      BOOST_REQUIRE(m.to.size() == 1u);
      auto code = std::find_if(CONTACTS.begin(), CONTACTS.end(), [&](const auto& c) { return c.second == m.to[0]; });
      BOOST_REQUIRE_MESSAGE(code != CONTACTS.end(), m.to[0]);
      std::vector<std::string> languages = languagesOf(code->first);
      ParsedMail parsed = parseMail(m.data);
      // Per language: the PDF, then the HTML (mail.attachHtml).
      BOOST_REQUIRE(parsed.parts.size() == 1u + 2 * languages.size());
      for (std::size_t k = 0; k < languages.size(); ++k) {
        const std::string tag = languages[k] == "en" ? "" : "." + languages[k];
        const MailPart& pdf = parsed.parts[1 + 2 * k];
        const MailPart& html = parsed.parts[2 + 2 * k];
        BOOST_TEST(html.fileName == code->first + "-2009-10-Q2" + tag + ".html");
        BOOST_TEST(html.mediaType.rfind("text/html", 0) == 0u, html.mediaType);
        BOOST_TEST(contains(html.bytes, "<html"));
        BOOST_TEST(pdf.transferEncoding == "base64");
        BOOST_TEST(pdf.fileName == code->first + "-2009-10-Q2" + tag + ".pdf");
        std::string file = archived(code->first + tag + ".pdf");
        BOOST_TEST(pdf.bytes.size() == file.size());
        BOOST_TEST((pdf.bytes == file), code->first << tag << ": the attachment differs from the archived PDF");
        BOOST_TEST(pdf.bytes.compare(0, 5, "%PDF-") == 0);
        BOOST_TEST(archive.manifest("2009-10-Q2").at(code->first + tag + ".pdf") ==
                   profkpi::platform::sha256Hex(pdf.bytes));
      }
    }
  }

  // As the shipped registry has them.
  static std::vector<std::string> languagesOf(const std::string& code) {
    if (code.rfind("W06", 0) == 0) return {"cy", "en"};
    return {"en"};
  }
};

std::vector<std::string> recipients(const std::vector<ReceivedMail>& mails) {
  std::vector<std::string> to;
  for (const ReceivedMail& m : mails) to.insert(to.end(), m.to.begin(), m.to.end());
  std::sort(to.begin(), to.end());
  return to;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(NightlyCliTest, Fixture)

BOOST_AUTO_TEST_CASE(mailsEachBoardReportOnceWithTheArchivedPdfAttached) {
  ProcessResult first = profkpi({"nightly"});
  BOOST_TEST(first.exitCode == 0, first.out + first.err);
  BOOST_TEST(contains(first.out, "nightly run 1 succeeded"), first.out);
  BOOST_TEST(contains(first.out, "4 board reports and 1 sector report rendered, 4 mailed, 0 mails pending"), first.out);
  BOOST_TEST(contains(first.err, "4/5 W06000002 2009-10-Q2: mailed kpi@gwynedd.example.org"), first.err);
  std::vector<ReceivedMail> mails = smtp.received();
  BOOST_REQUIRE(mails.size() == 4u);
  std::vector<std::string> expected;
  for (const auto& [code, contact] : CONTACTS) expected.push_back(contact);
  std::sort(expected.begin(), expected.end());
  BOOST_TEST(recipients(mails) == expected, boost::test_tools::per_element());
  checkMailsCarryTheArchivedReports(mails);
  ParsedMail hartlepool = parseMail(mails.front().data);
  BOOST_TEST(contains(hartlepool.parts[0].bytes, "Professionalisation index: "));
  BOOST_TEST(contains(hartlepool.parts[0].bytes,
                      "https://kpi.example.org/api/v1/organisations/E06000001/periods/2009-10-Q2/report.pdf"));
  ProcessResult check = runProcess({"/bin/sh", "-c", "cd '" + reports + "/2009-10-Q2' && sha256sum -c --strict SHA256SUMS"});
  BOOST_TEST(check.exitCode == 0, check.out + check.err);
  BOOST_TEST(contains(check.out, "sector.pdf: OK"));

  std::string manifest = archived("SHA256SUMS");
  ProcessResult second = profkpi({"nightly"});
  BOOST_TEST(second.exitCode == 0, second.out + second.err);
  BOOST_TEST(contains(second.out, "0 board reports and 0 sector reports rendered, 0 mailed"), second.out);
  BOOST_TEST(smtp.received().size() == 4u);
  BOOST_TEST(archived("SHA256SUMS") == manifest);
  BOOST_TEST(runs().size() == 2u);
}

// Issue 25: the shipped registry has the Welsh councils ask for "cy en".
BOOST_AUTO_TEST_CASE(aWelshCouncilGetsWelshAndEnglishReportsArchivedAndInOneMailWelshFirst) {
  ProcessResult run = profkpi({"nightly"});
  BOOST_TEST(run.exitCode == 0, run.out + run.err);
  // One delivery per organisation, whatever its languages.
  BOOST_TEST(contains(run.out, "4 board reports and 1 sector report rendered, 4 mailed, 0 mails pending"), run.out);
  BOOST_TEST(contains(run.err, "W06000001 2009-10-Q2: rendered W06000001.cy.pdf, W06000001.pdf, "), run.err);
  BOOST_TEST(contains(run.err, "E06000001 2009-10-Q2: rendered E06000001.pdf, "), run.err);

  FileReportArchive archive(reports);
  std::map<std::string, std::string> manifest = archive.manifest("2009-10-Q2");
  for (const char* name : {"W06000001.cy.pdf", "W06000001.pdf", "W06000002.cy.pdf", "W06000002.pdf",
                           "E06000001.pdf", "E06000002.pdf", "sector.pdf", "sector.cy.pdf"}) {
    BOOST_TEST(manifest.count(name) == 1u, name << " is in SHA256SUMS");
    BOOST_TEST(archived(name).compare(0, 5, "%PDF-") == 0, name);
  }
  // English-only councils have no Welsh report; nothing else is archived.
  BOOST_TEST(manifest.count("E06000001.cy.pdf") == 0u);
  struct stat unused {};
  BOOST_TEST(::stat((reports + "/2009-10-Q2/E06000001.cy.pdf").c_str(), &unused) != 0);
  BOOST_TEST(std::count_if(manifest.begin(), manifest.end(), [](const auto& entry) {
               return entry.first.size() > 4 && entry.first.compare(entry.first.size() - 4, 4, ".pdf") == 0;
             }) == 8);
  ProcessResult check =
      runProcess({"/bin/sh", "-c", "cd '" + reports + "/2009-10-Q2' && sha256sum -c --strict SHA256SUMS"});
  BOOST_TEST(check.exitCode == 0, check.out + check.err);
  BOOST_TEST(contains(check.out, "W06000001.cy.pdf: OK"), check.out);
  BOOST_TEST(contains(check.out, "sector.cy.pdf: OK"), check.out);

  std::vector<ReceivedMail> mails = smtp.received();
  BOOST_REQUIRE(mails.size() == 4u);  // one per organisation
  checkMailsCarryTheArchivedReports(mails);
  auto to = [&](const std::string& contact) {
    auto m = std::find_if(mails.begin(), mails.end(), [&](const ReceivedMail& r) { return r.to.at(0) == contact; });
    BOOST_REQUIRE(m != mails.end());
    return parseMail(m->data);
  };
  ParsedMail anglesey = to(CONTACTS.at("W06000001"));
  const std::string& body = anglesey.parts[0].bytes;
  // Welsh first, then the rule, then English; each names its own attachment and link.
  std::size_t welsh = body.find("W06000001-2009-10-Q2.cy.pdf");
  std::size_t rule = body.find("----------------------------------------");
  std::size_t english = body.find("W06000001-2009-10-Q2.pdf");
  BOOST_TEST(welsh != std::string::npos, body);
  BOOST_TEST(rule != std::string::npos, body);
  BOOST_TEST(english != std::string::npos, body);
  BOOST_TEST((welsh < rule && rule < english), body);
  BOOST_TEST(body.find("/api/v1/organisations/W06000001/periods/2009-10-Q2/report.pdf?lang=cy") < rule, body);
  BOOST_TEST(body.find("/api/v1/organisations/W06000001/periods/2009-10-Q2/report.pdf", rule) != std::string::npos);
  BOOST_TEST(body.find("?lang=", rule) == std::string::npos, body);
  // The Welsh half is in Welsh words, from the shipped catalogue, not only Welsh names.
  BOOST_TEST(body.find("Mynegai proffesiynoli") < rule, body);
  BOOST_TEST(body.find("Professionalisation index") > rule, body);
  BOOST_TEST(body.find("Professionalisation index") != std::string::npos, body);
  const std::string subject = anglesey.headers["subject"];
  BOOST_TEST(contains(subject, " / "), subject);
  // A stable Message-ID: both languages, and the Welsh document's SHA-256.
  BOOST_TEST(anglesey.headers["message-id"].rfind("<profkpi.board.W06000001.2009-10-Q2.cy+en." +
                                                       manifest.at("W06000001.cy.pdf") + "@",
                                                   0) == 0u,
             anglesey.headers["message-id"]);
  // An English-only council's mail is as it always was.
  ParsedMail hartlepool = to(CONTACTS.at("E06000001"));
  BOOST_TEST(hartlepool.parts.size() == 3u);  // the text, the PDF, the HTML
  BOOST_TEST(!contains(hartlepool.parts[0].bytes, "-----"));
  BOOST_TEST(!contains(hartlepool.headers["subject"], " / "));
  BOOST_TEST(hartlepool.headers["message-id"].rfind("<profkpi.board.E06000001.2009-10-Q2.en." +
                                                        manifest.at("E06000001.pdf") + "@",
                                                    0) == 0u);
}

BOOST_AUTO_TEST_CASE(aPendingBilingualMailIsSentLaterFromTheArchiveWithTheSameMessageId) {
  smtp.refuseRecipient("kpi@isle-of-anglesey.example.org", 451);
  ProcessResult refused = profkpi({"nightly"});
  BOOST_TEST(refused.exitCode == 1, refused.out + refused.err);
  BOOST_TEST(contains(refused.out, "W06000001 2009-10-Q2: pending: "), refused.out);
  std::string welsh = archived("W06000001.cy.pdf");
  std::string manifest = archived("SHA256SUMS");

  smtp.refuseRecipient("kpi@isle-of-anglesey.example.org", 0);
  ProcessResult next = profkpi({"nightly"});
  BOOST_TEST(next.exitCode == 0, next.out + next.err);
  BOOST_TEST(contains(next.out, "0 board reports and 0 sector reports rendered, 1 mailed"), next.out);
  BOOST_TEST(archived("SHA256SUMS") == manifest);  // sent as archived, nothing rendered again
  std::vector<ReceivedMail> mails = smtp.received();
  auto last = std::find_if(mails.begin(), mails.end(), [](const ReceivedMail& m) {
    return m.to.at(0) == "kpi@isle-of-anglesey.example.org";
  });
  BOOST_REQUIRE(last != mails.end());
  ParsedMail parsed = parseMail(last->data);
  BOOST_REQUIRE(parsed.parts.size() == 5u);  // the text; Welsh PDF and HTML; English PDF and HTML
  BOOST_TEST((parsed.parts[1].bytes == welsh));
  checkMailsCarryTheArchivedReports(mails);
}

BOOST_AUTO_TEST_CASE(aRegistryListingALanguageTwiceStopsTheRunWithWhereAndWhy) {
  writeFile(dir.file("registry.xml"),
            "<Registry xmlns=\"urn:profkpi:registry:1\" version=\"1\">\n"
            "<Organisation code=\"W06000001\" type=\"welsh-unitary\" reportLanguages=\"cy cy\">"
            "<Name>Isle of Anglesey County Council</Name><Contact>kpi@isle-of-anglesey.example.org</Contact>"
            "</Organisation></Registry>");
  writeFile(config, readFile(config) + "registry.file = " + dir.file("registry.xml") + "\n");
  ProcessResult twice = profkpi({"nightly"});
  BOOST_TEST(twice.exitCode == 2, twice.out + twice.err);
  BOOST_TEST(contains(twice.err, "registry.xml:2"), twice.err);
  BOOST_TEST(contains(twice.err, "reportLanguages"), twice.err);
  writeFile(dir.file("registry.xml"),
            "<Registry xmlns=\"urn:profkpi:registry:1\" version=\"1\">\n"
            "<Organisation code=\"W06000001\" type=\"welsh-unitary\" reportLanguages=\"cy fr\">"
            "<Name>Isle of Anglesey County Council</Name><Contact>kpi@isle-of-anglesey.example.org</Contact>"
            "</Organisation></Registry>");
  ProcessResult french = profkpi({"nightly"});
  BOOST_TEST(french.exitCode == 2, french.out + french.err);
  BOOST_TEST(contains(french.err, "registry.xml:2"), french.err);
  BOOST_TEST(contains(french.err, "fr"), french.err);
  BOOST_TEST(smtp.conversations() == 0u);
  BOOST_TEST(runs().empty());
}

BOOST_AUTO_TEST_CASE(smtpDownLeavesMailsPendingUntilTheNextRunThenSendsThemOnce) {
  smtp.goDown();
  ProcessResult down = profkpi({"nightly"});
  BOOST_TEST(down.exitCode == 1, down.out + down.err);
  BOOST_TEST(contains(down.out, "nightly run 1 failed"), down.out);
  BOOST_TEST(contains(down.out, "4 board reports and 1 sector report rendered, 0 mailed, 4 mails pending"), down.out);
  BOOST_TEST(contains(down.out, "E06000001 2009-10-Q2: pending: "), down.out);
  BOOST_TEST(archived("E06000001.pdf").compare(0, 5, "%PDF-") == 0);  // the run completed

  smtp.comeUp();
  ProcessResult up = profkpi({"nightly"});
  BOOST_TEST(up.exitCode == 0, up.out + up.err);
  BOOST_TEST(contains(up.out, "0 board reports and 0 sector reports rendered, 4 mailed, 0 mails pending"), up.out);
  BOOST_REQUIRE(smtp.received().size() == 4u);
  checkMailsCarryTheArchivedReports(smtp.received());

  ProcessResult again = profkpi({"nightly"});
  BOOST_TEST(again.exitCode == 0, again.out + again.err);
  BOOST_TEST(smtp.received().size() == 4u);  // exactly once
}

BOOST_AUTO_TEST_CASE(aTemporaryRefusalIsSentNextRunAPermanentOneIsNotTriedAgain) {
  smtp.refuseRecipient("kpi@hartlepool.example.org", 451);
  smtp.refuseRecipient("kpi@middlesbrough.example.org", 550);
  ProcessResult refused = profkpi({"nightly"});
  BOOST_TEST(refused.exitCode == 1, refused.out + refused.err);
  BOOST_TEST(contains(refused.out, "2 mailed, 1 mail pending, 1 refused"), refused.out);
  BOOST_TEST(contains(refused.out, "E06000002 2009-10-Q2: refused: "), refused.out);
  BOOST_TEST(contains(refused.out, "550"), refused.out);
  BOOST_TEST(smtp.conversations() == 2u + 2u + 1u);  // two delivered, two tries for 451, one for 550

  smtp.refuseRecipient("kpi@hartlepool.example.org", 0);
  smtp.refuseRecipient("kpi@middlesbrough.example.org", 0);
  ProcessResult next = profkpi({"nightly"});
  BOOST_TEST(next.exitCode == 0, next.out + next.err);
  BOOST_TEST(contains(next.out, "1 mailed"), next.out);
  std::vector<std::string> expected{"kpi@gwynedd.example.org", "kpi@hartlepool.example.org",
                                    "kpi@isle-of-anglesey.example.org"};
  BOOST_TEST(recipients(smtp.received()) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(twoConcurrentProcessesMakeOneRun) {
  smtp.setReplyDelay(std::chrono::milliseconds(100));  // the run takes a few seconds
  int a = spawnProcess({profkpiBinary(), "nightly", "--config", config}, dir.file("a.out"), dir.file("a.err"));
  int b = spawnProcess({profkpiBinary(), "nightly", "--config", config}, dir.file("b.out"), dir.file("b.err"));
  int statusA = waitProcess(a);
  int statusB = waitProcess(b);
  std::string outA = readFile(dir.file("a.out")), outB = readFile(dir.file("b.out"));
  BOOST_TEST(statusA == 0, outA + readFile(dir.file("a.err")));
  BOOST_TEST(statusB == 0, outB + readFile(dir.file("b.err")));
  const std::string& ran = contains(outA, "nightly run 1 succeeded") ? outA : outB;
  const std::string& other = &ran == &outA ? outB : outA;
  BOOST_TEST(contains(ran, "4 mailed"), ran);
  BOOST_TEST(contains(other, "another nightly run is in progress ("), other);
  BOOST_TEST(contains(other, "not starting a second one"), other);
  BOOST_TEST(runs().size() == 1u);
  BOOST_TEST(smtp.received().size() == 4u);
}

BOOST_AUTO_TEST_CASE(aSecondProcessWithWaitRunsAfterTheFirst) {
  smtp.setReplyDelay(std::chrono::milliseconds(50));
  int a = spawnProcess({profkpiBinary(), "nightly", "--config", config}, dir.file("a.out"), dir.file("a.err"));
  // Start the second once the first holds the lease.
  for (int i = 0; i < 500 && smtp.conversations() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ProcessResult b = profkpi({"nightly", "--wait"});
  BOOST_TEST(waitProcess(a) == 0);
  BOOST_TEST(b.exitCode == 0, b.out + b.err);
  BOOST_TEST(contains(b.out, "nightly run 2 succeeded"), b.out);
  BOOST_TEST(contains(b.out, "0 board reports and 0 sector reports rendered, 0 mailed"), b.out);
  BOOST_TEST(smtp.received().size() == 4u);
}

BOOST_AUTO_TEST_CASE(scheduledRunsAreOncePerLocalDayAcrossBothClockChanges) {
  writeFile(config, readFile(config) + "nightly.time = 01:30\nnightly.timezone = Europe/London\n");
  auto scheduled = [&](const std::string& at) {
    ProcessResult r = profkpi({"nightly", "--scheduled", "--at", at});
    BOOST_TEST(r.exitCode == 0, at << ": " << r.out << r.err);
    return r.out;
  };
  BOOST_TEST(scheduled("2026-03-28T12:00:00Z") == "schedule armed; the next run is due at 2026-03-29 02:00 BST\n");
  BOOST_TEST(scheduled("2026-03-29T00:59:00Z") == "no run due; the next run is due at 2026-03-29 02:00 BST\n");
  BOOST_TEST(contains(scheduled("2026-03-29T01:00:00Z"), "nightly run 2 succeeded"));  // 01:30 does not exist
  BOOST_TEST(scheduled("2026-03-29T01:30:00Z") == "no run due; the next run is due at 2026-03-30 01:30 BST\n");
  BOOST_TEST(contains(scheduled("2026-10-25T00:30:00Z"), "nightly run 3 succeeded"));  // the first 01:30
  BOOST_TEST(scheduled("2026-10-25T01:30:00Z") == "no run due; the next run is due at 2026-10-26 01:30 GMT\n");
  BOOST_TEST(contains(scheduled("2026-10-26T01:30"), "nightly run 4 succeeded"));  // local time
  auto history = runs();
  BOOST_REQUIRE(history.size() == 4u);
  BOOST_TEST(profkpi::engine::formatDate(*history[0].servedDay) == "2026-10-26");
  BOOST_TEST(profkpi::engine::formatDate(*history[1].servedDay) == "2026-10-25");
  BOOST_TEST(profkpi::engine::formatDate(*history[2].servedDay) == "2026-03-29");
  BOOST_TEST(smtp.received().size() == 4u);  // the first run mailed; the data never changed
}

BOOST_AUTO_TEST_CASE(historyListsTheRuns) {
  profkpi({"nightly"});
  ProcessResult h = profkpi({"nightly", "--history", "5"});
  BOOST_TEST(h.exitCode == 0, h.err);
  BOOST_TEST(contains(h.out, "1  manual  -  "), h.out);
  BOOST_TEST(contains(h.out, "  succeeded  "), h.out);
}

BOOST_AUTO_TEST_CASE(badScheduleSettingsAreConfigurationErrors) {
  writeFile(config, readFile(config) + "nightly.timezone = Europe/Atlantis\n");
  ProcessResult r = profkpi({"nightly"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(contains(r.err, "Europe/Atlantis"), r.err);
  ProcessResult at = profkpi({"nightly", "--at", "yesterday"});
  BOOST_TEST(at.exitCode == 2);
}

BOOST_AUTO_TEST_CASE(aPasswordFileOthersMayReadStopsTheRunBeforeAnything) {
  const std::string secret = "Hunter2-never-shown";
  std::string passwordFile = dir.file("smtp-password");
  writeFile(passwordFile, secret + "\n");
  ::chmod(passwordFile.c_str(), 0644);
  writeFile(config, readFile(config) + "smtp.tls = starttls\nsmtp.auth = plain\nsmtp.username = profkpi\n" +
                        "smtp.passwordFile = " + passwordFile + "\n");
  ProcessResult r = profkpi({"nightly"});
  BOOST_TEST(r.exitCode == 2, r.out + r.err);
  BOOST_TEST(contains(r.err, "smtp.passwordFile: the secret file " + passwordFile), r.err);
  BOOST_TEST(contains(r.err, "chmod 600"), r.err);
  BOOST_TEST(!contains(r.out + r.err, secret));
  BOOST_TEST(smtp.conversations() == 0u);
  BOOST_TEST(runs().empty());

  ::chmod(passwordFile.c_str(), 0600);
  ProcessResult secured = profkpi({"nightly"});
  // The test server offers no STARTTLS: nothing is sent, the password least of all.
  BOOST_TEST(secured.exitCode == 1, secured.out + secured.err);
  BOOST_TEST(contains(secured.err, "does not offer STARTTLS"), secured.err);
  BOOST_TEST(smtp.received().empty());
  ProcessResult history = profkpi({"nightly", "--history", "5"});
  BOOST_TEST(!contains(secured.out + secured.err + history.out + history.err, secret));
}

BOOST_AUTO_TEST_CASE(credentialsWithoutTlsAreAConfigurationError) {
  std::string passwordFile = dir.file("smtp-password");
  writeFile(passwordFile, "whatever\n");
  ::chmod(passwordFile.c_str(), 0600);
  writeFile(config, readFile(config) + "smtp.auth = login\nsmtp.username = profkpi\nsmtp.passwordFile = " +
                        passwordFile + "\n");
  ProcessResult r = profkpi({"nightly"});
  BOOST_TEST(r.exitCode == 2, r.out + r.err);
  BOOST_TEST(contains(r.err, "credentials are never sent in plain text"), r.err);
  writeFile(config, readFile(config) + "smtp.tls = sometimes\n");
  ProcessResult bad = profkpi({"nightly"});
  BOOST_TEST(bad.exitCode == 2);
  BOOST_TEST(contains(bad.err, "smtp.tls must be starttls, implicit or none"), bad.err);
}

BOOST_AUTO_TEST_CASE(plainTextMailIsAWarningAtStart) {
  ProcessResult r = profkpi({"nightly"});
  BOOST_TEST(r.exitCode == 0, r.err);
  BOOST_TEST(contains(r.err, "smtp.tls = none: mail to smtp://127.0.0.1:"), r.err);
}

BOOST_AUTO_TEST_CASE(aRunKilledWhileSendingIsAbandonedAndItsMailSentAgainWithTheSameMessageId) {
  writeFile(config, readFile(config) + "nightly.leaseSeconds = 2\n");
  smtp.setConfirmDelay(std::chrono::seconds(30));
  int killed = spawnProcess({profkpiBinary(), "nightly", "--config", config}, dir.file("a.out"), dir.file("a.err"));
  for (int i = 0; i < 3000 && smtp.received().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  BOOST_REQUIRE(smtp.received().size() == 1u);  // sent; the client waits for the server's word
  ::kill(killed, SIGKILL);
  BOOST_TEST(waitProcess(killed) == -SIGKILL);
  smtp.setConfirmDelay(std::chrono::milliseconds(0));
  ProcessResult running = profkpi({"nightly", "--history", "5"});
  BOOST_TEST(contains(running.out, "  running  "), running.out);  // its lease has not expired yet
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  ProcessResult abandoned = profkpi({"nightly", "--history", "5"});
  BOOST_TEST(contains(abandoned.out, "1  manual  -  "), abandoned.out);
  BOOST_TEST(contains(abandoned.out, "  abandoned  "), abandoned.out);

  ProcessResult next = profkpi({"nightly"});
  BOOST_TEST(next.exitCode == 0, next.out + next.err);
  BOOST_TEST(contains(next.err, "E06000001 2009-10-Q2: mailed kpi@hartlepool.example.org (sent again with the same "
                                "Message-ID"),
             next.err);
  std::vector<ReceivedMail> mails = smtp.received();
  BOOST_REQUIRE(mails.size() == 5u);  // the one in flight twice, every other once
  std::map<std::string, std::vector<std::string>> ids;
  for (const ReceivedMail& m : mails) ids[m.to.at(0)].push_back(parseMail(m.data).headers["message-id"]);
  BOOST_REQUIRE(ids.size() == 4u);
  BOOST_REQUIRE(ids["kpi@hartlepool.example.org"].size() == 2u);
  const std::string& first = ids["kpi@hartlepool.example.org"][0];
  BOOST_TEST(first == ids["kpi@hartlepool.example.org"][1]);
  BOOST_TEST(first.rfind("<profkpi.board.E06000001.2009-10-Q2.en.", 0) == 0u, first);
  BOOST_TEST(contains(first, "@kpi.example.org>"), first);
  ProcessResult after = profkpi({"nightly", "--history", "5"});
  BOOST_TEST(contains(after.out, "  abandoned  "), after.out);
  BOOST_TEST(contains(after.out, "  succeeded  "), after.out);
}

BOOST_AUTO_TEST_SUITE_END()

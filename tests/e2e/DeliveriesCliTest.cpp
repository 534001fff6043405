// `profkpi deliveries` and `profkpi nightly --resend` as processes against a
// real store (SQLite, or PostgreSQL when PROFKPI_STORE_BACKEND says so) and a
// real SMTP server on 127.0.0.1 inside the test: the record of who was sent
// what matches what arrived and what was archived; a resend on purpose sends an
// archived report (the latest, or an earlier period's) again as a new message
// and is recorded so; mail.attachHtml = false sends the PDF alone.
#include "adapters/archive/FileReportArchive.h"
#include "tests/support/DocumentText.h"
#include "tests/support/Documents.h"
#include "tests/support/Process.h"
#include "tests/support/StoreFixture.h"
#include "tests/support/TestSmtpServer.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/unit_test.hpp>

using namespace profkpi::tests;

namespace {

struct Fixture {
  TempDir dir;
  StoreConfig store = freshStoreConfig(dir);
  TestSmtpServer smtp;
  std::string config = dir.file("profkpi.properties");
  std::string reports = dir.file("reports");

  Fixture() {
    configure("");
    ProcessResult r = profkpi({"ingest", samplesDir() + "/valid"});
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
  }

  void configure(const std::string& extra) const {
    writeFile(config, "store.connector = " + store.connector + "\nstore.connection = " + store.connection +
                          "\nreports.dir = " + reports + "\nsmtp.host = 127.0.0.1\nsmtp.port = " +
                          std::to_string(smtp.port()) +
                          "\nsmtp.from = profkpi@kpi.example.org\nsmtp.tls = none\nsmtp.attempts = 1\n" + extra);
  }

  ProcessResult profkpi(std::vector<std::string> args) const {
    args.insert(args.begin() + 1, {"--config", config});
    args.insert(args.begin(), profkpiBinary());
    return runProcess(args);
  }

  // The Message-ID header of each mail received, by recipient, in order.
  std::map<std::string, std::vector<std::string>> messageIds() const {
    std::map<std::string, std::vector<std::string>> ids;
    for (const ReceivedMail& m : smtp.received()) ids[m.to.at(0)].push_back(parseMail(m.data).headers["message-id"]);
    return ids;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(DeliveriesCliTest, Fixture)

BOOST_AUTO_TEST_CASE(listsWhoWasSentWhatWithTheArchivedHashAndTheMessageId) {
  ProcessResult empty = profkpi({"deliveries"});
  BOOST_TEST(empty.exitCode == 0, empty.err);
  BOOST_TEST(lines(empty.out).size() == 1u, empty.out);  // the heading only
  smtp.refuseRecipient("kpi@gwynedd.example.org", 550);
  ProcessResult run = profkpi({"nightly"});
  BOOST_TEST(run.exitCode == 1, run.out + run.err);

  ProcessResult table = profkpi({"deliveries"});
  BOOST_TEST(table.exitCode == 0, table.err);
  std::vector<std::string> rows = lines(table.out);
  BOOST_REQUIRE(rows.size() == 5u);
  BOOST_TEST(contains(rows[0], "WHEN (UTC)"));
  BOOST_TEST(contains(rows[0], "  SHA-256  "));
  BOOST_TEST(contains(rows[0], "  MESSAGE-ID  "));
  const std::map<std::string, std::string> manifest =
      profkpi::adapters::archive::FileReportArchive(reports).manifest("2009-10-Q2");
  std::map<std::string, std::vector<std::string>> ids = messageIds();
  const std::string& hartlepool = rows[1];
  BOOST_TEST(contains(hartlepool, "  E06000001  2009-10-Q2  mailed   kpi@hartlepool.example.org  "), hartlepool);
  BOOST_TEST(contains(hartlepool, manifest.at("E06000001.pdf")), hartlepool);
  BOOST_TEST(contains(hartlepool, ids.at("kpi@hartlepool.example.org").at(0)), hartlepool);
  BOOST_TEST(contains(rows[4], "  W06000002  2009-10-Q2  refused  kpi@gwynedd.example.org"), rows[4]);
  BOOST_TEST(contains(rows[4], "550"), rows[4]);  // the server's answer, in DETAIL

  ProcessResult json = profkpi({"deliveries", "--org", "W06000001", "--json"});
  BOOST_TEST(json.exitCode == 0, json.err);
  Poco::JSON::Array::Ptr items = Poco::JSON::Parser().parse(json.out).extract<Poco::JSON::Array::Ptr>();
  BOOST_REQUIRE(items->size() == 1u);
  Poco::JSON::Object::Ptr anglesey = items->getObject(0);
  BOOST_TEST(anglesey->getValue<std::string>("to") == "kpi@isle-of-anglesey.example.org");
  BOOST_TEST(anglesey->getValue<std::string>("outcome") == "mailed");
  // A Welsh council asks for "cy en": its one mail is recorded by its first document, the Welsh one.
  BOOST_TEST(anglesey->getValue<std::string>("sha256") == manifest.at("W06000001.cy.pdf"));
  BOOST_TEST(anglesey->getValue<std::string>("messageId") == ids.at("kpi@isle-of-anglesey.example.org").at(0));

  BOOST_TEST(lines(profkpi({"deliveries", "--period", "2009-10-Q2"}).out).size() == 5u);
  BOOST_TEST(lines(profkpi({"deliveries", "--period", "2009-10-Q3"}).out).size() == 1u);
  BOOST_TEST(lines(profkpi({"deliveries", "--since", "2000-01-01"}).out).size() == 5u);
  BOOST_TEST(lines(profkpi({"deliveries", "--since", "2999-01-01T00:00:00Z"}).out).size() == 1u);
  ProcessResult bad = profkpi({"deliveries", "--since", "yesterday"});
  BOOST_TEST(bad.exitCode == 2);
  BOOST_TEST(contains(bad.err, "--since takes a day"), bad.err);
}

BOOST_AUTO_TEST_CASE(aResendMailsTheArchivedReportAgainAsANewMessageAndIsRecordedSo) {
  ProcessResult run = profkpi({"nightly"});
  BOOST_TEST(run.exitCode == 0, run.out + run.err);
  BOOST_REQUIRE(smtp.received().size() == 4u);
  const std::string archived = readFile(reports + "/2009-10-Q2/E06000001.pdf");

  ProcessResult resend = profkpi({"nightly", "--resend", "E06000001", "--period", "2009-10-Q2"});
  BOOST_TEST(resend.exitCode == 0, resend.out + resend.err);
  BOOST_TEST(contains(resend.out, "resend of E06000001 on request: 0 board reports and 0 sector reports rendered, "
                                  "1 mailed"),
             resend.out);
  std::vector<ReceivedMail> mails = smtp.received();
  BOOST_REQUIRE(mails.size() == 5u);  // that one only, nothing rendered
  BOOST_TEST(mails.back().to.at(0) == "kpi@hartlepool.example.org");
  ParsedMail again = parseMail(mails.back().data);
  BOOST_REQUIRE(again.parts.size() == 3u);
  BOOST_TEST((again.parts[1].bytes == archived));
  std::vector<std::string> ids = messageIds().at("kpi@hartlepool.example.org");
  BOOST_REQUIRE(ids.size() == 2u);
  BOOST_TEST(ids[1] != ids[0]);  // a mailbox that has the first takes this one too
  BOOST_TEST(ids[1].rfind(ids[0].substr(0, ids[0].find('@')) + ".resent.", 0) == 0u, ids[1]);

  std::vector<std::string> rows = lines(profkpi({"deliveries", "--org", "E06000001"}).out);
  BOOST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(contains(rows[2], "  resent   kpi@hartlepool.example.org  "), rows[2]);
  BOOST_TEST(contains(rows[2], ids[1]), rows[2]);
  BOOST_TEST(contains(profkpi({"nightly", "--history", "1"}).out, "resend of E06000001 on request"));

  ProcessResult nothing = profkpi({"nightly"});  // the resend changed nothing the nightly run looks at
  BOOST_TEST(contains(nothing.out, "0 mailed"), nothing.out);
  BOOST_TEST(smtp.received().size() == 5u);
}

BOOST_AUTO_TEST_CASE(aResendOfNothingArchivedOrAnotherPeriodFailsAndSendsNothing) {
  ProcessResult before = profkpi({"nightly", "--resend", "E06000001"});
  BOOST_TEST(before.exitCode == 1, before.out + before.err);
  BOOST_TEST(contains(before.out, "no board report of E06000001 has been archived"), before.out);
  BOOST_TEST(profkpi({"nightly"}).exitCode == 0);
  ProcessResult other = profkpi({"nightly", "--resend", "E06000001", "--period", "2009-10-Q1"});
  BOOST_TEST(other.exitCode == 1, other.out + other.err);
  BOOST_TEST(contains(other.out, "no board report of E06000001 for 2009-10-Q1 in the archive"), other.out);
  BOOST_TEST(profkpi({"nightly", "--resend", "E06000001", "--period", "Q3"}).exitCode == 2);
  ::remove((reports + "/2009-10-Q2/E06000001.pdf").c_str());
  ProcessResult gone = profkpi({"nightly", "--resend", "E06000001"});
  BOOST_TEST(gone.exitCode == 1, gone.out + gone.err);
  BOOST_TEST(contains(gone.out, "missing or no longer matches its manifest"), gone.out);
  BOOST_TEST(smtp.received().size() == 4u);
  ProcessResult usage = profkpi({"nightly", "--period", "2009-10-Q2"});
  BOOST_TEST(usage.exitCode == 2);
}

BOOST_AUTO_TEST_CASE(anEarlierPeriodsReportIsResentAsArchivedAndTheLatestStaysAsItWas) {
  BOOST_TEST(profkpi({"nightly"}).exitCode == 0);
  const std::string q2 = readFile(reports + "/2009-10-Q2/E06000001.pdf");
  // Hartlepool's next quarter: its board report is now Q3's, Q2's stays archived.
  std::string next = readFile(samplesDir() + "/valid/aggregate-hartlepool-2009-10-Q2.xml");
  for (auto [from, to] : {std::pair<std::string, std::string>{"6280cc73-64c5-4cc5-bdac-29da69043658",
                                                              "6280cc73-64c5-4cc5-bdac-29da69043659"},
                          {"<Period>2009-10-Q2<", "<Period>2009-10-Q3<"},
                          {"2009-10-05T09:15:00+01:00", "2010-01-05T09:15:00Z"}}) {
    BOOST_REQUIRE(next.find(from) != std::string::npos);
    next.replace(next.find(from), from.size(), to);
  }
  writeFile(dir.file("q3.xml"), next);
  BOOST_REQUIRE(profkpi({"ingest", dir.file("q3.xml")}).exitCode == 0);
  BOOST_TEST(profkpi({"nightly"}).exitCode == 0);
  BOOST_REQUIRE(smtp.received().size() == 5u);

  ProcessResult resend = profkpi({"nightly", "--resend", "E06000001", "--period", "2009-10-Q2"});
  BOOST_TEST(resend.exitCode == 0, resend.out + resend.err);
  std::vector<ReceivedMail> mails = smtp.received();
  BOOST_REQUIRE(mails.size() == 6u);
  ParsedMail again = parseMail(mails.back().data);
  BOOST_REQUIRE(again.parts.size() == 3u);
  BOOST_TEST(again.parts[1].fileName == "E06000001-2009-10-Q2.pdf");
  BOOST_TEST((again.parts[1].bytes == q2));
  BOOST_TEST(contains(again.parts[0].bytes, "2009"), again.parts[0].bytes);
  std::vector<std::string> rows = lines(profkpi({"deliveries", "--org", "E06000001", "--period", "2009-10-Q2"}).out);
  BOOST_REQUIRE(rows.size() == 3u);
  BOOST_TEST(contains(rows[2], "  resent   "), rows[2]);

  // The delivery state is still Q3's: the next run does nothing, a plain resend sends Q3.
  ProcessResult nothing = profkpi({"nightly"});
  BOOST_TEST(contains(nothing.out, "0 board reports and 0 sector reports rendered, 0 mailed"), nothing.out);
  BOOST_TEST(profkpi({"nightly", "--resend", "E06000001"}).exitCode == 0);
  BOOST_REQUIRE(smtp.received().size() == 7u);
  BOOST_TEST(parseMail(smtp.received().back().data).parts.at(1).fileName == "E06000001-2009-10-Q3.pdf");
}

BOOST_AUTO_TEST_CASE(withoutAttachHtmlTheMailCarriesThePdfAlone) {
  configure("mail.attachHtml = false\n");
  ProcessResult run = profkpi({"nightly"});
  BOOST_TEST(run.exitCode == 0, run.out + run.err);
  for (const ReceivedMail& m : smtp.received()) {
    ParsedMail parsed = parseMail(m.data);
    // One PDF per language: the Welsh councils ("cy en" in the shipped registry) get two.
    const std::size_t languages = m.to.at(0).find("gwynedd") != std::string::npos ||
                                          m.to.at(0).find("isle-of-anglesey") != std::string::npos
                                      ? 2u
                                      : 1u;
    BOOST_REQUIRE(parsed.parts.size() == 1u + languages);
    for (std::size_t k = 1; k <= languages; ++k) {
      BOOST_TEST(parsed.parts[k].mediaType.rfind("application/pdf", 0) == 0u, parsed.parts[k].mediaType);
    }
    BOOST_TEST(!contains(parsed.parts[0].bytes, "Also attached"));
  }
}

BOOST_AUTO_TEST_SUITE_END()

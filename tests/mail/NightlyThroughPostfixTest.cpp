// `profkpi nightly` as a process, mailing through a real Postfix with STARTTLS
// and Dovecot SASL (tests/support/PostfixRelay.h) with the password in a file
// only its owner may read: every board report arrives, and the password appears
// in no output, log or history. A wrong password is tried once per run, not once
// per council (an account lockout would follow), and is shown nowhere either.
#include "tests/support/DocumentText.h"
#include "tests/support/Documents.h"
#include "tests/support/PostfixRelay.h"
#include "tests/support/Process.h"
#include "tests/support/StoreFixture.h"

#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

using namespace profkpi::tests;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

struct Fixture {
  PostfixRelay& relay = PostfixRelay::shared();
  TempDir dir;
  StoreConfig store = freshStoreConfig(dir);
  std::string config = dir.file("profkpi.properties");

  Fixture() {
    configure(PostfixRelay::PASSWORD);
    ProcessResult ingest = profkpi({"ingest", samplesDir() + "/valid"});
    BOOST_REQUIRE_MESSAGE(ingest.exitCode == 0, ingest.err);
  }

  void configure(const std::string& password) const {
    std::string passwordFile = dir.file("smtp-password");
    writeFile(passwordFile, password + "\n");
    ::chmod(passwordFile.c_str(), 0600);
    writeFile(config, "store.connector = " + store.connector + "\nstore.connection = " + store.connection +
                          "\nreports.dir = " + dir.file("reports") + "\nsmtp.host = localhost\nsmtp.port = " +
                          std::to_string(relay.startTlsPort()) + "\nsmtp.caFile = " + relay.caFile() +
                          "\nsmtp.from = profkpi@kpi.example.org\nsmtp.auth = login\nsmtp.username = " +
                          PostfixRelay::USER + "\nsmtp.passwordFile = " + passwordFile +
                          "\nsmtp.attempts = 2\nsmtp.retryDelayMilliseconds = 10\nlogging.loggers.root.level = debug\n");
  }

  ProcessResult profkpi(std::vector<std::string> args) const {
    args.insert(args.begin() + 1, {"--config", config});
    args.insert(args.begin(), profkpiBinary());
    return runProcess(args);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(NightlyThroughPostfixTest, Fixture)

BOOST_AUTO_TEST_CASE(everyBoardReportArrivesAndThePasswordIsShownNowhere) {
  configure(PostfixRelay::PASSWORD);
  std::size_t before = relay.sink().received().size();
  ProcessResult run = profkpi({"nightly"});
  BOOST_TEST(run.exitCode == 0, run.out + run.err);
  BOOST_TEST(contains(run.out, "4 mailed"), run.out);
  BOOST_TEST(contains(run.err, "(tls starttls, auth login)"), run.err);
  BOOST_TEST(relay.awaitDelivered(before + 4));
  ProcessResult history = profkpi({"nightly", "--history", "5"});
  BOOST_TEST(!contains(run.out + run.err + history.out + history.err, PostfixRelay::PASSWORD));
}

BOOST_AUTO_TEST_CASE(aWrongPasswordIsTriedOncePerRunAndShownNowhere) {
  const std::string wrong = "Wr0ng-but-secret";
  configure(wrong);
  std::size_t failuresBefore = count(relay.log(), "authentication failed");
  ProcessResult run = profkpi({"nightly"});
  BOOST_TEST(run.exitCode == 1, run.out + run.err);
  BOOST_TEST(contains(run.out, "0 mailed, 3 mails pending, 1 refused"), run.out);
  BOOST_TEST(contains(run.err, "authentication as " + std::string(PostfixRelay::USER) + " failed"), run.err);
  BOOST_TEST(count(relay.log(), "authentication failed") == failuresBefore + 1, relay.log());
  ProcessResult history = profkpi({"nightly", "--history", "5"});
  BOOST_TEST(!contains(run.out + run.err + history.out + history.err, wrong));
}

BOOST_AUTO_TEST_SUITE_END()

// `profkpi nightly` as a process with smtp.auth = xoauth2, against a real HTTPS
// token endpoint and an SMTP server that checks the bearer token
// (tests/support/OAuthMailServer.h), the client secret in a file only its owner
// may read: every board report arrives on one token; an endpoint that fails
// for now leaves the mails pending for the next run, an invalid client is
// reported; and neither the secret nor any token appears in anything the run
// writes: its output and log (standard error, at trace level), the run
// history, the deliveries, the archive, the store.
#include "tests/support/DocumentText.h"
#include "tests/support/Documents.h"
#include "tests/support/OAuthMailServer.h"
#include "tests/support/Process.h"
#include "tests/support/StoreFixture.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <sys/stat.h>

using namespace profkpi::tests;

namespace {

struct Fixture {
  OAuthMailServer server;
  TempDir dir;
  StoreConfig store = freshStoreConfig(dir);
  std::string config = dir.file("profkpi.properties");
  std::string secretFile = dir.file("client-secret");
  std::string everything;  // all the processes printed

  Fixture() {
    configure(OAuthMailServer::CLIENT_SECRET);
    ProcessResult ingest = profkpi({"ingest", samplesDir() + "/valid"});
    BOOST_REQUIRE_MESSAGE(ingest.exitCode == 0, ingest.err);
  }

  void configure(const std::string& secret) const {
    writeFile(secretFile, secret + "\n");
    ::chmod(secretFile.c_str(), 0600);
    writeFile(config, "store.connector = " + store.connector + "\nstore.connection = " + store.connection +
                          "\nreports.dir = " + dir.file("reports") + "\nsmtp.host = localhost\nsmtp.port = " +
                          std::to_string(server.smtpPort()) + "\nsmtp.caFile = " + server.caFile() +
                          "\nsmtp.from = " + OAuthMailServer::MAILBOX + "\nsmtp.auth = xoauth2\nsmtp.username = " +
                          OAuthMailServer::MAILBOX + "\nsmtp.oauth.tokenUrl = " + server.tokenUrl() +
                          "\nsmtp.oauth.clientId = " + OAuthMailServer::CLIENT_ID +
                          "\nsmtp.oauth.clientSecretFile = " + secretFile +
                          "\nsmtp.attempts = 2\nsmtp.retryDelayMilliseconds = 10\n"
                          "logging.loggers.root.level = trace\n");
  }

  ProcessResult profkpi(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"--config", config});
    args.insert(args.begin(), profkpiBinary());
    ProcessResult r = runProcess(args);
    everything += r.out + r.err;
    return r;
  }

  // Every file under the test's folder (store, log, archive, configuration
  // aside from the secret's own file), the history and the deliveries, and what
  // was printed: none holds the secret or a token.
  void checkNoSecretAnywhere(const std::string& secret) {
    std::string written = everything + profkpi({"nightly", "--history", "20"}).out +
                          profkpi({"deliveries", "--json"}).out + profkpi({"deliveries"}).out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path())) {
      if (entry.is_regular_file() && entry.path() != secretFile) written += readFile(entry.path().string());
    }
    if (store.connector == "postgresql") {
      ProcessResult dump = runProcess({"/usr/bin/pg_dump", "--data-only", store.connection});
      BOOST_TEST(dump.exitCode == 0, dump.err);
      written += dump.out;
    }
    BOOST_TEST(!contains(written, secret));
    for (const std::string& token : server.tokens()) BOOST_TEST(!contains(written, token), token);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(NightlyThroughOAuthTest, Fixture)

BOOST_AUTO_TEST_CASE(everyBoardReportArrivesOnOneTokenThatIsWrittenNowhere) {
  ProcessResult run = profkpi({"nightly"});
  BOOST_TEST(run.exitCode == 0, run.out + run.err);
  BOOST_TEST(contains(run.out, "4 mailed"), run.out);
  BOOST_TEST(contains(run.err, "(tls starttls, auth xoauth2)"), run.err);
  BOOST_TEST(server.tokens().size() == 1u);  // kept across the run's messages
  BOOST_TEST(server.events("auth ok ").size() == 4u);
  BOOST_TEST(server.events("message ").size() == 4u);
  BOOST_TEST(contains(run.err, "access token from " + server.tokenUrl()), run.err);  // logged, the token not
  checkNoSecretAnywhere(OAuthMailServer::CLIENT_SECRET);
}

BOOST_AUTO_TEST_CASE(anEndpointFailingForNowLeavesTheMailsForTheNextRun) {
  server.setTokenMode("503");
  ProcessResult down = profkpi({"nightly"});
  BOOST_TEST(down.exitCode == 1, down.out + down.err);
  BOOST_TEST(contains(down.out, "0 mailed, 4 mails pending, 0 refused"), down.out);
  BOOST_TEST(contains(down.out, "HTTP 503"), down.out);
  BOOST_TEST(server.events("token-refused 503").size() == 2u);  // smtp.attempts, once per run
  BOOST_TEST(server.events("message ").empty());
  server.setTokenMode("ok");
  ProcessResult next = profkpi({"nightly"});
  BOOST_TEST(next.exitCode == 0, next.out + next.err);
  BOOST_TEST(contains(next.out, "4 mailed"), next.out);
  BOOST_TEST(server.events("message ").size() == 4u);
  checkNoSecretAnywhere(OAuthMailServer::CLIENT_SECRET);
}

BOOST_AUTO_TEST_CASE(anInvalidClientIsReportedOnceAndItsSecretShownNowhere) {
  const std::string wrong = "Wr0ng~but.still-a-S3cret";
  configure(wrong);
  ProcessResult run = profkpi({"nightly"});
  BOOST_TEST(run.exitCode == 1, run.out + run.err);
  BOOST_TEST(contains(run.out, "0 mailed, 3 mails pending, 1 refused"), run.out);
  BOOST_TEST(contains(run.out, "HTTP 401 invalid_client: AADSTS7000215"), run.out);
  BOOST_TEST(server.events("token-refused invalid_client").size() == 1u);
  checkNoSecretAnywhere(wrong);
}

BOOST_AUTO_TEST_CASE(aSecretFileOthersMayReadIsRefusedAtStart) {
  ::chmod(secretFile.c_str(), 0644);
  ProcessResult run = profkpi({"nightly"});
  BOOST_TEST(run.exitCode == 2, run.out + run.err);
  BOOST_TEST(contains(run.err, "smtp.oauth.clientSecretFile: the secret file " + secretFile), run.err);
  BOOST_TEST(server.events().empty());
}

BOOST_AUTO_TEST_CASE(aTokenUrlInPlainTextOrNoClientIdIsAConfigurationError) {
  writeFile(config, readFile(config) + "smtp.oauth.tokenUrl = http://localhost/tenant/oauth2/v2.0/token\n");
  ProcessResult plain = profkpi({"nightly"});
  BOOST_TEST(plain.exitCode == 2, plain.out + plain.err);
  BOOST_TEST(contains(plain.err, "smtp.oauth.tokenUrl must be an https:// address"), plain.err);
  configure(OAuthMailServer::CLIENT_SECRET);
  writeFile(config, readFile(config) + "smtp.oauth.clientId =\n");
  ProcessResult noClient = profkpi({"nightly"});
  BOOST_TEST(noClient.exitCode == 2, noClient.out + noClient.err);
  BOOST_TEST(contains(noClient.err, "needs smtp.oauth.clientId"), noClient.err);
  BOOST_TEST(server.events().empty());
}

BOOST_AUTO_TEST_SUITE_END()

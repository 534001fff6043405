// SmtpMailer with smtp.auth = xoauth2 against a real HTTPS token endpoint and
// an SMTP server that checks the bearer token (tests/support/OAuthMailServer.h):
// the token is fetched by the client-credentials grant and kept across
// messages, renewed before it expires, replaced once when the server refuses a
// kept one; the endpoint's failures are classified like SMTP ones, and neither
// the client secret nor a token appears in an error.
#include "adapters/mail/SmtpMailer.h"
#include "engine/ports/Errors.h"
#include "tests/support/DocumentText.h"
#include "tests/support/OAuthMailServer.h"

#include <Poco/Net/ServerSocket.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <thread>

using namespace profkpi::tests;
using profkpi::adapters::mail::SmtpAuth;
using profkpi::adapters::mail::SmtpMailer;
using profkpi::adapters::mail::SmtpOptions;
using profkpi::adapters::mail::SmtpTls;
using profkpi::engine::DeliveryError;
using Kind = profkpi::engine::DeliveryError::Kind;

namespace {

struct Failure {
  Kind kind;
  bool everyMessage;
  std::string what;
};

struct Fixture {
  OAuthMailServer server;

  SmtpOptions options() const {
    SmtpOptions o;
    o.host = "localhost";
    o.port = server.smtpPort();
    o.from = OAuthMailServer::MAILBOX;
    o.helo = "kpi.example.org";
    o.connectTimeoutSeconds = 5;
    o.timeoutSeconds = 10;
    o.attempts = 1;
    o.retryDelayMilliseconds = 10;
    o.tls = SmtpTls::StartTls;
    o.caFile = server.caFile();
    o.auth = SmtpAuth::XOAuth2;
    o.username = OAuthMailServer::MAILBOX;
    o.oauth.tokenUrl = server.tokenUrl();
    o.oauth.clientId = OAuthMailServer::CLIENT_ID;
    o.oauth.clientSecret = OAuthMailServer::CLIENT_SECRET;
    return o;
  }

  static profkpi::engine::Mail mail(const std::string& to) {
    profkpi::engine::Mail m;
    m.to = to;
    m.subject = "Board report";
    m.text = "Professionalisation index: 72 out of 100\n";
    m.attachments.push_back({"E06000001-2025-26-Q2.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n"});
    return m;
  }

  static std::optional<Failure> failureOf(SmtpMailer& mailer, const std::string& to = "kpi@hartlepool.example.org") {
    try {
      mailer.send(mail(to));
    } catch (const DeliveryError& e) {
      return Failure{e.kind(), e.affectsEveryMessage(), e.what()};
    }
    return std::nullopt;
  }

  // Neither the client secret nor any token issued so far is in `text`.
  void checkNoSecretIn(const std::string& text) const {
    BOOST_TEST(!contains(text, OAuthMailServer::CLIENT_SECRET), text);
    for (const std::string& token : server.tokens()) BOOST_TEST(!contains(text, token), text);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(SmtpMailerOAuthTest, Fixture)

BOOST_AUTO_TEST_CASE(oneTokenServesEveryMessageWhileItLasts) {
  SmtpMailer mailer(options());
  for (const char* to : {"a@council.example.org", "b@council.example.org", "c@council.example.org"}) {
    std::optional<Failure> failure = failureOf(mailer, to);
    BOOST_TEST(!failure.has_value(), (failure ? failure->what : ""));
  }
  BOOST_TEST(server.tokens().size() == 1u);
  BOOST_TEST(server.events("auth ok ").size() == 3u);
  BOOST_TEST(server.events("message ").size() == 3u);
  BOOST_TEST(contains(server.message(1), "Subject: Board report"));
}

BOOST_AUTO_TEST_CASE(aTokenIsRenewedBeforeItExpires) {
  server.setExpiresIn(4);  // kept for 3 s: a quarter of its life early
  SmtpMailer mailer(options());
  BOOST_TEST(!failureOf(mailer).has_value());
  BOOST_TEST(!failureOf(mailer).has_value());
  BOOST_TEST(server.tokens().size() == 1u);
  std::this_thread::sleep_for(std::chrono::milliseconds(3200));  // not yet expired for the server (4 s)
  BOOST_TEST(!failureOf(mailer).has_value());
  BOOST_TEST(server.tokens().size() == 2u);
  BOOST_TEST(server.events("auth refused").empty());  // renewed, not refused first
  BOOST_TEST(server.events("message ").size() == 3u);
}

BOOST_AUTO_TEST_CASE(aRevokedTokenIsReplacedOnce) {
  SmtpMailer mailer(options());
  BOOST_TEST(!failureOf(mailer).has_value());
  server.revokeTokens();
  std::optional<Failure> failure = failureOf(mailer);
  BOOST_TEST(!failure.has_value(), (failure ? failure->what : ""));
  BOOST_TEST(server.tokens().size() == 2u);
  BOOST_TEST(server.events("auth refused ").size() == 1u);
  BOOST_TEST(server.events("message ").size() == 2u);
}

BOOST_AUTO_TEST_CASE(aNewTokenRefusedIsPermanentForEveryMessageAndNotFetchedAgain) {
  // As Exchange answers a mailbox the application may not send as.
  SmtpOptions o = options();
  o.username = "someone-else@council.example.gov.uk";
  SmtpMailer mailer(o);
  std::optional<Failure> failure = failureOf(mailer);
  BOOST_REQUIRE(failure.has_value());
  BOOST_TEST((failure->kind == Kind::Permanent));
  BOOST_TEST(failure->everyMessage);
  BOOST_TEST(contains(failure->what, "authentication as someone-else@council.example.gov.uk failed"), failure->what);
  BOOST_TEST(server.tokens().size() == 1u);
  BOOST_TEST(server.events("message ").empty());
  checkNoSecretIn(failure->what);
}

BOOST_AUTO_TEST_CASE(anEndpointThatDoesNotAnswerIsUnreachable) {
  SmtpOptions o = options();
  int closedPort = 0;
  {
    Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
    closedPort = probe.address().port();
  }
  o.oauth.tokenUrl = "https://localhost:" + std::to_string(closedPort) + "/tenant/oauth2/v2.0/token";
  SmtpMailer mailer(o);
  std::optional<Failure> failure = failureOf(mailer);
  BOOST_REQUIRE(failure.has_value());
  BOOST_TEST((failure->kind == Kind::Unreachable));  // pending: tried again on the next run
  BOOST_TEST(contains(failure->what, "OAuth token from https://localhost:"), failure->what);
  BOOST_TEST(server.events("auth ").empty());  // no token, no SMTP conversation
  checkNoSecretIn(failure->what);
}

BOOST_AUTO_TEST_CASE(anEndpointWithACertificateForAnotherNameGetsNoSecret) {
  SmtpOptions o = options();
  o.oauth.tokenUrl = server.tokenUrl().replace(8, 9, "127.0.0.1");  // the certificate names localhost only
  SmtpMailer mailer(o);
  std::optional<Failure> failure = failureOf(mailer);
  BOOST_REQUIRE(failure.has_value());
  BOOST_TEST((failure->kind == Kind::Unreachable));
  BOOST_TEST(contains(failure->what, "TLS failed, nothing sent"), failure->what);
  BOOST_TEST(server.events().empty());  // the endpoint never saw a request
}

BOOST_AUTO_TEST_CASE(anEndpointBusyOrFailingIsTemporaryAndTriedAgain) {
  for (const std::string mode : {"503", "429"}) {
    server.setTokenMode(mode);
    SmtpOptions o = options();
    o.attempts = 2;
    SmtpMailer mailer(o);
    std::size_t before = server.events("token-refused " + mode).size();
    std::optional<Failure> failure = failureOf(mailer);
    BOOST_REQUIRE(failure.has_value());
    BOOST_TEST((failure->kind == Kind::Temporary), mode);
    BOOST_TEST(failure->everyMessage);
    BOOST_TEST(contains(failure->what, "HTTP " + mode + " temporarily_unavailable (after 2 tries)"), failure->what);
    BOOST_TEST(server.events("token-refused " + mode).size() == before + 2);
  }
  server.setTokenMode("ok");
  SmtpMailer mailer(options());
  BOOST_TEST(!failureOf(mailer).has_value());
}

BOOST_AUTO_TEST_CASE(anInvalidClientIsPermanentAndItsSecretShownNowhere) {
  SmtpOptions o = options();
  o.attempts = 3;
  o.oauth.clientSecret = "Wr0ng~but.still-a-S3cret";
  SmtpMailer mailer(o);
  std::optional<Failure> failure = failureOf(mailer);
  BOOST_REQUIRE(failure.has_value());
  BOOST_TEST((failure->kind == Kind::Permanent));
  BOOST_TEST(failure->everyMessage);
  BOOST_TEST(contains(failure->what, "HTTP 401 invalid_client: AADSTS7000215"), failure->what);
  // The endpoint echoes the secret it was given; the error blanks it.
  BOOST_TEST(contains(failure->what, "(secret)"), failure->what);
  BOOST_TEST(!contains(failure->what, "Wr0ng~but.still-a-S3cret"), failure->what);
  BOOST_TEST(server.events("token-refused invalid_client").size() == 1u);  // not tried again
}

BOOST_AUTO_TEST_CASE(aTokenUrlThatIsNotHttpsIsRefused) {
  SmtpOptions o = options();
  o.oauth.tokenUrl = "http://localhost/tenant/oauth2/v2.0/token";
  BOOST_CHECK_THROW(SmtpMailer{o}, std::invalid_argument);
  o = options();
  o.oauth.clientSecret.clear();
  BOOST_CHECK_THROW(SmtpMailer{o}, std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

// SmtpMailer against a real Postfix with STARTTLS and Dovecot SASL
// (tests/support/PostfixRelay.h): delivery with AUTH PLAIN and LOGIN over
// STARTTLS and implicit TLS; nothing sent, and no credentials, to a server that
// offers no STARTTLS, names another host or is signed by an unknown CA; a
// wrong password refused for every message; a 421 for now.
#include "adapters/mail/SmtpMailer.h"
#include "engine/ports/Errors.h"
#include "tests/support/PostfixRelay.h"

#include <boost/test/unit_test.hpp>

#include <optional>
#include <regex>

using namespace profkpi::tests;
using profkpi::adapters::mail::SmtpAuth;
using profkpi::adapters::mail::SmtpMailer;
using profkpi::adapters::mail::SmtpOptions;
using profkpi::adapters::mail::SmtpTls;
using profkpi::engine::DeliveryError;
using Kind = profkpi::engine::DeliveryError::Kind;

namespace {

PostfixRelay& relay() { return PostfixRelay::shared(); }

SmtpOptions options(int port, SmtpTls tls, SmtpAuth auth) {
  SmtpOptions o;
  o.host = "localhost";
  o.port = port;
  o.from = "profkpi@kpi.example.org";
  o.helo = "kpi.example.org";
  o.connectTimeoutSeconds = 5;
  o.timeoutSeconds = 10;
  o.attempts = 1;
  o.retryDelayMilliseconds = 10;
  o.tls = tls;
  o.caFile = relay().caFile();
  o.auth = auth;
  o.username = PostfixRelay::USER;
  o.password = PostfixRelay::PASSWORD;
  return o;
}

profkpi::engine::Mail mail(const std::string& to, const std::string& subject) {
  profkpi::engine::Mail m;
  m.to = to;
  m.subject = subject;
  m.text = "Professionalisation index: 72 out of 100\n";
  m.attachments.push_back({"E06000001-2025-26-Q2.pdf", "application/pdf", std::string("%PDF-1.4\n\0\xff%%EOF\n", 16)});
  return m;
}

struct Failure {
  Kind kind;
  bool everyMessage;
  std::string what;
};

std::optional<Failure> failureOf(SmtpMailer& mailer, const profkpi::engine::Mail& message) {
  try {
    mailer.send(message);
  } catch (const DeliveryError& e) {
    return Failure{e.kind(), e.affectsEveryMessage(), e.what()};
  }
  return std::nullopt;
}

// The subjects the sink received (Postfix relays what it accepts).
bool arrived(const std::string& subject) {
  for (const ReceivedMail& m : relay().sink().received()) {
    if (m.data.find("Subject: " + subject + "\r\n") != std::string::npos) return true;
  }
  return false;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SmtpMailerTlsTest)

BOOST_AUTO_TEST_CASE(authPlainOverStartTlsDelivers) {
  std::size_t before = relay().sink().received().size();
  SmtpMailer mailer(options(relay().startTlsPort(), SmtpTls::StartTls, SmtpAuth::Plain));
  mailer.send(mail("kpi@hartlepool.example.org", "plain over starttls"));
  BOOST_REQUIRE(relay().awaitDelivered(before + 1));
  BOOST_TEST(arrived("plain over starttls"));
  BOOST_TEST(relay().log().find("sasl_method=PLAIN, sasl_username=" + std::string(PostfixRelay::USER)) !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(authLoginOverStartTlsDelivers) {
  std::size_t before = relay().sink().received().size();
  SmtpMailer mailer(options(relay().startTlsPort(), SmtpTls::StartTls, SmtpAuth::Login));
  mailer.send(mail("kpi@hartlepool.example.org", "login over starttls"));
  BOOST_REQUIRE(relay().awaitDelivered(before + 1));
  BOOST_TEST(arrived("login over starttls"));
  BOOST_TEST(relay().log().find("sasl_method=LOGIN") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(implicitTlsDelivers) {
  std::size_t before = relay().sink().received().size();
  SmtpMailer mailer(options(relay().implicitPort(), SmtpTls::Implicit, SmtpAuth::Plain));
  mailer.send(mail("kpi@hartlepool.example.org", "plain over implicit tls"));
  BOOST_REQUIRE(relay().awaitDelivered(before + 1));
  BOOST_TEST(arrived("plain over implicit tls"));
}

BOOST_AUTO_TEST_CASE(noStartTlsOfferedIsRefusedBeforeAnyCredential) {
  std::size_t authsBefore = count(relay().log(), " auth=");
  SmtpMailer mailer(options(relay().plainPort(), SmtpTls::StartTls, SmtpAuth::Plain));
  std::optional<Failure> failure = failureOf(mailer, mail("kpi@hartlepool.example.org", "never in plain text"));
  BOOST_REQUIRE(failure);
  BOOST_TEST((failure->kind == Kind::Unreachable));
  BOOST_TEST(failure->what.find("does not offer STARTTLS") != std::string::npos, failure->what);
  BOOST_TEST(failure->what.find(PostfixRelay::PASSWORD) == std::string::npos);
  // Postfix logs every command a connection used ("auth=1"): there was none.
  BOOST_TEST(count(relay().log(), " auth=") == authsBefore, relay().log());
  BOOST_TEST(!arrived("never in plain text"));
}

BOOST_AUTO_TEST_CASE(aCertificateForAnotherNameIsRefused) {
  SmtpMailer mailer(options(relay().otherNamePort(), SmtpTls::StartTls, SmtpAuth::Plain));
  std::optional<Failure> failure = failureOf(mailer, mail("kpi@hartlepool.example.org", "to the wrong host"));
  BOOST_REQUIRE(failure);
  BOOST_TEST((failure->kind == Kind::Unreachable));
  BOOST_TEST(failure->what.find("TLS failed, nothing sent") != std::string::npos, failure->what);
  BOOST_TEST(!arrived("to the wrong host"));
}

BOOST_AUTO_TEST_CASE(aCertificateFromAnUnknownCaIsRefused) {
  SmtpMailer mailer(options(relay().strangerPort(), SmtpTls::StartTls, SmtpAuth::Plain));
  std::optional<Failure> failure = failureOf(mailer, mail("kpi@hartlepool.example.org", "to a stranger"));
  BOOST_REQUIRE(failure);
  BOOST_TEST((failure->kind == Kind::Unreachable));
  BOOST_TEST(failure->what.find("TLS failed, nothing sent") != std::string::npos, failure->what);
  BOOST_TEST(!arrived("to a stranger"));
}

BOOST_AUTO_TEST_CASE(theSystemCasDoNotTrustTheTestCa) {
  SmtpOptions o = options(relay().startTlsPort(), SmtpTls::StartTls, SmtpAuth::Plain);
  o.caFile.clear();
  SmtpMailer mailer(o);
  std::optional<Failure> failure = failureOf(mailer, mail("kpi@hartlepool.example.org", "system cas"));
  BOOST_REQUIRE(failure);
  BOOST_TEST((failure->kind == Kind::Unreachable));
  BOOST_TEST(!arrived("system cas"));
}

BOOST_AUTO_TEST_CASE(implicitTlsToAPlainServerFailsWithoutSending) {
  SmtpMailer mailer(options(relay().plainPort(), SmtpTls::Implicit, SmtpAuth::Plain));
  std::optional<Failure> failure = failureOf(mailer, mail("kpi@hartlepool.example.org", "implicit to plain"));
  BOOST_REQUIRE(failure);
  BOOST_TEST((failure->kind == Kind::Unreachable));
  BOOST_TEST(!arrived("implicit to plain"));
}

BOOST_AUTO_TEST_CASE(aWrongPasswordIsPermanentForEveryMessageAndNeverShown) {
  SmtpOptions o = options(relay().startTlsPort(), SmtpTls::StartTls, SmtpAuth::Plain);
  o.password = "not-the-Passw0rd";
  o.attempts = 3;
  SmtpMailer mailer(o);
  std::optional<Failure> failure = failureOf(mailer, mail("kpi@hartlepool.example.org", "wrong password"));
  BOOST_REQUIRE(failure);
  BOOST_TEST((failure->kind == Kind::Permanent));
  BOOST_TEST(failure->everyMessage);
  BOOST_TEST(failure->what.find("535") != std::string::npos, failure->what);
  BOOST_TEST(failure->what.find("(after") == std::string::npos);  // not tried again
  BOOST_TEST(failure->what.find("not-the-Passw0rd") == std::string::npos);
  BOOST_TEST(!arrived("wrong password"));
}

BOOST_AUTO_TEST_CASE(a421IsTemporaryAndConcernsTheMessage) {
  SmtpMailer mailer(options(relay().startTlsPort(), SmtpTls::StartTls, SmtpAuth::Login));
  std::optional<Failure> failure = failureOf(mailer, mail(PostfixRelay::busyRecipient(), "busy"));
  BOOST_REQUIRE(failure);
  BOOST_TEST((failure->kind == Kind::Temporary));
  BOOST_TEST(!failure->everyMessage);
  BOOST_TEST(failure->what.find("421") != std::string::npos, failure->what);
}

BOOST_AUTO_TEST_CASE(credentialsWithoutTlsAreRefusedAtConfiguration) {
  BOOST_CHECK_THROW(SmtpMailer(options(relay().plainPort(), SmtpTls::None, SmtpAuth::Plain)), std::invalid_argument);
  SmtpOptions noPassword = options(relay().startTlsPort(), SmtpTls::StartTls, SmtpAuth::Login);
  noPassword.password.clear();
  BOOST_CHECK_THROW(SmtpMailer{noPassword}, std::invalid_argument);
  SmtpOptions missingCa = options(relay().startTlsPort(), SmtpTls::StartTls, SmtpAuth::None);
  missingCa.caFile = "/nonexistent/ca.pem";
  BOOST_CHECK_THROW(SmtpMailer{missingCa}, std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

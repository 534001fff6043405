// SMTP delivery against a real (small) SMTP server on 127.0.0.1: what arrives,
// and how refusals, a server that is down and a silent server are classified.
#include "adapters/mail/SmtpMailer.h"
#include "engine/ports/Errors.h"
#include "tests/support/TestSmtpServer.h"

#include <boost/test/unit_test.hpp>

#include <optional>
#include <thread>

using namespace profkpi::tests;
using profkpi::adapters::mail::SmtpMailer;
using profkpi::adapters::mail::SmtpOptions;
using profkpi::engine::DeliveryError;
using Kind = profkpi::engine::DeliveryError::Kind;

namespace {

struct Fixture {
  TestSmtpServer server;

  SmtpOptions options(int port) const {
    SmtpOptions o;
    o.host = "127.0.0.1";
    o.port = port;
    o.from = "profkpi@kpi.example.org";
    o.helo = "kpi.example.org";
    o.connectTimeoutSeconds = 2;
    o.timeoutSeconds = 2;
    o.attempts = 3;
    o.retryDelayMilliseconds = 10;
    o.tls = profkpi::adapters::mail::SmtpTls::None;  // the test server speaks plain SMTP
    return o;
  }
  SmtpMailer mailer{options(server.port())};

  static profkpi::engine::Mail mail(const std::string& attachment) {
    profkpi::engine::Mail m;
    m.to = "kpi@ynys-mon.example.org";
    m.subject = "Board report: Cyngor Sir Ynys Môn, Q2 2025/26";
    m.text = "Professionalisation index: 72 out of 100\n.\n..a line starting with a dot\nK1 80.0%, Amber\n";
    m.attachments.push_back({"W06000001-2025-26-Q2.pdf", "application/pdf", attachment});
    return m;
  }

  // The kind of DeliveryError `send` throws; fails the test when it succeeds.
  std::optional<Kind> failureOf(SmtpMailer& m, const profkpi::engine::Mail& message) {
    try {
      m.send(message);
    } catch (const DeliveryError& e) {
      lastError = e.what();
      return e.kind();
    }
    return std::nullopt;
  }
  std::string lastError;
};

std::string binaryPdf() {
  std::string bytes = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  for (int i = 0; i < 20000; ++i) bytes += static_cast<char>((i * 7919) % 256);  // every byte value, CRLFs, dots
  bytes += "\r\n.\r\n..\n%%EOF\n";
  return bytes;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(SmtpMailerTest, Fixture)

BOOST_AUTO_TEST_CASE(theMessageArrivesWithItsAttachmentByteForByte) {
  std::string pdf = binaryPdf();
  mailer.send(mail(pdf));
  auto received = server.received();
  BOOST_REQUIRE(received.size() == 1u);
  BOOST_TEST(received[0].from == "profkpi@kpi.example.org");
  BOOST_REQUIRE(received[0].to.size() == 1u);
  BOOST_TEST(received[0].to[0] == "kpi@ynys-mon.example.org");
  ParsedMail parsed = parseMail(received[0].data);
  BOOST_TEST(parsed.headers["to"].find("kpi@ynys-mon.example.org") != std::string::npos);
  BOOST_TEST(received[0].data.find("\r\nSubject: =?UTF-8?") != std::string::npos);  // RFC 2047: ô is not ASCII
  BOOST_TEST(parsed.headers["subject"] == "Board report: Cyngor Sir Ynys Môn, Q2 2025/26");
  BOOST_REQUIRE(parsed.parts.size() == 2u);
  BOOST_TEST(parsed.parts[0].mediaType == "text/plain; charset=utf-8");
  BOOST_TEST(parsed.parts[0].bytes.find("Professionalisation index: 72 out of 100\r\n.\r\n..a line") == 0u);
  const MailPart& attachment = parsed.parts[1];
  BOOST_TEST(attachment.mediaType.find("application/pdf") == 0u);
  BOOST_TEST(attachment.transferEncoding == "base64");
  BOOST_TEST(attachment.fileName == "W06000001-2025-26-Q2.pdf");
  BOOST_TEST(attachment.bytes == pdf);
}

BOOST_AUTO_TEST_CASE(theMessageIdIsTheGivenOneAtTheSendersDomain) {
  profkpi::engine::Mail m = mail("x");
  m.messageId = "profkpi.board.W06000001.2025-26-Q2.en.00ff";
  mailer.send(m);
  mailer.send(m);
  auto received = server.received();
  BOOST_REQUIRE(received.size() == 2u);
  BOOST_TEST(parseMail(received[0].data).headers["message-id"] ==
             "<profkpi.board.W06000001.2025-26-Q2.en.00ff@kpi.example.org>");
  BOOST_TEST(parseMail(received[1].data).headers["message-id"] == parseMail(received[0].data).headers["message-id"]);
}

BOOST_AUTO_TEST_CASE(aMessageOverMaxMessageBytesIsNotAttempted) {
  SmtpOptions o = options(server.port());
  o.maxMessageBytes = 20000;  // the PDF alone is 20 kB, more once base64-encoded
  SmtpMailer small(o);
  BOOST_TEST((failureOf(small, mail(binaryPdf())) == Kind::Permanent));
  BOOST_TEST(lastError.find("over smtp.maxMessageBytes (20000)") != std::string::npos, lastError);
  BOOST_TEST(server.conversations() == 0u);
  small.send(mail("a small attachment"));
  BOOST_TEST(server.received().size() == 1u);
}

BOOST_AUTO_TEST_CASE(aTemporaryRefusalIsTriedAgainThenReportedAsTemporary) {
  server.refuse(TestSmtpServer::Stage::Recipient, 451);
  BOOST_TEST((failureOf(mailer, mail("x")) == Kind::Temporary));
  BOOST_TEST(server.conversations() == 3u);
  BOOST_TEST(lastError.find("451") != std::string::npos, lastError);
  BOOST_TEST(lastError.find("after 3 tries") != std::string::npos, lastError);
}

BOOST_AUTO_TEST_CASE(aRefusalThatClearsWithinTheRetriesDelivers) {
  // Refused at the first and second tries, accepted at the third and last:
  // counted by the server, so no timing decides the outcome.
  server.refuseNext(TestSmtpServer::Stage::EndOfData, 452, 2);
  SmtpOptions o = options(server.port());
  o.attempts = 3;
  SmtpMailer patient(o);
  patient.send(mail("x"));
  BOOST_TEST(server.received().size() == 1u);
  BOOST_TEST(server.conversations() == 3u);
}

BOOST_AUTO_TEST_CASE(aPermanentRefusalIsNotTriedAgain) {
  server.refuseRecipient("kpi@ynys-mon.example.org", 550);
  BOOST_TEST((failureOf(mailer, mail("x")) == Kind::Permanent));
  BOOST_TEST(server.conversations() == 1u);
  BOOST_TEST(lastError.find("550") != std::string::npos, lastError);
  server.refuse(TestSmtpServer::Stage::EndOfData, 554);
  BOOST_TEST((failureOf(mailer, mail("x")) == Kind::Permanent));
}

BOOST_AUTO_TEST_CASE(aServerThatIsDownIsUnreachable) {
  server.goDown();
  BOOST_TEST((failureOf(mailer, mail("x")) == Kind::Unreachable));
  BOOST_TEST(lastError.find("127.0.0.1:" + std::to_string(server.port())) != std::string::npos, lastError);
  server.comeUp();
  mailer.send(mail("x"));
  BOOST_TEST(server.received().size() == 1u);
}

BOOST_AUTO_TEST_CASE(aServerThatWillNotGreetIsUnreachable) {
  server.refuse(TestSmtpServer::Stage::Greeting, 421);
  BOOST_TEST((failureOf(mailer, mail("x")) == Kind::Unreachable));
  server.refuse(TestSmtpServer::Stage::Greeting, 554);
  BOOST_TEST((failureOf(mailer, mail("x")) == Kind::Unreachable));
}

BOOST_AUTO_TEST_CASE(aSilentServerTimesOut) {
  SmtpOptions o = options(server.port());
  o.timeoutSeconds = 1;
  o.attempts = 1;
  SmtpMailer impatient(o);
  server.setReplyDelay(std::chrono::milliseconds(1500));
  auto started = std::chrono::steady_clock::now();
  BOOST_TEST(failureOf(impatient, mail("x")).has_value());
  BOOST_TEST((std::chrono::steady_clock::now() - started < std::chrono::seconds(3)));
}

BOOST_AUTO_TEST_SUITE_END()

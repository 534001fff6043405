// A real Postfix (Debian's postfix) with Dovecot SASL (dovecot-core) on
// loopback ports, every file in its own folder under /tmp, with a test CA and
// certificates made by openssl (tests/support/mail/make-test-certificates.sh).
// It relays whatever it accepts to a TestSmtpServer, the sink, where a test
// reads what arrived. Its listeners differ in one thing each:
//   startTlsPort()  STARTTLS required before AUTH (PLAIN, LOGIN), certificate for "localhost"
//   implicitPort()  TLS from the first byte (smtps), same certificate
//   plainPort()     no STARTTLS offered, yet AUTH offered in plain text
//   otherNamePort() STARTTLS, a certificate for another host name from the same CA
//   strangerPort()  STARTTLS, a certificate for "localhost" from a CA nobody trusts
// Mail to busyRecipient() is answered 421. One account: USER / PASSWORD.
// Postfix's master runs only as root, so the fixture needs root; it throws
// std::runtime_error (with why) when it cannot start. Stopped when the object goes.
#ifndef PROFKPI_TESTS_SUPPORT_POSTFIXRELAY_H
#define PROFKPI_TESTS_SUPPORT_POSTFIXRELAY_H

#include "tests/support/TestSmtpServer.h"

#include <string>

namespace profkpi::tests {

class PostfixRelay {
 public:
  static constexpr const char* USER = "council-relay";
  static constexpr const char* PASSWORD = "c0rrect-h0rse-Batt3ry";

  PostfixRelay();
  ~PostfixRelay();
  // One relay for a whole test program, started on first use (Postfix takes a
  // second or two to start).
  static PostfixRelay& shared();
  PostfixRelay(const PostfixRelay&) = delete;
  PostfixRelay& operator=(const PostfixRelay&) = delete;

  int startTlsPort() const { return _ports[0]; }
  int implicitPort() const { return _ports[1]; }
  int plainPort() const { return _ports[2]; }
  int otherNamePort() const { return _ports[3]; }
  int strangerPort() const { return _ports[4]; }
  static std::string busyRecipient() { return "busy@council.example.org"; }
  // The test CA's certificate (PEM), for smtp.caFile.
  std::string caFile() const { return _dir + "/ca.pem"; }
  TestSmtpServer& sink() { return _sink; }
  // Postfix's log (maillog_file): one line per connection says what was used,
  // e.g. "disconnect from ... ehlo=2 starttls=1 auth=1 mail=1 ...".
  std::string log() const;
  // Waits (up to 20 s) until the sink has received `count` messages.
  bool awaitDelivered(std::size_t count);

 private:
  void writeConfiguration(int dovecotPort);
  void stop();

  std::string _dir;
  TestSmtpServer _sink;
  int _ports[5] = {0, 0, 0, 0, 0};
  int _postfixPid = -1;
  int _dovecotPid = -1;
};

}  // namespace profkpi::tests

#endif

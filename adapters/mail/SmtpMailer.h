// The mail port over SMTP (Poco's SMTPClientSession and MailMessage): one
// connection per message, a plain-text UTF-8 body (quoted-printable) and each
// attachment base64-encoded. Connection and reply timeouts; a message that
// fails for now is tried again within the call, with a doubling delay. What
// fails is classified once, here: a server that cannot be reached or will not
// greet is Unreachable, a 4xx reply or a broken conversation Temporary, a 5xx
// reply to the message Permanent. No authentication or TLS: a local relay (or
// an MTA on the host) is expected. Not thread-safe.
#ifndef PROFKPI_ADAPTERS_MAIL_SMTPMAILER_H
#define PROFKPI_ADAPTERS_MAIL_SMTPMAILER_H

#include "engine/ports/Mailer.h"

#include <string>

namespace profkpi::adapters::mail {

// Every field: meaning and default.
struct SmtpOptions {
  // The relay (smtp.host). Required.
  std::string host;
  // Its port (smtp.port). Default 25.
  int port = 25;
  // The sender address (smtp.from). Default empty: "profkpi@" and the host's name.
  std::string from;
  // The name given in EHLO (smtp.helo). Default empty: the host's name.
  std::string helo;
  // Longest wait for the connection (smtp.connectTimeoutSeconds). Default 10.
  int connectTimeoutSeconds = 10;
  // Longest wait for each reply or write (smtp.timeoutSeconds). Default 30.
  int timeoutSeconds = 30;
  // Tries per message within one call, the first included (smtp.attempts). Default 3.
  int attempts = 3;
  // Wait before the second try, doubled before each further one
  // (smtp.retryDelayMilliseconds). Default 2000.
  int retryDelayMilliseconds = 2000;
};

class SmtpMailer final : public engine::Mailer {
 public:
  explicit SmtpMailer(SmtpOptions options);

  void send(const engine::Mail& mail) override;

  const SmtpOptions& options() const { return _options; }

 private:
  void sendOnce(const engine::Mail& mail);

  SmtpOptions _options;
};

}  // namespace profkpi::adapters::mail

#endif

// The mail port over SMTP (Poco's SMTPClientSession, MailMessage and NetSSL):
// one connection per message, a plain-text UTF-8 body (quoted-printable) and
// each attachment base64-encoded. The connection is secured first (STARTTLS or
// implicit TLS, 1.2 or later, certificate and host name verified) unless
// smtp.tls is none; credentials go only over a secured connection. Connection
// and reply timeouts; a message that fails for now is tried again within the
// call, with a doubling delay. What fails is classified once, here: a server
// that cannot be reached, will not greet or cannot be secured is Unreachable;
// credentials refused are Permanent (or Temporary for a 4xx) and concern every
// message; a 4xx reply or a broken conversation is Temporary, a 5xx reply to
// the message Permanent. XOAUTH2 takes its token from an OAuthTokenClient
// (classified the same way); a kept token the server refuses is replaced by a
// new one once. Not thread-safe.
#ifndef PROFKPI_ADAPTERS_MAIL_SMTPMAILER_H
#define PROFKPI_ADAPTERS_MAIL_SMTPMAILER_H

#include "adapters/mail/OAuthTokenClient.h"
#include "adapters/mail/SmtpOptions.h"
#include "engine/ports/Mailer.h"

#include <memory>
#include <string>

namespace profkpi::adapters::mail {

// The Message-ID header's value for a mail whose Mail::messageId is `left`,
// sent from `from` (smtp.from; empty: the host's name): "<left@domain>".
std::string messageIdHeader(const std::string& left, const std::string& from);

class SmtpMailer final : public engine::Mailer {
 public:
  // Throws std::invalid_argument for options that cannot work: credentials
  // without TLS, a user name or password missing, smtp.caFile unreadable, the
  // OAuth client incomplete (OAuthTokenClient).
  explicit SmtpMailer(SmtpOptions options);
  ~SmtpMailer() override;

  void send(const engine::Mail& mail) override;

  const SmtpOptions& options() const { return _options; }

 private:
  struct Tls;
  void sendOnce(const engine::Mail& mail);
  // One SMTP conversation for `wire` (the encoded message), logging in with `secret`.
  void converse(const engine::Mail& mail, const std::string& wire, const std::string& secret);

  SmtpOptions _options;
  std::unique_ptr<Tls> _tls;                   // absent when smtp.tls is none
  std::unique_ptr<OAuthTokenClient> _tokens;  // XOAuth2 only
};

}  // namespace profkpi::adapters::mail

#endif

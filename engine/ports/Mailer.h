// The mail port: sends a message with attachments to one address (SMTP in
// adapters/mail/SmtpMailer.h). Implementations need not be thread-safe: one
// nightly run sends at a time.
#ifndef PROFKPI_ENGINE_PORTS_MAILER_H
#define PROFKPI_ENGINE_PORTS_MAILER_H

#include <string>
#include <vector>

namespace profkpi::engine {

struct MailAttachment {
  std::string fileName;   // "E06000001-2025-26-Q2.pdf"
  std::string mediaType;  // "application/pdf"
  std::string bytes;
};

struct Mail {
  std::string to;       // one address, "kpi@council.example.org"
  std::string subject;  // UTF-8
  std::string text;     // the plain-text body, UTF-8, lines separated by '\n'
  std::vector<MailAttachment> attachments;
  // The left part of the Message-ID (before the '@'; the mailer adds the
  // sender's domain): the same whenever this message is sent again, so that a
  // mailbox that already has it (Exchange) keeps one copy. Empty: the mail
  // system makes one up.
  std::string messageId;
};

class Mailer {
 public:
  Mailer() = default;
  Mailer(const Mailer&) = delete;
  Mailer& operator=(const Mailer&) = delete;
  virtual ~Mailer() = default;

  // Hands the message to the mail system; returns once it has accepted it.
  // Throws DeliveryError (engine/ports/Errors.h), whose kind() says whether trying
  // again later can help. Retrying within one call is the implementation's business.
  virtual void send(const Mail& mail) = 0;
};

}  // namespace profkpi::engine

#endif

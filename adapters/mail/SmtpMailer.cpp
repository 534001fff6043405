#include "adapters/mail/SmtpMailer.h"

#include "engine/ports/Errors.h"

#include <Poco/Environment.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StringPartSource.h>

#include <chrono>
#include <thread>

namespace profkpi::adapters::mail {

using engine::DeliveryError;
using Kind = engine::DeliveryError::Kind;

namespace {

std::string withCrLf(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40);
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::string server(const SmtpOptions& o) { return o.host + ":" + std::to_string(o.port); }

}  // namespace

SmtpMailer::SmtpMailer(SmtpOptions options) : _options(std::move(options)) {
  if (_options.helo.empty()) _options.helo = Poco::Environment::nodeName();
  if (_options.from.empty()) _options.from = "profkpi@" + Poco::Environment::nodeName();
  if (_options.attempts < 1) _options.attempts = 1;
}

void SmtpMailer::send(const engine::Mail& mail) {
  std::chrono::milliseconds delay{_options.retryDelayMilliseconds};
  for (int attempt = 1;; ++attempt) {
    try {
      sendOnce(mail);
      return;
    } catch (const DeliveryError& e) {
      if (e.kind() == Kind::Permanent || attempt >= _options.attempts) {
        std::string tries = attempt == 1 ? "" : " (after " + std::to_string(attempt) + " tries)";
        throw DeliveryError(e.what() + tries, e.kind());
      }
    }
    std::this_thread::sleep_for(delay);
    delay *= 2;
  }
}

void SmtpMailer::sendOnce(const engine::Mail& mail) {
  Poco::Net::MailMessage message;
  message.setSender(_options.from);
  message.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, mail.to));
  message.setSubject(Poco::Net::MailMessage::encodeWord(mail.subject, "UTF-8"));
  message.addContent(new Poco::Net::StringPartSource(withCrLf(mail.text), "text/plain; charset=utf-8"),
                     Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
  for (const engine::MailAttachment& a : mail.attachments) {
    message.addAttachment(a.fileName, new Poco::Net::StringPartSource(a.bytes, a.mediaType, a.fileName),
                          Poco::Net::MailMessage::ENCODING_BASE64);
  }

  // Until the server has greeted us, a failure says nothing about this message.
  bool greeted = false;
  try {
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress(_options.host, static_cast<Poco::UInt16>(_options.port)),
                   Poco::Timespan(_options.connectTimeoutSeconds, 0));
    socket.setSendTimeout(Poco::Timespan(_options.timeoutSeconds, 0));
    Poco::Net::SMTPClientSession session(socket);
    session.setTimeout(Poco::Timespan(_options.timeoutSeconds, 0));
    session.open();
    greeted = true;
    session.login(_options.helo);
    session.sendMessage(message);
    session.close();
  } catch (const Poco::Net::SMTPException& e) {
    // displayText() carries the server's reply, code and text.
    std::string reply = "mail to " + mail.to + " via " + server(_options) + ": " + e.displayText();
    if (!greeted) throw DeliveryError(reply, Kind::Unreachable);
    throw DeliveryError(reply, e.code() / 100 == 5 ? Kind::Permanent : Kind::Temporary);
  } catch (const Poco::Exception& e) {
    std::string reply = "mail to " + mail.to + " via " + server(_options) + ": " + e.displayText();
    throw DeliveryError(reply, greeted ? Kind::Temporary : Kind::Unreachable);
  }
}

}  // namespace profkpi::adapters::mail

#include "adapters/mail/SmtpMailer.h"

#include "adapters/mail/TlsClientContext.h"
#include "engine/ports/Errors.h"

#include <Poco/Environment.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/String.h>

#include <chrono>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace profkpi::adapters::mail {

using engine::DeliveryError;
using Kind = engine::DeliveryError::Kind;

struct SmtpMailer::Tls {
  Poco::Net::Context::Ptr context;
};

namespace {

// How far a conversation got; what a failure means depends on it.
enum class Stage { Connecting, Securing, Authenticating, Sending };

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

// The right part of our Message-IDs: the sender's domain.
std::string domainOf(const std::string& address) {
  std::size_t at = address.rfind('@');
  std::string domain = at == std::string::npos ? "" : address.substr(at + 1);
  while (!domain.empty() && domain.back() == '>') domain.pop_back();
  return domain.empty() ? Poco::Environment::nodeName() : domain;
}

// True when the EHLO reply (lines joined by '\n', each "250-KEYWORD ..." or
// "250 KEYWORD ...") names the extension.
bool offers(const std::string& ehloReply, const std::string& extension) {
  std::istringstream lines(ehloReply);
  for (std::string line; std::getline(lines, line);) {
    if (line.size() < 4) continue;
    std::string keyword = Poco::trim(line.substr(4));
    keyword = keyword.substr(0, keyword.find(' '));
    if (Poco::icompare(keyword, extension) == 0) return true;
  }
  return false;
}

// The message as it goes over the wire (headers and encoded parts, before
// dot-stuffing). Written once: its parts' sources can be read only once.
std::string encoded(const Poco::Net::MailMessage& message) {
  std::ostringstream out;
  message.write(out);
  return out.str();
}

// Refusing to go on without TLS: the server is unusable, not this message.
class NotSecured : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The server refused our credentials: for XOAuth2 with a kept token, a reason
// to fetch a new one.
class AuthenticationRefused : public DeliveryError {
 public:
  using DeliveryError::DeliveryError;
};

Poco::Net::SMTPClientSession::LoginMethod loginMethod(SmtpAuth auth) {
  switch (auth) {
    case SmtpAuth::Plain:
      return Poco::Net::SMTPClientSession::AUTH_PLAIN;
    case SmtpAuth::Login:
      return Poco::Net::SMTPClientSession::AUTH_LOGIN;
    case SmtpAuth::XOAuth2:
      return Poco::Net::SMTPClientSession::AUTH_XOAUTH2;
    case SmtpAuth::None:
      break;
  }
  return Poco::Net::SMTPClientSession::AUTH_NONE;
}

// Poco's session, able to secure its connection with STARTTLS: the server
// must offer it and agree, or startTls throws. Poco's own
// SecureSMTPClientSession::startTLS() returns false instead, and a caller that
// missed it would go on in plain text; it also checks the certificate against
// the address rather than the name when given a connected socket. Whatever the
// server sent before the handshake is dropped with the plain socket's buffer.
class SmtpSession final : public Poco::Net::SMTPClientSession {
 public:
  using Poco::Net::SMTPClientSession::SMTPClientSession;

  void startTls(const SmtpOptions& o, const Poco::Net::Context::Ptr& context) {
    std::string reply;
    int status = sendCommand("EHLO", o.helo, reply);
    if (status / 100 != 2) throw NotSecured("EHLO refused: " + reply);
    if (!offers(reply, "STARTTLS")) throw NotSecured("the server does not offer STARTTLS (smtp.tls = starttls)");
    status = sendCommand("STARTTLS", reply);
    if (status / 100 != 2) throw NotSecured("the server refused STARTTLS: " + reply);
    Poco::Net::SecureStreamSocket secure = Poco::Net::SecureStreamSocket::attach(socket(), o.host, context);
    secure.completeHandshake();
    socket() = secure;
  }
};

}  // namespace

std::string messageIdHeader(const std::string& left, const std::string& from) {
  return "<" + left + "@" + domainOf(from) + ">";
}

SmtpMailer::SmtpMailer(SmtpOptions options) : _options(std::move(options)) {
  if (_options.helo.empty()) _options.helo = Poco::Environment::nodeName();
  if (_options.from.empty()) _options.from = "profkpi@" + Poco::Environment::nodeName();
  if (_options.attempts < 1) _options.attempts = 1;
  if (_options.auth != SmtpAuth::None) {
    if (_options.tls == SmtpTls::None) {
      throw std::invalid_argument("smtp.auth = " + std::string(smtpAuthName(_options.auth)) +
                                  " needs smtp.tls = starttls or implicit: credentials are never sent in plain text");
    }
    if (_options.username.empty()) throw std::invalid_argument("smtp.auth needs smtp.username");
    if (_options.auth != SmtpAuth::XOAuth2 && _options.password.empty()) {
      throw std::invalid_argument("smtp.auth = " + std::string(smtpAuthName(_options.auth)) +
                                  " needs smtp.passwordFile");
    }
  }
  if (_options.tls != SmtpTls::None) _tls = std::make_unique<Tls>(Tls{tlsClientContext(_options.caFile)});
  if (_options.auth == SmtpAuth::XOAuth2) {
    _tokens = std::make_unique<OAuthTokenClient>(_options.oauth, _tls->context, _options.timeoutSeconds);
  }
}

SmtpMailer::~SmtpMailer() = default;

void SmtpMailer::send(const engine::Mail& mail) {
  std::chrono::milliseconds delay{_options.retryDelayMilliseconds};
  for (int attempt = 1;; ++attempt) {
    try {
      sendOnce(mail);
      return;
    } catch (const DeliveryError& e) {
      if (e.kind() != Kind::Temporary || attempt >= _options.attempts) {
        std::string tries = attempt == 1 ? "" : " (after " + std::to_string(attempt) + " tries)";
        throw DeliveryError(e.what() + tries, e.kind(), e.affectsEveryMessage());
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
  if (!mail.messageId.empty()) message.set("Message-ID", messageIdHeader(mail.messageId, _options.from));
  message.addContent(new Poco::Net::StringPartSource(withCrLf(mail.text), "text/plain; charset=utf-8"),
                     Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
  for (const engine::MailAttachment& a : mail.attachments) {
    message.addAttachment(a.fileName, new Poco::Net::StringPartSource(a.bytes, a.mediaType, a.fileName),
                          Poco::Net::MailMessage::ENCODING_BASE64);
  }

  const std::string wire = encoded(message);
  if (wire.size() > _options.maxMessageBytes) {
    throw DeliveryError("mail to " + mail.to + " not attempted: " + std::to_string(wire.size()) +
                            " bytes, over smtp.maxMessageBytes (" + std::to_string(_options.maxMessageBytes) + ")",
                        Kind::Permanent);
  }
  if (!_tokens) {
    converse(mail, wire, _options.password);
    return;
  }
  AccessToken token = _tokens->token();
  try {
    converse(mail, wire, token.value);
  } catch (const AuthenticationRefused&) {
    if (token.fresh) throw;
    // The kept token may have been revoked before it expired: one new one.
    _tokens->forget();
    converse(mail, wire, _tokens->token().value);
  }
}

void SmtpMailer::converse(const engine::Mail& mail, const std::string& wire, const std::string& secret) {
  // Until the server has greeted us, a failure says nothing about this message.
  Stage stage = Stage::Connecting;
  const std::string where = "mail to " + mail.to + " via " + server(_options) + ": ";
  try {
    Poco::Net::SocketAddress address(_options.host, static_cast<Poco::UInt16>(_options.port));
    Poco::Timespan connectTimeout(_options.connectTimeoutSeconds, 0);
    Poco::Net::StreamSocket socket;
    if (_options.tls == SmtpTls::Implicit) {
      Poco::Net::SecureStreamSocket secure(_tls->context);
      secure.setPeerHostName(_options.host);
      secure.connect(address, connectTimeout);
      secure.completeHandshake();
      socket = secure;
    } else {
      socket.connect(address, connectTimeout);
    }
    socket.setSendTimeout(Poco::Timespan(_options.timeoutSeconds, 0));
    SmtpSession session(socket);
    session.setTimeout(Poco::Timespan(_options.timeoutSeconds, 0));
    session.open();
    if (_options.tls == SmtpTls::StartTls) {
      stage = Stage::Securing;
      session.startTls(_options, _tls->context);
    }
    if (_options.auth == SmtpAuth::None) {
      stage = Stage::Sending;
      session.login(_options.helo);
    } else {
      stage = Stage::Authenticating;
      session.login(_options.helo, loginMethod(_options.auth), _options.username, secret);
      stage = Stage::Sending;
    }
    session.sendAddresses(_options.from, {mail.to});
    session.sendData();
    std::istringstream content(wire);
    session.sendMessage(content);
    session.close();
  } catch (const NotSecured& e) {
    throw DeliveryError(where + "not secured, nothing sent: " + e.what(), Kind::Unreachable);
  } catch (const Poco::Net::SSLException& e) {
    // Before: a certificate that does not verify or name the host, or a failed
    // handshake. After: the secured conversation broke.
    if (stage == Stage::Connecting || stage == Stage::Securing) {
      throw DeliveryError(where + "TLS failed, nothing sent: " + e.displayText(), Kind::Unreachable);
    }
    throw DeliveryError(where + e.displayText(), Kind::Temporary);
  } catch (const Poco::Net::SMTPException& e) {
    // displayText() carries the server's reply, code and text (never what we sent).
    std::string reply = where + e.displayText();
    switch (stage) {
      case Stage::Connecting:
      case Stage::Securing:
        throw DeliveryError(reply, Kind::Unreachable);
      case Stage::Authenticating:
        // Also a server that does not offer the method (no code): no message would get through.
        throw AuthenticationRefused("authentication as " + _options.username + " failed, " + reply,
                                    e.code() / 100 == 4 ? Kind::Temporary : Kind::Permanent, true);
      case Stage::Sending:
        throw DeliveryError(reply, e.code() / 100 == 5 ? Kind::Permanent : Kind::Temporary);
    }
  } catch (const Poco::Exception& e) {
    throw DeliveryError(where + e.displayText(), stage == Stage::Connecting ? Kind::Unreachable : Kind::Temporary);
  }
}

}  // namespace profkpi::adapters::mail

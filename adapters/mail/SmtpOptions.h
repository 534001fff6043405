// How SmtpMailer reaches the mail server: where it is, how the connection is
// secured and how profkpi authenticates. Built from the smtp.* keys by the
// composition root (adapters/cli/NightlyComponents.cpp), which also reads the
// secret files.
#ifndef PROFKPI_ADAPTERS_MAIL_SMTPOPTIONS_H
#define PROFKPI_ADAPTERS_MAIL_SMTPOPTIONS_H

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace profkpi::adapters::mail {

enum class SmtpTls {
  StartTls,  // "starttls": plain connection, then STARTTLS before anything else (port 587 or 25)
  Implicit,  // "implicit": TLS from the first byte (port 465)
  None,      // "none": plain text throughout; only for a relay on the same host
};

enum class SmtpAuth {
  None,     // "none"
  Plain,    // "plain": AUTH PLAIN with smtp.username and the password
  Login,    // "login": AUTH LOGIN with smtp.username and the password
  XOAuth2,  // "xoauth2": AUTH XOAUTH2 with smtp.username and an OAuth 2.0 access token
};

// "starttls", "implicit", "none" / "none", "plain", "login", "xoauth2"; and back
// (nothing for other text).
const char* smtpTlsName(SmtpTls tls);
std::optional<SmtpTls> smtpTlsFromName(std::string_view name);
const char* smtpAuthName(SmtpAuth auth);
std::optional<SmtpAuth> smtpAuthFromName(std::string_view name);

// OAuth 2.0 client credentials (RFC 6749 4.4) for smtp.auth = xoauth2.
struct OAuthClientCredentials {
  // The token endpoint (smtp.oauth.tokenUrl), https only; Microsoft:
  // "https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token". Default empty.
  std::string tokenUrl;
  // The application (client) id (smtp.oauth.clientId). Default empty.
  std::string clientId;
  // The client secret, as read from smtp.oauth.clientSecretFile. Default empty.
  // Never logged, never part of an error.
  std::string clientSecret;
  // What the token is for (smtp.oauth.scope). Default Exchange Online's.
  std::string scope = "https://outlook.office365.com/.default";
};

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
  // How the connection is secured (smtp.tls). Default StartTls. TLS is 1.2 or
  // later, and the server's certificate must chain to a trusted CA and name `host`.
  SmtpTls tls = SmtpTls::StartTls;
  // PEM file of the CAs to trust (smtp.caFile). Default empty: the system's CAs.
  std::string caFile;
  // How profkpi authenticates (smtp.auth). Default None. Anything else needs TLS.
  SmtpAuth auth = SmtpAuth::None;
  // The account (smtp.username). Default empty.
  std::string username;
  // Plain and Login: the password, as read from smtp.passwordFile. Default empty.
  // Never logged, never part of an error.
  std::string password;
  // XOAuth2: where the access token comes from. Same TLS settings as SMTP
  // (smtp.caFile) and the same timeouts.
  OAuthClientCredentials oauth;
  // A message larger than this, encoded, is not attempted (smtp.maxMessageBytes):
  // a Permanent failure. Default 10 MiB, Exchange Online's own default limit.
  std::size_t maxMessageBytes = 10485760;
};

}  // namespace profkpi::adapters::mail

#endif

// An OAuth 2.0 token endpoint (HTTPS, client-credentials grant) and an SMTP
// server (aiosmtpd, STARTTLS required) that accepts AUTH XOAUTH2 only with a
// token the endpoint issued, not revoked and not expired: one python3 process
// (tests/support/mail/oauth-mail-server.py), with certificates from the test CA
// (make-test-certificates.sh). Throws std::runtime_error when it cannot start.
// Stopped when the object goes.
#ifndef PROFKPI_TESTS_SUPPORT_OAUTHMAILSERVER_H
#define PROFKPI_TESTS_SUPPORT_OAUTHMAILSERVER_H

#include "tests/support/Process.h"

#include <cstddef>
#include <string>
#include <vector>

namespace profkpi::tests {

class OAuthMailServer {
 public:
  static constexpr const char* CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
  static constexpr const char* CLIENT_SECRET = "Qx~8Q~s3cr3t.Client_Secret-value";
  static constexpr const char* MAILBOX = "kpi-reports@council.example.gov.uk";

  OAuthMailServer();
  ~OAuthMailServer();
  OAuthMailServer(const OAuthMailServer&) = delete;
  OAuthMailServer& operator=(const OAuthMailServer&) = delete;

  // "https://localhost:PORT/tenant/oauth2/v2.0/token".
  std::string tokenUrl() const;
  int smtpPort() const { return _smtpPort; }
  std::string caFile() const { return _dir.file("ca.pem"); }

  // How the endpoint answers from now on: "ok", "503", "429" or "invalid_client".
  void setTokenMode(const std::string& mode) const;
  // The lifetime of the tokens issued from now on.
  void setExpiresIn(int seconds) const;
  // Every token issued so far is refused from the next AUTH on.
  void revokeTokens() const;

  // The event lines (see the script) so far, and those that start with `prefix`.
  std::vector<std::string> events(const std::string& prefix = "") const;
  // The tokens issued so far.
  std::vector<std::string> tokens() const;
  // The n-th message received (1 = first), as sent.
  std::string message(std::size_t n) const;

 private:
  TempDir _dir;
  int _pid = -1;
  int _tokenPort = 0;
  int _smtpPort = 0;
};

}  // namespace profkpi::tests

#endif

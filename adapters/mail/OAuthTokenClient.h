// Access tokens for SMTP XOAUTH2 from an OAuth 2.0 token endpoint, by the
// client-credentials grant (RFC 6749 4.4; Microsoft Entra ID for Exchange
// Online), over HTTPS with the mail's TLS settings (TLS 1.2 or later,
// certificate and host name verified). A token is kept until shortly before it
// expires: a quarter of its lifetime, at most five minutes, early. Failures are
// classified as SMTP ones are: no answer or no TLS is Unreachable, 5xx and 429
// are Temporary, a refusal (400, 401: invalid_client, invalid_scope...) is
// Permanent; each concerns every message. Neither the secret nor a token ever
// appears in an error or the log. Not thread-safe.
#ifndef PROFKPI_ADAPTERS_MAIL_OAUTHTOKENCLIENT_H
#define PROFKPI_ADAPTERS_MAIL_OAUTHTOKENCLIENT_H

#include "adapters/mail/SmtpOptions.h"

#include <Poco/Net/Context.h>

#include <chrono>
#include <optional>
#include <string>

namespace profkpi::adapters::mail {

struct AccessToken {
  std::string value;
  bool fresh = false;  // fetched by this call, rather than kept from an earlier one
};

class OAuthTokenClient {
 public:
  // Throws std::invalid_argument when the token URL is not https or a field is missing.
  OAuthTokenClient(OAuthClientCredentials credentials, Poco::Net::Context::Ptr context, int timeoutSeconds);

  // The kept token while it has time left, or a new one. Throws engine::DeliveryError.
  AccessToken token();
  // Drops the kept token (the mail server refused it): the next call fetches one.
  void forget() { _kept.reset(); }

 private:
  struct Kept {
    std::string value;
    std::chrono::steady_clock::time_point renewAt;
  };
  std::string fetch(std::chrono::seconds& lifetime);

  OAuthClientCredentials _credentials;
  Poco::Net::Context::Ptr _context;
  int _timeoutSeconds;
  std::optional<Kept> _kept;
};

}  // namespace profkpi::adapters::mail

#endif

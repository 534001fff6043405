// One request and its response as a handler sees them, with the steps every
// handler shares: authenticating, reading a bounded body, answering JSON or a
// problem document.
#ifndef PROFKPI_ADAPTERS_HTTP_EXCHANGE_H
#define PROFKPI_ADAPTERS_HTTP_EXCHANGE_H

#include "adapters/http/HttpContext.h"
#include "engine/model/Diagnostic.h"
#include "engine/ports/ApiKey.h"

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <string>

namespace profkpi::adapters::http {

class Exchange {
 public:
  Exchange(HttpContext& context, Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
      : request(request), response(response), _context(context) {}

  // The caller's key. Throws HttpError 429 while the address is refused for
  // failing too often, 401 for no or an unknown key.
  engine::ApiKeyRecord authenticate();
  // Throws HttpError 403 unless the key is an admin's or the organisation's own
  // with one of the roles allowed.
  void authorise(const engine::ApiKeyRecord& key, const std::string& organisation, bool submitter, bool reader);

  // The whole body, at most options.maxBodyBytes, within options.bodySeconds.
  // Throws HttpError 413 (too large), 400 (shorter than declared, or the client went away).
  std::string readBody();

  // After a 413 without reading the body: reads and discards what the client
  // keeps sending (bounded in bytes and time) so it receives the answer.
  void drainRefusedBody();

  void sendJson(int status, const Poco::JSON::Object::Ptr& body);
  // RFC 9457 application/problem+json; `errors` become the "errors" member.
  void sendProblem(int status, const std::string& title, const std::string& detail,
                   const engine::Diagnostics& errors = {}, long retryAfterSeconds = 0);
  void sendBytes(int status, const std::string& contentType, const std::string& bytes);

  // The client's address: the peer's, or the one a trusted proxy forwarded (ClientAddress.h).
  std::string clientAddress() const;

  Poco::Net::HTTPServerRequest& request;
  Poco::Net::HTTPServerResponse& response;
  std::string organisation;  // for the request log, once known
  std::string keyId;         // for the request log, once known (never the secret)

 private:
  HttpContext& _context;
};

}  // namespace profkpi::adapters::http

#endif

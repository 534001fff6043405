// One request and its response as a handler sees them, with the steps every
// handler shares: authenticating, answering JSON, bytes or a problem document.
// The server has already read the request strictly and whole (server/HttpServer.h).
#ifndef PROFKPI_ADAPTERS_HTTP_EXCHANGE_H
#define PROFKPI_ADAPTERS_HTTP_EXCHANGE_H

#include "adapters/http/HttpContext.h"
#include "adapters/http/server/HttpMessage.h"
#include "engine/model/Diagnostic.h"
#include "engine/ports/ApiKey.h"

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

namespace profkpi::adapters::http {

class Exchange {
 public:
  Exchange(HttpContext& context, const HttpRequest& request) : _context(context), _request(&request) {}

  const HttpRequest& request() const { return *_request; }
  // The same request once its body has arrived.
  void bodyArrived(const HttpRequest& request) { _request = &request; }
  const std::string& body() const { return _request->body; }

  // The caller's key. Throws HttpError 429 while the address is refused for
  // failing too often, 401 for no or an unknown key.
  engine::ApiKeyRecord authenticate();
  // Throws HttpError 403 unless the key is an admin's or the organisation's own
  // with one of the roles allowed.
  void authorise(const engine::ApiKeyRecord& key, const std::string& organisation, bool submitter, bool reader);

  void sendJson(int status, const Poco::JSON::Object::Ptr& body);
  // RFC 9457 application/problem+json; `errors` become the "errors" member.
  void sendProblem(int status, const std::string& title, const std::string& detail,
                   const engine::Diagnostics& errors = {}, long retryAfterSeconds = 0);
  void sendBytes(int status, const std::string& contentType, std::string bytes);

  // The client's address: the peer's, or the one a trusted proxy forwarded (ClientAddress.h).
  std::string clientAddress() const;

  HttpResponse response;
  bool answered = false;
  std::optional<engine::ApiKeyRecord> key;  // once authenticated
  std::string organisation;  // for the request log, once known
  std::string keyId;         // for the request log, once known (never the secret)

 private:
  HttpContext& _context;
  const HttpRequest* _request;
};

}  // namespace profkpi::adapters::http

#endif

#include "adapters/http/Exchange.h"

#include "adapters/http/ClientAddress.h"
#include "adapters/http/HttpError.h"
#include "adapters/json/DiagnosticJson.h"

#include <Poco/String.h>

namespace profkpi::adapters::http {

engine::ApiKeyRecord Exchange::authenticate() {
  std::string address = clientAddress();
  if (long wait = _context.limiter.blockedFor(address); wait > 0) {
    throw HttpError(429, "Too many failed authentications",
                    "this address failed to authenticate too often; try again later", wait);
  }
  std::string header = _request->header("Authorization");
  const std::string bearer = "Bearer ";
  std::optional<engine::ApiKeyRecord> found;
  if (Poco::icompare(header.substr(0, bearer.size()), bearer) == 0) {
    found = _context.keys.check(Poco::trim(header.substr(bearer.size())));
  }
  if (!found) {
    // Successes do not wipe failures: a guesser holding one valid key must not
    // reset its own count.
    _context.limiter.recordFailure(address);
    response.set("WWW-Authenticate", "Bearer realm=\"profkpi\"");
    throw HttpError(401, "Unauthorised", header.empty() ? "an API key is required: Authorization: Bearer KEY"
                                                        : "the API key is not valid");
  }
  keyId = found->id;
  key = found;
  return *found;
}

void Exchange::authorise(const engine::ApiKeyRecord& key, const std::string& org, bool submitter, bool reader) {
  if (key.role == engine::Role::Admin) return;
  bool roleAllowed = (key.role == engine::Role::Submitter && submitter) || (key.role == engine::Role::Reader && reader);
  if (!roleAllowed) {
    throw HttpError(403, "Forbidden", std::string("a ") + engine::roleName(key.role) + " key may not do this");
  }
  if (key.organisation != org) {
    throw HttpError(403, "Forbidden", "this key belongs to " + key.organisation + ", not " + org);
  }
}

std::string Exchange::clientAddress() const {
  if (_context.options.trustedProxies.empty()) return _request->peer;
  return http::clientAddress(_request->peer, _request->headerValues("X-Forwarded-For"),
                             _context.options.trustedProxies);
}

void Exchange::sendJson(int status, const Poco::JSON::Object::Ptr& body) {
  sendBytes(status, "application/json", json::stringify(body));
}

void Exchange::sendProblem(int status, const std::string& title, const std::string& detail,
                           const engine::Diagnostics& errors, long retryAfterSeconds) {
  HttpResponse problem = problemResponse(status, title, detail, _request->target,
                                         errors.empty() ? nullptr : json::diagnosticsToJson(errors));
  if (retryAfterSeconds > 0) response.set("Retry-After", std::to_string(retryAfterSeconds));
  sendBytes(status, "application/problem+json", std::move(problem.body));
}

void Exchange::sendBytes(int status, const std::string& contentType, std::string bytes) {
  response.status = status;
  response.set("Content-Type", contentType);
  response.body = std::move(bytes);
  answered = true;
}

}  // namespace profkpi::adapters::http

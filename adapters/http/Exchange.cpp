#include "adapters/http/Exchange.h"

#include "adapters/http/ClientAddress.h"
#include "adapters/http/HttpError.h"
#include "adapters/json/DiagnosticJson.h"

#include <Poco/Net/NetException.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>

namespace profkpi::adapters::http {

engine::ApiKeyRecord Exchange::authenticate() {
  std::string address = clientAddress();
  if (long wait = _context.limiter.blockedFor(address); wait > 0) {
    throw HttpError(429, "Too many failed authentications",
                    "this address failed to authenticate too often; try again later", wait);
  }
  std::string header = request.get("Authorization", "");
  const std::string bearer = "Bearer ";
  std::optional<engine::ApiKeyRecord> key;
  if (Poco::icompare(header.substr(0, bearer.size()), bearer) == 0) {
    key = _context.keys.check(Poco::trim(header.substr(bearer.size())));
  }
  if (!key) {
    _context.limiter.recordFailure(address);
    response.set("WWW-Authenticate", "Bearer realm=\"profkpi\"");
    throw HttpError(401, "Unauthorised", header.empty() ? "an API key is required: Authorization: Bearer KEY"
                                                        : "the API key is not valid");
  }
  _context.limiter.recordSuccess(address);
  keyId = key->id;
  return *key;
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

std::string Exchange::readBody() {
  const std::int64_t limit = _context.options.maxBodyBytes;
  const bool declared = request.hasContentLength();
  const std::int64_t length = declared ? request.getContentLength64() : -1;
  if (declared && length > limit) {
    response.setKeepAlive(false);
    throw HttpError(413, "Payload too large", "the body may be at most " + std::to_string(limit) + " bytes");
  }
  std::string body;
  if (declared) body.reserve(static_cast<std::size_t>(length));
  Poco::Timestamp started;
  const Poco::Timestamp::TimeDiff deadline = static_cast<Poco::Timestamp::TimeDiff>(_context.options.bodySeconds) * 1000000;
  std::istream& in = request.stream();
  char buffer[16384];
  try {
    // peek() waits for at least one byte (one recv), readsome() takes what has
    // arrived: so the deadline is checked however slowly the client sends.
    while (in.peek() != std::char_traits<char>::eof()) {
      std::streamsize n = in.readsome(buffer, sizeof buffer);
      body.append(buffer, static_cast<std::size_t>(n));
      if (static_cast<std::int64_t>(body.size()) > limit) {
        response.setKeepAlive(false);  // the rest of a chunked body is not read
        throw HttpError(413, "Payload too large", "the body may be at most " + std::to_string(limit) + " bytes");
      }
      if (started.isElapsed(deadline)) {
        response.setKeepAlive(false);
        throw HttpError(408, "Request timeout", "the body was not received within " +
                                                    std::to_string(_context.options.bodySeconds) + " seconds");
      }
    }
  } catch (const Poco::TimeoutException&) {
    response.setKeepAlive(false);
    throw HttpError(408, "Request timeout", "the client stopped sending the body");
  } catch (const Poco::Net::NetException&) {
    response.setKeepAlive(false);
    throw HttpError(400, "Incomplete body", "the connection failed while the body was being received");
  }
  if (declared && static_cast<std::int64_t>(body.size()) != length) {
    response.setKeepAlive(false);
    throw HttpError(400, "Incomplete body", "received " + std::to_string(body.size()) + " of the " +
                                                std::to_string(length) + " bytes declared");
  }
  return body;
}

void Exchange::drainRefusedBody() {
  // A client that did not ask for 100 Continue is still sending; closing now
  // would reset the connection and lose our answer. Read on, within bounds.
  if (request.getExpectContinue()) return;
  constexpr std::int64_t MAX_DRAIN = 64 * 1024 * 1024;
  const Poco::Timestamp::TimeDiff deadline = 5 * 1000000;
  Poco::Timestamp started;
  std::int64_t drained = 0;
  char buffer[65536];
  try {
    std::istream& in = request.stream();
    while (drained < MAX_DRAIN && !started.isElapsed(deadline) && in.peek() != std::char_traits<char>::eof()) {
      drained += in.readsome(buffer, sizeof buffer);
    }
  } catch (const Poco::Exception&) {
    // The client went away: nothing left to protect.
  }
}

std::string Exchange::clientAddress() const {
  std::string peer = request.clientAddress().host().toString();
  if (_context.options.trustedProxies.empty()) return peer;
  std::vector<std::string> forwardedFor;
  for (const auto& [name, value] : request) {
    if (Poco::icompare(name, "X-Forwarded-For") == 0) forwardedFor.push_back(value);
  }
  return http::clientAddress(peer, forwardedFor, _context.options.trustedProxies);
}

void Exchange::sendJson(int status, const Poco::JSON::Object::Ptr& body) {
  std::string text = json::stringify(body);
  sendBytes(status, "application/json", text);
}

void Exchange::sendProblem(int status, const std::string& title, const std::string& detail,
                           const engine::Diagnostics& errors, long retryAfterSeconds) {
  Poco::JSON::Object::Ptr problem = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  problem->set("type", "about:blank");
  problem->set("title", title);
  problem->set("status", status);
  if (!detail.empty()) problem->set("detail", detail);
  problem->set("instance", request.getURI());
  if (!errors.empty()) problem->set("errors", json::diagnosticsToJson(errors));
  if (retryAfterSeconds > 0) response.set("Retry-After", std::to_string(retryAfterSeconds));
  sendBytes(status, "application/problem+json", json::stringify(problem));
}

void Exchange::sendBytes(int status, const std::string& contentType, const std::string& bytes) {
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response.setContentType(contentType);
  response.setContentLength64(static_cast<Poco::Int64>(bytes.size()));
  response.send().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace profkpi::adapters::http

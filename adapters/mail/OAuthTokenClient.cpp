#include "adapters/mail/OAuthTokenClient.h"

#include "engine/ports/Errors.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/URI.h>

#include <algorithm>
#include <istream>
#include <stdexcept>

namespace profkpi::adapters::mail {

using engine::DeliveryError;
using Kind = engine::DeliveryError::Kind;

namespace {

// More than any token answer; a larger one is not read.
constexpr std::streamsize MAX_ANSWER_BYTES = 64 * 1024;

std::string formField(const std::string& name, const std::string& value) {
  std::string encoded;
  Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]~ ", encoded);
  return name + "=" + encoded;
}

// What the endpoint said, for an error: the OAuth "error" and the first line
// of "error_description", with the secret blanked should it ever be echoed.
std::string explanation(const std::string& answer, const std::string& secret) {
  std::string said;
  try {
    Poco::JSON::Object::Ptr object = Poco::JSON::Parser().parse(answer).extract<Poco::JSON::Object::Ptr>();
    said = object->optValue<std::string>("error", "");
    std::string description = object->optValue<std::string>("error_description", "");
    description = description.substr(0, std::min(description.find_first_of("\r\n"), std::size_t{300}));
    if (!description.empty()) said += (said.empty() ? "" : ": ") + description;
  } catch (const Poco::Exception&) {
    said = "not an OAuth answer";
  }
  for (std::size_t at; !secret.empty() && (at = said.find(secret)) != std::string::npos;) {
    said.replace(at, secret.size(), "(secret)");
  }
  return said;
}

}  // namespace

OAuthTokenClient::OAuthTokenClient(OAuthClientCredentials credentials, Poco::Net::Context::Ptr context,
                                   int timeoutSeconds)
    : _credentials(std::move(credentials)), _context(std::move(context)), _timeoutSeconds(timeoutSeconds) {
  Poco::URI uri;
  try {
    uri = Poco::URI(_credentials.tokenUrl);
  } catch (const Poco::Exception&) {
  }
  if (uri.getScheme() != "https" || uri.getHost().empty()) {
    throw std::invalid_argument("smtp.oauth.tokenUrl must be an https:// address, not \"" + _credentials.tokenUrl +
                                "\": the client secret goes there");
  }
  if (_credentials.clientId.empty()) throw std::invalid_argument("smtp.auth = xoauth2 needs smtp.oauth.clientId");
  if (_credentials.clientSecret.empty()) {
    throw std::invalid_argument("smtp.auth = xoauth2 needs smtp.oauth.clientSecretFile");
  }
  if (_credentials.scope.empty()) throw std::invalid_argument("smtp.auth = xoauth2 needs smtp.oauth.scope");
}

AccessToken OAuthTokenClient::token() {
  const auto now = std::chrono::steady_clock::now();
  if (_kept && now < _kept->renewAt) return AccessToken{_kept->value, false};
  _kept.reset();
  std::chrono::seconds lifetime{0};
  std::string value = fetch(lifetime);
  // Renewed early enough that it does not expire between here and the server.
  const std::chrono::milliseconds life = lifetime;
  const std::chrono::milliseconds kept = life - std::min<std::chrono::milliseconds>(life / 4, std::chrono::minutes(5));
  if (kept.count() > 0) _kept = Kept{value, now + kept};
  Poco::Logger::get("mail").debug("access token from %s, kept for %s ms", _credentials.tokenUrl,
                                  std::to_string(kept.count()));
  return AccessToken{std::move(value), true};
}

std::string OAuthTokenClient::fetch(std::chrono::seconds& lifetime) {
  const std::string where = "OAuth token from " + _credentials.tokenUrl + ": ";
  const Poco::URI uri(_credentials.tokenUrl);
  std::string answer;
  Poco::Net::HTTPResponse response;
  try {
    Poco::Net::HTTPSClientSession session(uri.getHost(), uri.getPort(), _context);
    session.setTimeout(Poco::Timespan(_timeoutSeconds, 0));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, uri.getPathAndQuery(),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    const std::string form = formField("grant_type", "client_credentials") + "&" +
                             formField("client_id", _credentials.clientId) + "&" +
                             formField("client_secret", _credentials.clientSecret) + "&" +
                             formField("scope", _credentials.scope);
    request.setContentType("application/x-www-form-urlencoded");
    request.setContentLength(static_cast<std::streamsize>(form.size()));
    request.set("Accept", "application/json");
    session.sendRequest(request) << form;
    std::istream& in = session.receiveResponse(response);
    answer.resize(static_cast<std::size_t>(MAX_ANSWER_BYTES));
    in.read(answer.data(), MAX_ANSWER_BYTES);
    answer.resize(static_cast<std::size_t>(in.gcount()));
  } catch (const Poco::Net::SSLException& e) {
    throw DeliveryError(where + "TLS failed, nothing sent: " + e.displayText(), Kind::Unreachable);
  } catch (const Poco::Exception& e) {
    throw DeliveryError(where + e.displayText(), Kind::Unreachable);
  }

  const int status = static_cast<int>(response.getStatus());
  const std::string said = "HTTP " + std::to_string(status) + " " + explanation(answer, _credentials.clientSecret);
  if (status == 429 || status >= 500) throw DeliveryError(where + said, Kind::Temporary, true);
  if (status != 200) throw DeliveryError(where + said, Kind::Permanent, true);
  try {
    Poco::JSON::Object::Ptr object = Poco::JSON::Parser().parse(answer).extract<Poco::JSON::Object::Ptr>();
    std::string value = object->optValue<std::string>("access_token", "");
    if (value.empty()) throw DeliveryError(where + "the answer has no access_token", Kind::Temporary, true);
    // A number, or (some servers) a string of digits; absent: used once, not kept.
    lifetime = std::chrono::seconds(object->has("expires_in") ? object->get("expires_in").convert<long>() : 0);
    return value;
  } catch (const Poco::Exception&) {
    throw DeliveryError(where + "the answer is not an OAuth token (JSON)", Kind::Temporary, true);
  }
}

}  // namespace profkpi::adapters::mail

#include "adapters/http/ReportLanguage.h"

#include "adapters/http/HttpError.h"
#include "engine/model/ReportLanguage.h"

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

#include <optional>

namespace profkpi::adapters::http {

namespace {

using Poco::StringTokenizer;

constexpr int TRIMMED_PARTS = StringTokenizer::TOK_TRIM | StringTokenizer::TOK_IGNORE_EMPTY;

// The value of `name` in a query string; nothing when absent. Throws HttpError
// 400 when it is given twice or cannot be decoded.
std::optional<std::string> queryValue(const std::string& query, const std::string& name) {
  std::optional<std::string> found;
  for (const std::string& pair : StringTokenizer(query, "&", StringTokenizer::TOK_IGNORE_EMPTY)) {
    std::size_t equals = pair.find('=');
    std::string key = pair.substr(0, equals);
    std::string value = equals == std::string::npos ? std::string() : pair.substr(equals + 1);
    std::string decodedKey;
    std::string decodedValue;
    try {
      Poco::URI::decode(key, decodedKey, true);
      Poco::URI::decode(value, decodedValue, true);
    } catch (const Poco::Exception&) {
      throw HttpError(400, "Bad request", "the query has a malformed percent-escape");
    }
    if (decodedKey != name) continue;
    if (found) throw HttpError(400, "Bad request", name + " is given more than once");
    found = std::move(decodedValue);
  }
  return found;
}

// The q-value of an Accept-Language member's parameters (";q=0.5"); 1 when
// absent, nothing when malformed (the member is then ignored).
std::optional<double> qualityOf(const std::string& parameters) {
  double q = 1.0;
  for (const std::string& p : StringTokenizer(parameters, ";", TRIMMED_PARTS)) {
    std::size_t equals = p.find('=');
    if (equals == std::string::npos) return std::nullopt;
    if (Poco::icompare(Poco::trim(p.substr(0, equals)), "q") != 0) continue;
    std::string value = Poco::trim(p.substr(equals + 1));
    // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
    if (value.empty() || value.size() > 5 || (value[0] != '0' && value[0] != '1')) return std::nullopt;
    if (!Poco::NumberParser::tryParseFloat(value, q) || q < 0.0 || q > 1.0) return std::nullopt;
  }
  return q;
}

}  // namespace

std::string preferredLanguage(const std::string& field) {
  const std::vector<std::string>& supported = engine::supportedLanguages();
  // Each supported language's q-value from its own range, or from "*"; its position for ties.
  std::vector<std::optional<double>> own(supported.size());
  std::vector<std::size_t> position(supported.size(), 0);
  std::optional<double> wildcard;
  std::size_t wildcardPosition = 0;
  std::size_t index = 0;
  for (const std::string& member : StringTokenizer(field, ",", TRIMMED_PARTS)) {
    ++index;
    std::size_t semicolon = member.find(';');
    std::string range = Poco::toLower(Poco::trim(member.substr(0, semicolon)));
    std::optional<double> q = qualityOf(semicolon == std::string::npos ? std::string() : member.substr(semicolon + 1));
    if (!q || range.empty()) continue;
    if (range == "*") {
      if (!wildcard) {
        wildcard = q;
        wildcardPosition = index;
      }
      continue;
    }
    std::string primary = range.substr(0, range.find('-'));
    for (std::size_t i = 0; i < supported.size(); ++i) {
      // The first range naming a language decides its q (a later "cy;q=0" does not undo "cy-GB").
      if (primary == supported[i] && !own[i]) {
        own[i] = q;
        position[i] = index;
      }
    }
  }
  std::string best = engine::DEFAULT_LANGUAGE;
  double bestQ = 0.0;
  std::size_t bestPosition = 0;
  for (std::size_t i = 0; i < supported.size(); ++i) {
    std::optional<double> q = own[i] ? own[i] : wildcard;
    std::size_t at = own[i] ? position[i] : wildcardPosition;
    if (!q || *q <= 0.0) continue;
    if (*q > bestQ || (*q == bestQ && at < bestPosition)) {
      best = supported[i];
      bestQ = *q;
      bestPosition = at;
    }
  }
  return best;
}

std::string requestedReportLanguage(const HttpRequest& request) {
  if (std::optional<std::string> lang = queryValue(request.query, "lang")) {
    std::string tag = Poco::toLower(*lang);
    if (!engine::isSupportedLanguage(tag)) {
      throw HttpError(400, "Bad request", "lang \"" + *lang + "\" is not a report language: use en or cy");
    }
    return tag;
  }
  return preferredLanguage(request.header("Accept-Language"));
}

void markLanguage(HttpResponse& response, const std::string& language) {
  response.set("Content-Language", language);
  response.set("Vary", "Accept-Language");
}

}  // namespace profkpi::adapters::http

#include "adapters/http/ClientAddress.h"

#include <Poco/Exception.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

#include <algorithm>
#include <optional>

namespace profkpi::adapters::http {

namespace {

// "a", "a:port", "[v6]" or "[v6]:port", else nothing.
std::optional<Poco::Net::IPAddress> entryAddress(std::string entry) {
  entry = Poco::trim(entry);
  if (!entry.empty() && entry.front() == '[') {
    std::size_t close = entry.find(']');
    if (close == std::string::npos) return std::nullopt;
    entry = entry.substr(1, close - 1);
  } else if (std::count(entry.begin(), entry.end(), ':') == 1) {
    entry = entry.substr(0, entry.find(':'));
  }
  Poco::Net::IPAddress address;
  if (!Poco::Net::IPAddress::tryParse(entry, address)) return std::nullopt;
  return address;
}

bool isTrusted(const Poco::Net::IPAddress& address, const std::vector<std::string>& trustedProxies) {
  return std::any_of(trustedProxies.begin(), trustedProxies.end(), [&](const std::string& proxy) {
    Poco::Net::IPAddress trusted;
    return Poco::Net::IPAddress::tryParse(proxy, trusted) && trusted == address;
  });
}

}  // namespace

std::string clientAddress(const std::string& peer, const std::vector<std::string>& forwardedFor,
                          const std::vector<std::string>& trustedProxies) {
  std::optional<Poco::Net::IPAddress> hop = entryAddress(peer);
  if (!hop || !isTrusted(*hop, trustedProxies)) return peer;
  std::vector<std::string> entries;
  for (const std::string& header : forwardedFor) {
    Poco::StringTokenizer list(header, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    entries.insert(entries.end(), list.begin(), list.end());
  }
  for (auto entry = entries.rbegin(); entry != entries.rend(); ++entry) {
    std::optional<Poco::Net::IPAddress> address = entryAddress(*entry);
    if (!address) break;
    hop = address;
    if (!isTrusted(*hop, trustedProxies)) break;
  }
  return hop->toString();
}

std::vector<std::string> parseTrustedProxies(const std::string& list) {
  std::vector<std::string> proxies;
  Poco::StringTokenizer entries(list, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  for (const std::string& entry : entries) {
    Poco::Net::IPAddress address;
    if (!Poco::Net::IPAddress::tryParse(entry, address)) {
      throw Poco::InvalidArgumentException("http.trustedProxies: \"" + entry + "\" is not an IP address");
    }
    proxies.push_back(address.toString());
  }
  return proxies;
}

}  // namespace profkpi::adapters::http

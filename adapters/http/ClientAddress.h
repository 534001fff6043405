// Which address a request came from, for the failed-authentication limiter and
// the submission's audit record. Behind a reverse proxy every connection comes
// from the proxy; when the peer is one of http.trustedProxies, the client is
// the right-most X-Forwarded-For entry that is not itself a trusted proxy
// (entries further left were written by the client and can be forged).
#ifndef PROFKPI_ADAPTERS_HTTP_CLIENTADDRESS_H
#define PROFKPI_ADAPTERS_HTTP_CLIENTADDRESS_H

#include <string>
#include <vector>

namespace profkpi::adapters::http {

// `peer`: the connection's address. `forwardedFor`: each X-Forwarded-For header
// value in the order received (comma-separated lists; an entry may carry a
// port, "203.0.113.9:51234" or "[2001:db8::1]:443", as IIS ARR writes them).
// `trustedProxies`: IP addresses. Returns the peer when it is not trusted, and
// the last trusted hop when the list is exhausted or an entry is not an address.
std::string clientAddress(const std::string& peer, const std::vector<std::string>& forwardedFor,
                          const std::vector<std::string>& trustedProxies);

// Throws Poco::InvalidArgumentException naming the first entry of a
// comma-separated list (http.trustedProxies) that is not an IP address.
std::vector<std::string> parseTrustedProxies(const std::string& list);

}  // namespace profkpi::adapters::http

#endif

// The TLS settings every outgoing connection of profkpi's mail uses (SMTP and
// the OAuth token endpoint): TLS 1.2 or later, the peer's certificate verified
// against the system's CAs or a given CA file, and its host name checked, also
// for "localhost" (Poco's relaxed mode would skip that).
#ifndef PROFKPI_ADAPTERS_MAIL_TLSCLIENTCONTEXT_H
#define PROFKPI_ADAPTERS_MAIL_TLSCLIENTCONTEXT_H

#include <Poco/Net/Context.h>

#include <string>

namespace profkpi::adapters::mail {

// `caFile` empty: the system's CAs. Throws std::invalid_argument when the CA
// file cannot be loaded.
Poco::Net::Context::Ptr tlsClientContext(const std::string& caFile);

}  // namespace profkpi::adapters::mail

#endif

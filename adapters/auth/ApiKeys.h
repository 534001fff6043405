// Issuing and checking API keys. A key reads "pk_<id>_<secret>": the id (48
// random bits, hex) is public and names the key in lists and logs; the secret
// (128 random bits, hex) is shown once and only its SHA-256 is stored. Checks
// compare hashes in constant time. Thread-safe when the key store is.
#ifndef PROFKPI_ADAPTERS_AUTH_APIKEYS_H
#define PROFKPI_ADAPTERS_AUTH_APIKEYS_H

#include "engine/ports/ApiKey.h"
#include "engine/ports/Clock.h"

#include <optional>
#include <string>

namespace profkpi::adapters::auth {

struct IssuedKey {
  engine::ApiKeyRecord record;
  std::string token;  // the whole key; never stored
};

class ApiKeys {
 public:
  // References must outlive this object.
  ApiKeys(engine::KeyStore& store, const engine::Clock& clock) : _store(store), _clock(clock) {}

  IssuedKey issue(const std::string& organisation, engine::Role role);
  // The live key the token names, when its secret matches; nothing otherwise.
  std::optional<engine::ApiKeyRecord> check(const std::string& token);

 private:
  engine::KeyStore& _store;
  const engine::Clock& _clock;
};

// Equal-length comparison whose time does not depend on where the inputs differ.
bool constantTimeEquals(const std::string& a, const std::string& b);

}  // namespace profkpi::adapters::auth

#endif

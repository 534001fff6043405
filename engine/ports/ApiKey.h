// API credentials (INTERFACE.md): each key belongs to an organisation and has a
// role. Only a hash of the secret is ever stored.
#ifndef PROFKPI_ENGINE_PORTS_APIKEY_H
#define PROFKPI_ENGINE_PORTS_APIKEY_H

#include "engine/common/Time.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace profkpi::engine {

enum class Role {
  Submitter,  // may post for its own organisation
  Reader,     // may read its own organisation's results and reports
  Admin,      // may do everything
};

const char* roleName(Role role);
std::optional<Role> roleFromName(std::string_view name);

struct ApiKeyRecord {
  std::string id;            // public part of the key, shown in lists and logs
  std::string organisation;  // GSS code
  Role role = Role::Submitter;
  std::string secretHash;    // hex SHA-256 of the secret part
  Instant createdAt;
  std::optional<Instant> revokedAt;
};

// The key store port. Implementations must be thread-safe; failures throw StoreError.
class KeyStore {
 public:
  KeyStore() = default;
  KeyStore(const KeyStore&) = delete;
  KeyStore& operator=(const KeyStore&) = delete;
  virtual ~KeyStore() = default;

  virtual void addKey(const ApiKeyRecord& key) = 0;
  // The key with this id, revoked or not; nothing when unknown.
  virtual std::optional<ApiKeyRecord> findKey(const std::string& id) = 0;
  virtual std::vector<ApiKeyRecord> listKeys() = 0;
  // False when there is no such key or it was already revoked.
  virtual bool revokeKey(const std::string& id, Instant at) = 0;
};

}  // namespace profkpi::engine

#endif

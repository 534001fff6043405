#include "adapters/auth/ApiKeys.h"

#include "platform/Sha256.h"

#include <Poco/RandomStream.h>

#include <cstdio>

namespace profkpi::adapters::auth {

namespace {

constexpr std::size_t ID_BYTES = 6;
constexpr std::size_t SECRET_BYTES = 16;

std::string randomHex(std::size_t bytes) {
  Poco::RandomInputStream random;
  std::string hex;
  for (std::size_t i = 0; i < bytes; ++i) {
    char byte = 0;
    random.get(byte);
    char pair[3];
    std::snprintf(pair, sizeof pair, "%02x", static_cast<unsigned char>(byte));
    hex += pair;
  }
  return hex;
}

}  // namespace

bool constantTimeEquals(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < a.size(); ++i) difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  return difference == 0;
}

IssuedKey ApiKeys::issue(const std::string& organisation, engine::Role role) {
  IssuedKey issued;
  std::string secret = randomHex(SECRET_BYTES);
  issued.record.id = randomHex(ID_BYTES);
  issued.record.organisation = organisation;
  issued.record.role = role;
  issued.record.secretHash = platform::sha256Hex(secret);
  issued.record.createdAt = _clock.now();
  _store.addKey(issued.record);
  issued.token = "pk_" + issued.record.id + "_" + secret;
  return issued;
}

std::optional<engine::ApiKeyRecord> ApiKeys::check(const std::string& token) {
  // pk_ + 12 hex + _ + 32 hex
  if (token.size() != 3 + ID_BYTES * 2 + 1 + SECRET_BYTES * 2 || token.compare(0, 3, "pk_") != 0 ||
      token[3 + ID_BYTES * 2] != '_') {
    return std::nullopt;
  }
  std::string id = token.substr(3, ID_BYTES * 2);
  std::string secret = token.substr(3 + ID_BYTES * 2 + 1);
  auto key = _store.findKey(id);
  std::string presented = platform::sha256Hex(secret);
  if (!key) {
    constantTimeEquals(presented, presented);  // same work whether or not the id exists
    return std::nullopt;
  }
  if (!constantTimeEquals(presented, key->secretHash) || key->revokedAt) return std::nullopt;
  return key;
}

}  // namespace profkpi::adapters::auth

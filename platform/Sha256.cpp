#include "platform/Sha256.h"

#include <openssl/sha.h>

namespace profkpi::platform {

std::string sha256Hex(std::string_view bytes) {
  // OpenSSL's SHA-256 uses the CPU's SHA extensions where present: several
  // times faster than Poco's portable SHA2Engine on every submission's body.
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  static const char HEX[] = "0123456789abcdef";
  std::string hex(2 * sizeof digest, '0');
  for (std::size_t i = 0; i < sizeof digest; ++i) {
    hex[2 * i] = HEX[digest[i] >> 4];
    hex[2 * i + 1] = HEX[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace profkpi::platform

// SHA-256 of bytes as lower-case hex (OpenSSL).
#ifndef PROFKPI_PLATFORM_SHA256_H
#define PROFKPI_PLATFORM_SHA256_H

#include <string>
#include <string_view>

namespace profkpi::platform {

std::string sha256Hex(std::string_view bytes);

}  // namespace profkpi::platform

#endif

// SHA-256 of bytes as lower-case hex (OpenSSL).
#ifndef PROFKPI_ADAPTERS_INTAKE_SHA256_H
#define PROFKPI_ADAPTERS_INTAKE_SHA256_H

#include <string>
#include <string_view>

namespace profkpi::adapters::intake {

std::string sha256Hex(std::string_view bytes);

}  // namespace profkpi::adapters::intake

#endif

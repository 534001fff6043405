// A secret (a password, an OAuth client secret) read from a file that only its
// owner may read, as ssh treats a private key: a file that the group or others
// may read, write or execute is refused, so a secret is never taken from where
// someone else could have seen or changed it. Only the file's name ever appears
// in an error.
#ifndef PROFKPI_PLATFORM_SECRETFILE_H
#define PROFKPI_PLATFORM_SECRETFILE_H

#include <stdexcept>
#include <string>

namespace profkpi::platform {

class SecretFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The file's contents without the line end(s) that end it. Throws
// SecretFileError when the file cannot be read, is not a regular file, is
// empty, or its mode gives the group or others any access.
std::string readSecretFile(const std::string& path);

}  // namespace profkpi::platform

#endif

// platform::readSecretFile on real files: the secret of a file only its owner
// may use, without its line end; refused when the group or others have any
// access, or the file is missing, empty or not a regular file; the secret never
// in the error.
#include "platform/SecretFile.h"
#include "tests/support/Documents.h"
#include "tests/support/Process.h"

#include <boost/test/unit_test.hpp>

#include <string>
#include <sys/stat.h>

using profkpi::platform::readSecretFile;
using profkpi::platform::SecretFileError;
using profkpi::tests::TempDir;
using profkpi::tests::writeFile;

namespace {

const std::string SECRET = "s3cret-w1th spaces";

// The error readSecretFile throws; empty when it does not throw.
std::string refusalOf(const std::string& path) {
  try {
    readSecretFile(path);
  } catch (const SecretFileError& e) {
    return e.what();
  }
  return {};
}

std::string secretFile(const TempDir& dir, mode_t mode, const std::string& content = SECRET + "\n") {
  std::string path = dir.file("secret");
  writeFile(path, content);
  ::chmod(path.c_str(), mode);
  return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SecretFileTest)

BOOST_AUTO_TEST_CASE(anOwnerOnlyFileGivesItsSecretWithoutTheLineEnd) {
  TempDir dir;
  BOOST_TEST(readSecretFile(secretFile(dir, 0600)) == SECRET);
  BOOST_TEST(readSecretFile(secretFile(dir, 0400, SECRET + "\r\n")) == SECRET);
}

BOOST_AUTO_TEST_CASE(anyAccessForTheGroupOrOthersIsRefused) {
  for (mode_t mode : {0640, 0604, 0644, 0620, 0602, 0610, 0601}) {
    TempDir dir;
    std::string error = refusalOf(secretFile(dir, mode));
    BOOST_TEST(error.find("chmod 600") != std::string::npos, error);
    BOOST_TEST(error.find(SECRET) == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(missingEmptyAndFolderAreRefused) {
  TempDir dir;
  BOOST_TEST(refusalOf(dir.file("absent")).find("cannot read") != std::string::npos);
  BOOST_TEST(refusalOf(secretFile(dir, 0600, "\n")).find("is empty") != std::string::npos);
  std::string folder = dir.file("folder");
  ::mkdir(folder.c_str(), 0700);
  BOOST_TEST(!refusalOf(folder).empty());
}

BOOST_AUTO_TEST_SUITE_END()

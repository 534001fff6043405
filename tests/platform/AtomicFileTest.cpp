// platform::writeFileAtomically and ScratchFile on real files: the bytes and
// the exact permissions arrive, a failure names the step and leaves no
// scratch file, an abandoned scratch file is removed.
#include "platform/AtomicFile.h"
#include "platform/FileError.h"
#include "platform/ScratchFile.h"
#include "tests/support/Documents.h"
#include "tests/support/Process.h"

#include <boost/test/unit_test.hpp>

#include <cerrno>
#include <filesystem>
#include <sys/stat.h>

using namespace profkpi::platform;
using profkpi::tests::readFile;
using profkpi::tests::TempDir;
using profkpi::tests::writeFile;

namespace {

std::size_t filesIn(const std::string& folder) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++n;
  return n;
}

mode_t permissionsOf(const std::string& path) {
  struct stat st {};
  BOOST_REQUIRE(stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(AtomicFileTest)

BOOST_AUTO_TEST_CASE(replacesTheFileWithTheBytesAndTheModeAsked) {
  TempDir dir;
  std::string path = dir.file("report.pdf");
  writeFile(path, "the old report, longer than the new one");
  writeFileAtomically(path, std::string("new\0bytes", 9), 0640);
  BOOST_TEST(readFile(path) == std::string("new\0bytes", 9));
  BOOST_TEST(permissionsOf(path) == 0640u);
  writeFileAtomically(path, "", 0644);
  BOOST_TEST(readFile(path).empty());
  BOOST_TEST(permissionsOf(path) == 0644u);
  BOOST_TEST(filesIn(dir.path()) == 1u);
  BOOST_CHECK_NO_THROW(syncFolder(dir.path()));
}

BOOST_AUTO_TEST_CASE(aFailureNamesTheStepAndTheTargetAndLeavesNothing) {
  TempDir dir;
  std::string missing = dir.file("no/such/folder/a.pdf");
  try {
    writeFileAtomically(missing, "x", 0644);
    BOOST_FAIL("wrote into a folder that does not exist");
  } catch (const FileError& e) {
    BOOST_TEST(e.error() == ENOENT);
    BOOST_TEST(std::string(e.what()) == "cannot create a temporary file beside " + missing + ": No such file or directory");
  }
  // A folder in the way: everything succeeds but the rename.
  std::filesystem::create_directory(dir.file("taken"));
  writeFile(dir.file("taken/inside"), "keeps the folder non-empty");
  try {
    writeFileAtomically(dir.file("taken"), "x", 0644);
    BOOST_FAIL("renamed over a folder");
  } catch (const FileError& e) {
    BOOST_TEST(e.step() == "rename into place");
    BOOST_TEST(e.path() == dir.file("taken"));
  }
  BOOST_TEST(filesIn(dir.path()) == 1u);  // only the folder
  BOOST_CHECK_THROW(syncFolder(dir.file("absent")), FileError);
}

BOOST_AUTO_TEST_CASE(aScratchFileBecomesTheTargetOnlyWhenCommitted) {
  TempDir dir;
  std::string path = dir.file("out.xml");
  {
    ScratchFile abandoned(path, 0644);
    abandoned.write("half");
    BOOST_TEST(isScratchName(std::filesystem::path(abandoned.path()).filename().string()));
    BOOST_TEST(filesIn(dir.path()) == 1u);
  }
  BOOST_TEST(filesIn(dir.path()) == 0u);
  ScratchFile scratch(path, 0600);
  writeFile(scratch.path(), "written by name, as convert's writer does");
  scratch.commit();
  BOOST_TEST(readFile(path) == "written by name, as convert's writer does");
  BOOST_TEST(permissionsOf(path) == 0600u);
  BOOST_TEST(filesIn(dir.path()) == 1u);
}

BOOST_AUTO_TEST_CASE(scratchNamesAreRecognisedAndOthersAreNot) {
  BOOST_TEST(isScratchName("E06000001.pdf.tmp-a1B2c3"));
  BOOST_TEST(isScratchName("SHA256SUMS.tmp-XXXXXX"));
  BOOST_TEST(!isScratchName("notes.tmp-kept.txt"));
  BOOST_TEST(!isScratchName("late.xml.receipt.json.tmp"));
  BOOST_TEST(!isScratchName("a.tmp-12345"));
  BOOST_TEST(!isScratchName("E06000001.pdf"));
}

BOOST_AUTO_TEST_SUITE_END()

// Reports archived in a folder: atomic replacement, the SHA256SUMS manifest
// (checked with the real sha256sum), and what load() trusts.
#include "adapters/archive/FileReportArchive.h"
#include "engine/ports/Errors.h"
#include "platform/Sha256.h"
#include "tests/support/Documents.h"
#include "tests/support/Process.h"

#include <Poco/File.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <sys/stat.h>

using namespace profkpi::tests;
using profkpi::adapters::archive::FileReportArchive;
using profkpi::platform::sha256Hex;

namespace {

struct Fixture {
  TempDir dir;
  std::string root = dir.file("reports/archive");
  FileReportArchive archive{root};
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(FileReportArchiveTest, Fixture)

BOOST_AUTO_TEST_CASE(sha256IsTheStandardDigest) {
  BOOST_TEST(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_CASE(storeWritesTheDocumentAndItsManifestEntry) {
  std::string pdf("%PDF-1.4\0\xff binary", 17);
  std::string sha = archive.store("2025-26-Q2", "E06000001.pdf", pdf);
  BOOST_TEST(sha == sha256Hex(pdf));
  BOOST_TEST(readFile(root + "/2025-26-Q2/E06000001.pdf") == pdf);
  archive.store("2025-26-Q2", "sector.pdf", "sector");
  archive.store("2025-26-Q2", "E06000002.pdf", "two");
  BOOST_TEST(readFile(root + "/2025-26-Q2/SHA256SUMS") ==
             sha + "  E06000001.pdf\n" + sha256Hex("two") + "  E06000002.pdf\n" + sha256Hex("sector") + "  sector.pdf\n");
  struct stat info {};
  BOOST_REQUIRE(stat((root + "/2025-26-Q2/E06000001.pdf").c_str(), &info) == 0);
  BOOST_TEST((info.st_mode & 0777) == 0644u);
}

BOOST_AUTO_TEST_CASE(theManifestChecksWithSha256sum) {
  archive.store("2025-26-Q2", "E06000001.pdf", "one");
  archive.store("2025-26-Q2", "E06000001.pdf", "one, again");  // replaced, entry updated
  archive.store("2025-26-Q2", "sector.pdf", "sector");
  ProcessResult r = runProcess({"/bin/sh", "-c", "cd '" + root + "/2025-26-Q2' && sha256sum -c --strict SHA256SUMS"});
  BOOST_TEST(r.exitCode == 0, r.out + r.err);
  BOOST_TEST(r.out == "E06000001.pdf: OK\nsector.pdf: OK\n");
}

BOOST_AUTO_TEST_CASE(aManifestWrittenByAnotherArchiveIsReadAgain) {
  // The manifest is kept in memory between calls; another process may write it meanwhile.
  archive.store("2025-26-Q2", "E06000001.pdf", "one");
  FileReportArchive other{root};
  other.store("2025-26-Q2", "E06000002.pdf", "two");
  BOOST_TEST(archive.load("2025-26-Q2", "E06000002.pdf").value_or("absent") == "two");
  archive.store("2025-26-Q2", "E06000003.pdf", "three");  // keeps the other's entry
  BOOST_TEST(readFile(root + "/2025-26-Q2/SHA256SUMS") == sha256Hex("one") + "  E06000001.pdf\n" + sha256Hex("two") +
                                                             "  E06000002.pdf\n" + sha256Hex("three") +
                                                             "  E06000003.pdf\n");
  Poco::File(root + "/2025-26-Q2/SHA256SUMS").remove();  // an operator clears the period
  BOOST_TEST(!archive.load("2025-26-Q2", "E06000001.pdf"));
}

BOOST_AUTO_TEST_CASE(noTemporaryFilesAreLeftBehind) {
  for (int i = 0; i < 5; ++i) archive.store("2025-26-Q1", "E06000001.pdf", std::string(1000 * i, 'x'));
  std::vector<std::string> names;
  Poco::File(root + "/2025-26-Q1").list(names);
  std::sort(names.begin(), names.end());
  std::vector<std::string> expected{"E06000001.pdf", "SHA256SUMS"};
  BOOST_TEST(names == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(temporaryFilesAKilledRunLeftAreRemovedByTheNextStore) {
  archive.store("2025-26-Q1", "E06000001.pdf", "first");
  writeFile(root + "/2025-26-Q1/E06000002.pdf.tmp-a1B2c3", "half a rep");  // killed before its rename
  writeFile(root + "/2025-26-Q1/notes.tmp-kept.txt", "not ours");
  archive.store("2025-26-Q1", "E06000001.pdf", "second");
  std::vector<std::string> names;
  Poco::File(root + "/2025-26-Q1").list(names);
  std::sort(names.begin(), names.end());
  std::vector<std::string> expected{"E06000001.pdf", "SHA256SUMS", "notes.tmp-kept.txt"};
  BOOST_TEST(names == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(loadReturnsOnlyWhatTheManifestVouchesFor) {
  archive.store("2025-26-Q2", "E06000001.pdf", "report");
  BOOST_TEST(*archive.load("2025-26-Q2", "E06000001.pdf") == "report");
  BOOST_TEST(!archive.load("2025-26-Q2", "E06000009.pdf").has_value());
  BOOST_TEST(!archive.load("2030-31", "E06000001.pdf").has_value());
  writeFile(root + "/2025-26-Q2/E06000001.pdf", "tampered");
  BOOST_TEST(!archive.load("2025-26-Q2", "E06000001.pdf").has_value());
  Poco::File(root + "/2025-26-Q2/E06000001.pdf").remove();
  BOOST_TEST(!archive.load("2025-26-Q2", "E06000001.pdf").has_value());
}

BOOST_AUTO_TEST_CASE(recordedSha256IsTheManifestsEntry) {
  std::string sha = archive.store("2025-26-Q2", "E06000001.pdf", "report");
  BOOST_TEST(*archive.recordedSha256("2025-26-Q2", "E06000001.pdf") == sha);
  BOOST_TEST(*FileReportArchive(root).recordedSha256("2025-26-Q2", "E06000001.pdf") == sha);  // read from disk
  BOOST_TEST(!archive.recordedSha256("2025-26-Q2", "E06000009.pdf").has_value());
  BOOST_TEST(!archive.recordedSha256("2030-31", "E06000001.pdf").has_value());
  BOOST_CHECK_THROW(archive.recordedSha256("../etc", "x.pdf"), profkpi::engine::ArchiveError);
}

BOOST_AUTO_TEST_CASE(namesThatAreNotPlainFileNamesAreRefused) {
  for (const char* bad : {"../x.pdf", "a/b.pdf", "..", ".", "", "SHA256SUMS"}) {
    BOOST_CHECK_THROW(archive.store("2025-26-Q2", bad, "x"), profkpi::engine::ArchiveError);
  }
  BOOST_CHECK_THROW(archive.store("../etc", "x.pdf", "x"), profkpi::engine::ArchiveError);
}

BOOST_AUTO_TEST_CASE(aFolderThatCannotBeMadeIsAnArchiveError) {
  writeFile(dir.file("blocker"), "a file where a folder should be");
  FileReportArchive blocked(dir.file("blocker/reports"));
  auto namesThePath = [](const profkpi::engine::ArchiveError& e) {
    return std::string(e.what()).find("blocker") != std::string::npos;
  };
  BOOST_CHECK_EXCEPTION(blocked.store("2025-26-Q2", "E06000001.pdf", "x"), profkpi::engine::ArchiveError, namesThePath);
}

BOOST_AUTO_TEST_SUITE_END()

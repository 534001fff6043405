// Files dropped into the inbox of a running `profkpi serve`.
#include "adapters/store/SqlStore.h"
#include "tests/support/Documents.h"
#include "tests/support/ServerProcess.h"

#include <Poco/File.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>
#include <unistd.h>

using namespace profkpi::tests;

namespace {

bool exists(const std::string& path) { return Poco::File(path).exists(); }

// Waits up to 10 s for `path` to appear.
bool appears(const std::string& path) {
  for (int i = 0; i < 100; ++i) {
    if (exists(path)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

std::string document(const std::string& id, const std::string& org = "E06000001") {
  HeaderFields h;
  h.submissionId = id;
  h.organisationCode = org;
  return aggregateDocument(h);
}

const std::string ID1 = "cccccccc-0000-4000-8000-000000000001";
const std::string ID2 = "cccccccc-0000-4000-8000-000000000002";

}  // namespace

BOOST_AUTO_TEST_SUITE(InboxTest)

BOOST_AUTO_TEST_CASE(partialFileWaitsUntilRenamed) {
  ServerProcess server;
  std::string inbox = server.inboxDir();
  writeFile(inbox + "/return.xml.part", document(ID1));
  std::this_thread::sleep_for(std::chrono::milliseconds(800));  // several polls
  BOOST_TEST(exists(inbox + "/return.xml.part"));
  BOOST_TEST(::rename((inbox + "/return.xml.part").c_str(), (inbox + "/return.xml").c_str()) == 0);
  BOOST_TEST(appears(inbox + "/accepted/return.xml"));
  BOOST_TEST(exists(inbox + "/accepted/return.xml.receipt.json"));
  BOOST_TEST(readFile(inbox + "/accepted/return.xml.receipt.json").find(ID1) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(goodAndBadFilesEndInTheirFolders) {
  ServerProcess server;
  std::string inbox = server.inboxDir();
  writeFile(inbox + "/good.xml", document(ID1));
  writeFile(inbox + "/bad.xml", readFile(samplesDir() + "/refused/pk003-mapped-over-total.xml"));
  BOOST_TEST(appears(inbox + "/accepted/good.xml"));
  BOOST_TEST(appears(inbox + "/refused/bad.xml"));
  BOOST_TEST(appears(inbox + "/refused/bad.xml.errors.txt"));
  std::string errors = readFile(inbox + "/refused/bad.xml.errors.txt");
  BOOST_TEST(errors.find("bad.xml:20:18: error PK003: ") != std::string::npos, errors);
  BOOST_TEST(!exists(inbox + "/good.xml"));
  BOOST_TEST(!exists(inbox + "/bad.xml"));
}

BOOST_AUTO_TEST_CASE(symbolicLinksAndWrongFoldersAreRefused) {
  ServerProcess server;
  std::string inbox = server.inboxDir();
  writeFile(server.dir().file("outside.xml"), document(ID1));
  BOOST_TEST(::symlink(server.dir().file("outside.xml").c_str(), (inbox + "/link.xml").c_str()) == 0);
  Poco::File(inbox + "/E06000002").createDirectories();
  writeFile(inbox + "/E06000002/misfiled.xml", document(ID2, "E06000001"));
  BOOST_TEST(appears(inbox + "/refused/link.xml.errors.txt"));
  BOOST_TEST(readFile(inbox + "/refused/link.xml.errors.txt").find("symbolic link") != std::string::npos);
  BOOST_TEST(appears(inbox + "/refused/misfiled.xml.errors.txt"));
  BOOST_TEST(readFile(inbox + "/refused/misfiled.xml.errors.txt").find("PK007") != std::string::npos);
  BOOST_TEST(exists(server.dir().file("outside.xml")));  // the target is untouched
  server.stop();
  profkpi::adapters::store::SqlStore store("sqlite", server.storePath());
  BOOST_TEST(!store.findBySubmissionId(ID1));
  BOOST_TEST(!store.findBySubmissionId(ID2));
  server.start();
}

BOOST_AUTO_TEST_CASE(restartDoesNotProcessAFileTwice) {
  ServerProcess server;
  std::string inbox = server.inboxDir();
  writeFile(inbox + "/once.xml", document(ID1));
  BOOST_TEST(appears(inbox + "/accepted/once.xml"));
  server.stop();
  // A crash after the commit but before the move leaves the file behind: it comes back.
  writeFile(inbox + "/once-again.xml", document(ID1));
  server.start();
  BOOST_TEST(appears(inbox + "/accepted/once-again.xml"));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  server.stop();
  profkpi::adapters::store::SqlStore store("sqlite", server.storePath());
  BOOST_TEST(store.revisions("E06000001", "2009-10-Q2").size() == 1u);
  int accepted = 0;
  for (const auto& entry : store.recentAudit(100)) accepted += entry.action == "accepted" ? 1 : 0;
  BOOST_TEST(accepted == 1);
  BOOST_TEST(readFile(inbox + "/accepted/once-again.xml.receipt.json") ==
             readFile(inbox + "/accepted/once.xml.receipt.json"));
  server.start();
}

BOOST_AUTO_TEST_SUITE_END()

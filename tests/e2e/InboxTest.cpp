// Files dropped into the inbox of a running `profkpi serve` (or of two sharing
// it: PROFKPI_TEST_INSTANCES, tests/support/ServerProcess.h).
#include "adapters/store/SqlStore.h"
#include "tests/support/Documents.h"
#include "tests/support/ServerProcess.h"

#include <Poco/File.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <sys/file.h>
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
const std::string ID3 = "cccccccc-0000-4000-8000-000000000003";
const std::string ID4 = "cccccccc-0000-4000-8000-000000000004";

// A claim folder's lock held as a running instance holds it (flock on
// .claimed/NAME.lock), until released.
class HeldClaim {
 public:
  explicit HeldClaim(const std::string& lockPath) : _fd(::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640)) {
    BOOST_REQUIRE(_fd >= 0 && ::flock(_fd, LOCK_EX | LOCK_NB) == 0);
  }
  ~HeldClaim() { release(); }
  void release() {
    if (_fd >= 0) ::close(_fd);
    _fd = -1;
  }

 private:
  int _fd;
};

// Delivered as senders do: written under another name, then renamed.
void deliver(const std::string& path, const std::string& bytes) {
  writeFile(path + ".part", bytes);
  BOOST_REQUIRE(std::rename((path + ".part").c_str(), path.c_str()) == 0);
}

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
  profkpi::adapters::store::SqlStore store(server.store().connector, server.store().connection);
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
  profkpi::adapters::store::SqlStore store(server.store().connector, server.store().connection);
  BOOST_TEST(store.revisions("E06000001", "2009-10-Q2").size() == 1u);
  int accepted = 0;
  for (const auto& entry : store.recentAudit(100)) accepted += entry.action == "accepted" ? 1 : 0;
  BOOST_TEST(accepted == 1);
  BOOST_TEST(readFile(inbox + "/accepted/once-again.xml.receipt.json") ==
             readFile(inbox + "/accepted/once.xml.receipt.json"));
  server.start();
}

// An instance killed and never started again leaves files in its claim folder;
// its lock is free, so another instance adopts and finishes them. A running
// instance's claims (its lock held) are left to it.
BOOST_AUTO_TEST_CASE(filesClaimedByAnInstanceThatIsGoneAreFinishedByAnother) {
  ServerProcess server("inbox.claimName = here\ninbox.pollMilliseconds = 50\n");
  const std::string inbox = server.inboxDir();
  const std::string alive = inbox + "/.claimed/alive";
  HeldClaim running(alive + ".lock");
  Poco::File(alive).createDirectories();
  Poco::File(inbox + "/.claimed/gone/E06000002").createDirectories();
  deliver(alive + "/busy.xml", document(ID3));
  deliver(inbox + "/.claimed/gone/E06000002/late.xml", document(ID4, "E06000002"));
  BOOST_TEST(appears(inbox + "/accepted/late.xml"));
  BOOST_TEST(readFile(inbox + "/accepted/late.xml.receipt.json").find(ID4) != std::string::npos);
  BOOST_TEST(!exists(inbox + "/.claimed/gone/E06000002/late.xml"));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // ten passes
  BOOST_TEST(exists(alive + "/busy.xml"));
  BOOST_TEST(!exists(inbox + "/accepted/busy.xml"));

  running.release();  // that instance is gone now
  BOOST_TEST(appears(inbox + "/accepted/busy.xml"));
  BOOST_TEST(!exists(alive + "/busy.xml"));
  std::string log = server.logs();  // whichever instance adopted them
  BOOST_TEST(log.find("late.xml: adopted from gone") != std::string::npos, log);
  BOOST_TEST(log.find("busy.xml: adopted from alive") != std::string::npos, log);
  server.stop();
  profkpi::adapters::store::SqlStore store(server.store().connector, server.store().connection);
  int accepted = 0;
  for (const auto& entry : store.recentAudit(100)) accepted += entry.action == "accepted" ? 1 : 0;
  BOOST_TEST(accepted == 2);
  server.start();
}

// Two instances under one claim name would take each other's files: the
// second one refuses to start (exit 2) and says why.
BOOST_AUTO_TEST_CASE(aSecondInstanceUnderTheSameClaimNameDoesNotStart) {
  ServerProcess first("inbox.claimName = same\n");
  TempDir dir;
  const std::string config = dir.file("profkpi.properties");
  writeFile(config, "store.connection = " + dir.file("store.db") + "\nhttp.port = " + std::to_string(freePort()) +
                        "\ninbox.dir = " + first.inboxDir() + "\ninbox.claimName = same\nnightly.enabled = false\n");
  ProcessResult second = runProcess({profkpiBinary(), "serve", "--config", config});
  BOOST_TEST(second.exitCode == 2, second.err);
  BOOST_TEST(second.err.find("another running instance uses") != std::string::npos, second.err);
  BOOST_TEST(first.request("GET", "/healthz").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()

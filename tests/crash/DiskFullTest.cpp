// A full disk under the running server, made by the LD_PRELOAD fault shim
// (tests/support/faults): while its control file exists, writes to the store's
// files, or to the inbox's folders, fail with ENOSPC. The server must answer
// 503 with Retry-After (not 500, not a crash), store nothing partial, and
// recover by itself once space is back, without a restart.
#include "tests/support/Documents.h"
#include "tests/support/FolderScan.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/StoreInspection.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>

using namespace profkpi::tests;

namespace {

std::string documentId(int n) {
  char id[40];
  std::snprintf(id, sizeof id, "d15cf011-0000-4000-8000-%012x", n);
  return id;
}

std::string document(int n, const std::string& organisation = "E06000001") {
  HeaderFields h;
  h.submissionId = documentId(n);
  h.organisationCode = organisation;
  AggregateFields f;
  f.staffRecognised = std::to_string(n % 41);
  return aggregateDocument(h, f);
}

struct Fixture {
  ServerProcess server{"nightly.enabled = false\ninbox.claimName = crash\n"};
  TempDir faults;
  std::string diskFull = faults.file("disk-full");
  std::string key = server.addKey("E06000001", "submitter");

  // Restarts the server with the shim failing writes to paths starting with `prefix`.
  void faultWritesTo(const std::string& prefix) {
    server.stop();
    server.setEnvironment({{"LD_PRELOAD", PROFKPI_FAULT_SHIM},
                           {"PROFKPI_FAULT_PREFIX", prefix},
                           {"PROFKPI_FAULT_CONTROL", diskFull}});
    server.start();
  }
  void fillDisk() { writeFile(diskFull, ""); }
  void freeDisk() { std::filesystem::remove(diskFull); }
  bool serverAlive() const { return ::kill(server.pid(), 0) == 0; }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(DiskFullTest, Fixture)

BOOST_AUTO_TEST_CASE(fullStoreAnswers503ThenRecoversByItself) {
  faultWritesTo(server.storePath());
  BOOST_TEST(server.post(key, document(1)).status == 201);

  fillDisk();
  HttpResult refused = server.post(key, document(2));
  BOOST_TEST(refused.status == 503, refused.body);
  BOOST_TEST(refused.headers["content-type"] == "application/problem+json");
  BOOST_TEST(std::stoi(refused.headers["retry-after"]) > 0);
  BOOST_TEST(server.post(key, document(1)).status == 503);  // a resend is audited: that is a write too
  BOOST_TEST(server.post(key, document(3)).status == 503);
  // /healthz is 200 while the store answers (INTERFACE.md): reads go on, so the
  // instance stays in service; the failed writes show in /metrics.
  HttpResult health = server.request("GET", "/healthz");
  BOOST_TEST(health.status == 200, health.body);
  BOOST_TEST(server.request("GET", "/metrics").body.find("profkpi_store_errors_total 3\n") != std::string::npos);
  BOOST_TEST(serverAlive());

  freeDisk();
  BOOST_TEST(server.post(key, document(2)).status == 201);  // the same server, no restart
  BOOST_TEST(server.post(key, document(3)).status == 201);
  BOOST_TEST(server.post(key, document(4)).status == 201);

  BOOST_TEST(server.stop() == 0);
  StoreInspection store(server.storePath());
  BOOST_TEST(store.problems().empty());
  BOOST_TEST(store.submissionIds() ==
             (std::vector<std::string>{documentId(1), documentId(2), documentId(3), documentId(4)}));
  BOOST_TEST(*store.body(documentId(2)) == document(2));
  server.start();
}

BOOST_AUTO_TEST_CASE(concurrentWritersOnAFullDiskAllHear503AndNoneIsStored) {
  faultWritesTo(server.storePath());
  BOOST_TEST(server.post(key, document(100)).status == 201);
  auto postAll = [&](int first, std::vector<int>& statuses) {
    std::vector<std::thread> posters;
    for (int t = 0; t < 16; ++t) {
      posters.emplace_back([&, t] { statuses[t] = server.post(key, document(first + t)).status; });
    }
    for (auto& p : posters) p.join();
  };
  fillDisk();
  std::vector<int> whileFull(16);
  postAll(200, whileFull);
  for (int status : whileFull) BOOST_TEST(status == 503);
  freeDisk();
  std::vector<int> afterwards(16);
  postAll(200, afterwards);  // the same documents again
  for (int status : afterwards) BOOST_TEST(status == 201);
  BOOST_TEST(server.stop() == 0);
  StoreInspection store(server.storePath());
  BOOST_TEST(store.problems().empty());
  BOOST_TEST(store.submissionIds().size() == 17u);
  server.start();
}

BOOST_AUTO_TEST_CASE(fullInboxFolderLeavesTheFileToTryAgainAndNoTemporaryFile) {
  faultWritesTo(server.inboxDir() + "/accepted/");
  fillDisk();
  std::string name = server.inboxDir() + "/full.xml";
  std::string claimed = server.inboxDir() + "/.claimed/crash/full.xml";
  writeFile(name + ".part", document(300));
  std::filesystem::rename(name + ".part", name);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // several polls while the disk is full
  BOOST_TEST(!std::filesystem::exists(name));    // claimed by the instance before it was read,
  BOOST_TEST(std::filesystem::exists(claimed));  // and not moved: its receipt could not be written
  BOOST_TEST(server.post(key, document(301)).status == 201);  // HTTP carries on meanwhile
  auto stray = [](const std::string& f) { return f.find(".tmp") == std::string::npos; };
  BOOST_TEST(unexpectedFiles(server.inboxDir(), stray).empty());

  freeDisk();  // the same instance finishes what it claimed, without a restart
  for (int i = 0; i < 600 && std::filesystem::exists(claimed); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  BOOST_TEST(!std::filesystem::exists(claimed));
  BOOST_TEST(std::filesystem::exists(server.inboxDir() + "/accepted/full.xml"));
  BOOST_TEST(readFile(server.inboxDir() + "/accepted/full.xml.receipt.json").find(documentId(300)) != std::string::npos);
  BOOST_TEST(unexpectedFiles(server.inboxDir(), stray).empty());
  BOOST_TEST(server.stop() == 0);
  StoreInspection store(server.storePath());
  BOOST_TEST(store.problems().empty());
  BOOST_TEST(*store.body(documentId(300)) == document(300));
  // Answered once: the passes while the disk was full did not submit it again
  // (each would have audited a resend).
  BOOST_TEST(store.auditActions(documentId(300)) == std::vector<std::string>{"accepted"});
  server.start();
}

BOOST_AUTO_TEST_CASE(inboxFlushesTheFolderAFileLeavesSoThatTheMoveSurvivesAPowerCut) {
  // Nothing is written in an organisation's folder, so with it faulted the one
  // call that fails is the flush of the folder once the file has left it: seen
  // in the log, and only if the inbox flushes it at all.
  const std::string folder = server.inboxDir() + "/E06000001";
  std::filesystem::create_directories(folder);
  faultWritesTo(folder);
  fillDisk();
  writeFile(folder + "/flushed.xml.part", document(400));
  std::filesystem::rename(folder + "/flushed.xml.part", folder + "/flushed.xml");
  const std::string expected = "inbox: cannot flush the folder " + folder + ": No space left on device";
  for (int i = 0; i < 600 && readFile(server.logPath()).find(expected) == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  BOOST_TEST(readFile(server.logPath()).find(expected) != std::string::npos);
  // The verdict's folder was flushed before the file left, so the receipt is there.
  BOOST_TEST(!std::filesystem::exists(folder + "/flushed.xml"));
  BOOST_TEST(readFile(server.inboxDir() + "/accepted/flushed.xml.receipt.json").find(documentId(400)) !=
             std::string::npos);
  freeDisk();
  BOOST_TEST(server.stop() == 0);
  server.start();
}

BOOST_AUTO_TEST_SUITE_END()

// The nightly run (`profkpi nightly`) writing the report archive onto a full disk.
BOOST_AUTO_TEST_SUITE(NightlyDiskFullTest)

BOOST_AUTO_TEST_CASE(fullReportsFolderFailsTheNightlyRunCleanlyAndTheNextRunCompletesIt) {
  TempDir dir;
  std::string config = dir.file("profkpi.properties");
  std::string reports = dir.file("reports");
  writeFile(config, "store.connection = " + dir.file("store.db") + "\nreports.dir = " + reports + "\n");
  BOOST_REQUIRE(runProcess({profkpiBinary(), "ingest", "--config", config, samplesDir() + "/valid"}).exitCode == 0);
  std::string diskFull = dir.file("disk-full");
  std::map<std::string, std::string> shim{{"LD_PRELOAD", PROFKPI_FAULT_SHIM},
                                          {"PROFKPI_FAULT_PREFIX", reports + "/"},
                                          {"PROFKPI_FAULT_CONTROL", diskFull}};
  auto unfinished = [&] {
    return unexpectedFiles(reports, [](const std::string& f) { return f.find(".tmp") == std::string::npos; });
  };
  writeFile(diskFull, "");
  ProcessResult full = runProcess({profkpiBinary(), "nightly", "--config", config}, shim);
  BOOST_TEST(full.exitCode == 1, full.err);  // a failed run, not a crash
  BOOST_TEST(full.err.find("No space left on device") != std::string::npos, full.err);
  BOOST_TEST(unfinished().empty());

  std::filesystem::remove(diskFull);
  ProcessResult next = runProcess({profkpiBinary(), "nightly", "--config", config}, shim);
  BOOST_TEST(next.exitCode == 0, next.err);
  BOOST_TEST(unfinished().empty());
  int periods = 0;
  for (const auto& period : std::filesystem::directory_iterator(reports)) {
    ProcessResult check = runProcess({"/bin/sh", "-c", "cd '" + period.path().string() + "' && sha256sum -c --quiet SHA256SUMS"});
    BOOST_TEST(check.exitCode == 0, period.path() << ": " << check.out << check.err);
    ++periods;
  }
  BOOST_TEST(periods > 0);
}

BOOST_AUTO_TEST_SUITE_END()

// `profkpi ingest` as a process against a real SQLite file, including being
// killed with SIGKILL in the middle of a run.
#include "adapters/store/Migrations.h"
#include "adapters/store/SqlStore.h"
#include "tests/support/DocumentText.h"
#include "tests/support/Documents.h"
#include "tests/support/Process.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/StoreInspection.h"

#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

using namespace profkpi::tests;

namespace {

struct Fixture {
  TempDir dir;
  std::string config = dir.file("profkpi.properties");

  Fixture() { writeFile(config, "store.connection = " + dir.file("store.db") + "\n"); }

  ProcessResult ingest(const std::vector<std::string>& paths) {
    std::vector<std::string> argv{profkpiBinary(), "ingest", "--config", config};
    argv.insert(argv.end(), paths.begin(), paths.end());
    return runProcess(argv);
  }
};

// The SubmissionId of the i-th document of writeDocuments.
std::string documentId(int i) {
  char id[40];
  std::snprintf(id, sizeof id, "%08x-0000-4000-8000-%012x", 0xc0ffee00u + i, i);
  return id;
}

// n distinct valid documents in `folder`, named in submission order.
std::vector<std::string> writeDocuments(const std::string& folder, int n) {
  const std::vector<std::string> orgs = {"E06000001", "E06000002", "E06000003", "E06000004", "E06000005",
                                         "E07000008", "E08000003", "E08000025", "E09000001", "E09000033"};
  const std::vector<std::string> periods = {"2008-09-Q1", "2008-09-Q2", "2008-09-Q3", "2008-09-Q4", "2009-10-Q1",
                                            "2009-10-Q2", "2009-10-Q3", "2009-10-Q4"};
  std::vector<std::string> files;
  for (int i = 0; i < n; ++i) {
    HeaderFields h;
    h.submissionId = documentId(i);
    h.organisationCode = orgs[i % orgs.size()];
    h.period = periods[(i / orgs.size()) % periods.size()];
    h.preparedAt = "2010-06-01T09:00:00Z";
    AggregateFields f;
    f.staffRecognised = std::to_string(i % 41);
    char name[32];
    std::snprintf(name, sizeof name, "/%05d.xml", i);
    files.push_back(folder + name);
    writeFile(files.back(), aggregateDocument(h, f));
  }
  return files;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(IngestCliTest, Fixture)

BOOST_AUTO_TEST_CASE(ingestsAFolderThenAnswersResendsAsBefore) {
  ProcessResult first = ingest({samplesDir() + "/valid"});
  BOOST_TEST(first.exitCode == 0, first.err);
  std::vector<std::string> receipts = lines(first.out);
  BOOST_REQUIRE(receipts.size() == 5u);
  Poco::JSON::Parser parser;
  auto receipt = parser.parse(receipts[0]).extract<Poco::JSON::Object::Ptr>();
  BOOST_TEST(receipt->getValue<std::string>("status") == "accepted");
  BOOST_TEST(receipt->getValue<std::string>("sha256").size() == 64u);
  BOOST_TEST(receipt->getObject("kpis")->getObject("K2")->getValue<double>("value") == 73.2);
  BOOST_TEST(receipt->getObject("kpis")->getObject("K2")->getValue<std::string>("status") == "amber");
  BOOST_TEST(receipt->getValue<int>("index") == 95);
  BOOST_TEST(!receipt->has("boardNotes"));  // a 1.0 receipt as before
  auto v11 = parser.parse(receipts[2]).extract<Poco::JSON::Object::Ptr>();  // v1.1-board-notes-hartlepool.xml
  BOOST_TEST(v11->getValue<int>("revision") == 2);
  BOOST_REQUIRE(v11->has("boardNotes"));
  BOOST_TEST(v11->getObject("boardNotes")->getArray("actions")->size() == 3u);

  ProcessResult again = ingest({samplesDir() + "/valid"});
  BOOST_TEST(again.exitCode == 0);
  BOOST_TEST(again.out == first.out);  // the same receipts, byte for byte
}

BOOST_AUTO_TEST_CASE(refusedFilePrintsDiagnosticsAndStoresNothing) {
  ProcessResult r = ingest({samplesDir() + "/refused/pk003-mapped-over-total.xml"});
  BOOST_TEST(r.exitCode == 1);
  BOOST_TEST(r.out.find(": error PK003: ") != std::string::npos);
  profkpi::adapters::store::SqlStore store("sqlite", dir.file("store.db"));
  BOOST_TEST(store.periods().empty());
  BOOST_TEST(store.recentAudit(1).front().action == "refused");
}

// An older profkpi against a store a newer one has migrated: ingest and serve
// refuse with the store error's exit status, and write nothing.
BOOST_AUTO_TEST_CASE(aStoreFromANewerProfkpiIsRefusedByIngestAndServe) {
  const int latest = profkpi::adapters::store::migrations().back().version;
  {
    profkpi::adapters::store::SqlStore store("sqlite", dir.file("store.db"));
    Poco::Data::Session s = store.session();
    s << "INSERT INTO schema_migrations (version, applied_at_ms, description) VALUES (" +
             std::to_string(latest + 1) + ", 0, 'from a newer profkpi')",
        Poco::Data::Keywords::now;
  }
  const std::string expected = "store schema version " + std::to_string(latest + 1) +
                               " is newer than this profkpi supports (" + std::to_string(latest) + "): upgrade profkpi";
  ProcessResult ingested = ingest({samplesDir() + "/valid"});
  BOOST_TEST(ingested.exitCode == 2);
  BOOST_TEST(ingested.err.find(expected) != std::string::npos, ingested.err);
  BOOST_TEST(ingested.out.empty(), ingested.out);

  writeFile(config, "store.connection = " + dir.file("store.db") + "\nhttp.port = " + std::to_string(freePort()) +
                        "\ninbox.dir = " + dir.file("inbox") + "\nnightly.enabled = false\n");
  // timeout(1) ends a serve that wrongly started (exit 124).
  ProcessResult served = runProcess({"/usr/bin/timeout", "60", profkpiBinary(), "serve", "--config", config});
  BOOST_TEST(served.exitCode == 2, served.err);
  BOOST_TEST(served.err.find(expected) != std::string::npos, served.err);
  BOOST_TEST(served.err.find("listening on") == std::string::npos, served.err);

  StoreInspection store(dir.file("store.db"));
  BOOST_TEST(store.submissionIds().empty());
}

BOOST_AUTO_TEST_CASE(manyFilesShowProgress) {
  writeDocuments(dir.path(), 40);
  ProcessResult r = ingest({dir.path()});
  BOOST_TEST(r.exitCode == 0);
  BOOST_TEST(r.err.find("40/40 files (100%)") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(killedMidRunLosesNothingAcknowledged) {
  std::string folder = dir.file("docs");
  Poco::File(folder).createDirectories();
  std::vector<std::string> files = writeDocuments(folder, 400);
  std::map<std::string, std::string> sent;  // SubmissionId -> the file's bytes
  for (std::size_t i = 0; i < files.size(); ++i) sent[documentId(static_cast<int>(i))] = readFile(files[i]);
  std::mt19937 random(20091005);
  int cycles = std::getenv("PROFKPI_LONG_TESTS") ? 40 : 6;
  for (int cycle = 0; cycle < cycles; ++cycle) {
    std::string out = dir.file("out" + std::to_string(cycle));
    int pid = spawnProcess({profkpiBinary(), "ingest", "--config", config, folder}, out, dir.file("err"));
    std::this_thread::sleep_for(std::chrono::milliseconds(50 + random() % 400));
    kill(pid, SIGKILL);
    waitProcess(pid);

    // Read-only, as it was left: SQLite's checks, the store's invariants, and
    // every receipt printed before the kill backed by the very bytes of its file.
    if (!Poco::File(dir.file("store.db")).exists()) continue;  // killed before it opened the store
    StoreInspection store(dir.file("store.db"));
    std::vector<std::string> problems = store.problems();
    Poco::JSON::Parser parser;
    std::map<std::string, std::string> acknowledged;
    for (const std::string& line : lines(readFile(out))) {
      if (line.empty() || line.back() != '}') continue;  // cut off by the kill
      parser.reset();
      auto receipt = parser.parse(line).extract<Poco::JSON::Object::Ptr>();
      std::string id = receipt->getValue<std::string>("submissionId");
      acknowledged[id] = sent.at(id);
    }
    for (const std::string& p : acknowledgedProblems(store, acknowledged)) problems.push_back(p);
    for (const std::string& p : unacknowledgedProblems(store, sent)) problems.push_back(p);
    BOOST_TEST(problems.empty(), "cycle " << cycle << ": " << problems.size() << " problems, first: "
                                          << (problems.empty() ? "" : problems.front()));
    BOOST_TEST_MESSAGE("cycle " << cycle << ": " << acknowledged.size() << " acknowledged before SIGKILL");
  }
  ProcessResult finish = ingest({folder});
  BOOST_TEST(finish.exitCode == 0, finish.err);
  profkpi::adapters::store::SqlStore store("sqlite", dir.file("store.db"));
  std::size_t stored = 0;
  for (const std::string& period : store.periods()) stored += store.currentForPeriod(period).size();
  BOOST_TEST(stored == 80u);  // 10 organisations x 8 periods, resubmissions replacing earlier ones
  BOOST_TEST(store.integrityProblems().empty());
}

BOOST_AUTO_TEST_SUITE_END()

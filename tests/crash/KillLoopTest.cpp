// `profkpi serve` on a real SQLite file, killed with SIGKILL at random moments
// while 16 clients post to it and files arrive in its inbox, then restarted on
// the same store, again and again; and stopped with SIGTERM under the same
// load. After every kill the store must hold everything acknowledged, byte for
// byte, nothing twice, nothing half-written, and no temporary file may remain.
#include "tests/crash/CrashSeed.h"
#include "tests/support/Documents.h"
#include "tests/support/FolderScan.h"
#include "tests/support/LoadPosters.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/StoreInspection.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>
#include <thread>

using namespace profkpi::tests;

namespace {

const char* const ORGANISATIONS[] = {"E06000001", "E06000002", "E06000003", "E06000004"};

std::string joined(const std::vector<std::string>& lines) {
  std::ostringstream out;
  for (std::size_t i = 0; i < lines.size() && i < 20; ++i) out << "\n  " << lines[i];
  if (lines.size() > 20) out << "\n  ... and " << lines.size() - 20 << " more";
  return out.str();
}

struct Fixture {
  ServerProcess server;
  std::vector<PosterKey> keys;
  // Inbox deliveries: file name -> (SubmissionId, bytes).
  std::map<std::string, std::pair<std::string, std::string>> dropped;

  Fixture() {
    for (const char* organisation : ORGANISATIONS) keys.push_back({organisation, server.addKey(organisation, "submitter")});
  }

  // A file delivered as the inbox contract asks: written as .part, then renamed.
  void drop(unsigned seed, int n) {
    char id[40];
    std::snprintf(id, sizeof id, "%08x-ffff-4000-8000-%012x", seed, n);
    HeaderFields h;
    h.submissionId = id;
    h.organisationCode = "E06000005";
    h.preparedAt = "2010-06-01T09:00:00Z";
    std::string name = "drop-" + std::to_string(n) + ".xml";
    std::string bytes = aggregateDocument(h);
    writeFile(server.inboxDir() + "/" + name + ".part", bytes);
    std::filesystem::rename(server.inboxDir() + "/" + name + ".part", server.inboxDir() + "/" + name);
    dropped[name] = {id, bytes};
  }

  // Inbox files with a receipt beside them in accepted/: acknowledged.
  std::map<std::string, std::string> acknowledgedByInbox() const {
    std::map<std::string, std::string> acknowledged;
    for (const auto& [name, document] : dropped) {
      if (std::filesystem::exists(server.inboxDir() + "/accepted/" + name + ".receipt.json")) {
        acknowledged.insert(document);
      }
    }
    return acknowledged;
  }

  // Waits until the watcher has finished every delivered file: none left in
  // the inbox, none claimed (.claimed/NAME/) and not yet moved to its verdict.
  bool inboxDrained() const {
    for (int i = 0; i < 600; ++i) {
      bool waiting = false;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(server.inboxDir())) {
        const std::string path = entry.path().string();
        bool verdict = path.find("/accepted/") != std::string::npos || path.find("/refused/") != std::string::npos;
        waiting = waiting || (entry.is_regular_file() && !verdict && endsWith(path, ".xml"));
      }
      if (!waiting) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  // Everything in the server's folders that a finished write does not leave.
  // Accepted: the store and its -wal/-shm (SQLite keeps them while the store
  // is open, and after a kill until the next connection checkpoints), the
  // configuration and logs; inbox files with their receipts or errors; reports.
  std::vector<std::string> leftovers() const {
    std::set<std::string> top{"profkpi.properties", "store.db", "store.db-wal", "store.db-shm", "serve.log", "serve.out"};
    std::vector<std::string> found = unexpectedFiles(server.dir().path(), [&](const std::string& f) {
      return top.count(f) == 1 || f.rfind("inbox/", 0) == 0 || f.rfind("reports/", 0) == 0;
    });
    for (const std::string& f : unexpectedFiles(server.inboxDir(), [](const std::string& f) {
           bool finished = f.find(".xml") != std::string::npos && f.find(".tmp") == std::string::npos &&
                           f.find(".part") == std::string::npos;
           bool claimLock = f.rfind(".claimed/", 0) == 0 && endsWith(f, ".lock");  // held by the running instance
           return claimLock || (finished && (f.rfind("accepted/", 0) == 0 || f.rfind("refused/", 0) == 0));
         })) {
      found.push_back("inbox/" + f);
    }
    for (const std::string& f : unexpectedFiles(server.dir().file("reports"), [](const std::string& f) {
           return f.find(".tmp") == std::string::npos;
         })) {
      found.push_back("reports/" + f);
    }
    return found;
  }

  // What the store holds, read while the server is down; empty when all is well.
  std::vector<std::string> storeProblems(const LoadPosters& posters) const {
    StoreInspection store(server.storePath());
    std::vector<std::string> problems = store.problems();
    auto acknowledged = posters.acknowledged();
    auto byInbox = acknowledgedByInbox();
    acknowledged.insert(byInbox.begin(), byInbox.end());
    for (const std::string& p : acknowledgedProblems(store, acknowledged)) problems.push_back(p);
    auto sent = posters.sent();
    for (const auto& [name, document] : dropped) sent.insert(document);
    for (const std::string& p : unacknowledgedProblems(store, sent)) problems.push_back(p);
    return problems;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(KillLoopTest, Fixture)

BOOST_AUTO_TEST_CASE(sigkillUnderLoadLosesNothingAcknowledged) {
  unsigned seed = crashSeed("sigkillUnderLoadLosesNothingAcknowledged");
  std::mt19937 random(seed);
  const int cycles = longTests() ? 200 : 20;
  LoadPosters posters(server.port(), keys, 16, seed);
  posters.start();
  int dropCount = 0;
  for (int cycle = 0; cycle < cycles; ++cycle) {
    int delay = 200 + static_cast<int>(random() % 1300);
    drop(seed, dropCount++);
    drop(seed, dropCount++);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    server.kill();
    std::string where = "cycle " + std::to_string(cycle) + " (seed " + std::to_string(seed) + ", killed after " +
                        std::to_string(delay) + " ms)";
    std::vector<std::string> problems = storeProblems(posters);
    BOOST_TEST(problems.empty(), where << ":" << joined(problems));

    server.start();
    BOOST_TEST(inboxDrained(), where);
    std::vector<std::string> left = leftovers();
    BOOST_TEST(left.empty(), where << ": left behind:" << joined(left));
    if (!problems.empty() || !left.empty()) break;  // one broken cycle says it all
  }
  posters.stop();
  BOOST_TEST(server.stop() == 0);
  std::vector<std::string> problems = storeProblems(posters);
  BOOST_TEST(problems.empty(), "after the last cycle:" << joined(problems));
  BOOST_TEST(posters.wrongAnswers().empty(), joined(posters.wrongAnswers()));
  auto statuses = posters.statuses();
  std::printf("%d kills; %zu submissions acknowledged over HTTP (%d answered 201, %d 200, %d 503; %d cut off by a"
              " kill, %d refused while down), %zu by the inbox; every one checked after every kill\n",
              cycles, posters.acknowledged().size(), statuses[201], statuses[200], statuses[503],
              statuses[LoadPosters::CUT_OFF], statuses[LoadPosters::NOT_CONNECTED], acknowledgedByInbox().size());
  BOOST_TEST(statuses[201] > cycles);  // the load really ran between kills
  BOOST_TEST(statuses[200] > 0);
  server.start();
}

BOOST_AUTO_TEST_CASE(sigtermUnderLoadAnswersEveryRequestInFlight) {
  unsigned seed = crashSeed("sigtermUnderLoadAnswersEveryRequestInFlight");
  LoadPosters posters(server.port(), keys, 16, seed);
  posters.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  int status = server.stop();
  posters.stop();
  BOOST_TEST(status == 0);
  auto statuses = posters.statuses();
  // Every request that got an answer before the exit was accepted: none was
  // cut off with a 5xx, and every acknowledgement is in the store.
  for (const auto& [code, count] : statuses) {
    BOOST_TEST((code <= 0 || code == 200 || code == 201), code << " x" << count);
  }
  BOOST_TEST(statuses[201] > 0);
  BOOST_TEST(posters.wrongAnswers().empty(), joined(posters.wrongAnswers()));
  std::vector<std::string> problems = storeProblems(posters);
  BOOST_TEST(problems.empty(), joined(problems));
  // Nothing stored without its answer: a request the server took in was finished.
  auto acknowledged = posters.acknowledged();
  std::vector<std::string> unanswered;
  for (const std::string& id : StoreInspection(server.storePath()).submissionIds()) {
    if (acknowledged.count(id) == 0) unanswered.push_back(id + " was stored but its answer never came");
  }
  BOOST_TEST(unanswered.empty(), joined(unanswered));
  std::vector<std::string> left = leftovers();
  BOOST_TEST(left.empty(), joined(left));
  std::printf("SIGTERM under load: %d answered 201, %d 200; %d cut off, %d refused after the stop\n", statuses[201],
              statuses[200], statuses[LoadPosters::CUT_OFF], statuses[LoadPosters::NOT_CONNECTED]);
  server.start();
}

BOOST_AUTO_TEST_CASE(sigtermFinishesTheRequestInFlightAndRefusesNewConnectionsAtOnce) {
  HeaderFields h;
  h.submissionId = "5160e000-0000-4000-8000-000000000001";
  std::string body = aggregateDocument(h);
  Poco::Net::StreamSocket slow(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(server.port())));
  std::string head = "POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n"
                     "Authorization: Bearer " + keys[0].key + "\r\nContent-Length: " + std::to_string(body.size()) +
                     "\r\n\r\n" + body.substr(0, body.size() / 2);
  slow.sendBytes(head.data(), static_cast<int>(head.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the server is reading the body
  server.terminate();

  // Once it stops accepting, a new client is refused outright (it knows nothing
  // was stored), not taken into the listen queue and reset when the process exits.
  std::string late = "still served";
  for (auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
       late == "still served" && std::chrono::steady_clock::now() < until;) {
    try {
      Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(server.port()));
      session.setTimeout(Poco::Timespan(3, 0));
      Poco::Net::HTTPRequest request("GET", "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
      session.sendRequest(request);
      Poco::Net::HTTPResponse response;
      session.receiveResponse(response);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));  // served before the stop: try again
    } catch (const Poco::Net::ConnectionRefusedException&) {
      late = "refused";
    } catch (const Poco::Exception& e) {
      late = e.displayText();
    }
  }
  BOOST_TEST(late == "refused");

  std::string rest = body.substr(body.size() / 2);
  slow.sendBytes(rest.data(), static_cast<int>(rest.size()));
  char buffer[8192];
  slow.setReceiveTimeout(Poco::Timespan(10, 0));
  int n = slow.receiveBytes(buffer, sizeof buffer);
  std::string answer(buffer, static_cast<std::size_t>(std::max(n, 0)));
  BOOST_TEST(answer.rfind("HTTP/1.1 201", 0) == 0, answer);
  BOOST_TEST(server.waitForExit() == 0);
  BOOST_TEST((StoreInspection(server.storePath()).body(h.submissionId) == body));
  server.start();
}

BOOST_AUTO_TEST_CASE(receiptsAKillLeftUnfinishedAreRemovedAtTheNextStart) {
  server.kill();
  // What a kill between writing a verdict and renaming it into place leaves.
  writeFile(server.inboxDir() + "/accepted/late.xml.receipt.json.tmp", "{\"submiss");
  writeFile(server.inboxDir() + "/refused/bad.xml.errors.txt.tmp", "bad.xml:3:");
  writeFile(server.inboxDir() + "/accepted/later.xml.receipt.json.tmp-a1B2c3", "{\"sub");  // a scratch file's name
  BOOST_TEST(leftovers().size() == 3u);
  server.start();
  std::vector<std::string> left = leftovers();
  BOOST_TEST(left.empty(), joined(left));
}

BOOST_AUTO_TEST_SUITE_END()

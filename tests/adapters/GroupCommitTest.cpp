// SQLite's group commit in SqlStore: a batch is written in one savepoint, and
// when one of its entries fails it is written again entry by entry, so that
// the bad one fails alone; every caller is answered after its batch commits.
// A batch is gathered for certain by holding the write lock from another
// connection until every caller has queued.
#include "adapters/store/SqlStore.h"
#include "adapters/store/SqliteConnection.h"
#include "engine/ports/Errors.h"
#include "tests/support/Process.h"
#include "tests/support/Records.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

using namespace profkpi::adapters::store;
using namespace profkpi::engine;
using profkpi::tests::TempDir;

namespace {

const std::string REFUSED_ORGANISATION = "W06000099";

std::string idOf(int n) {
  char id[40];
  std::snprintf(id, sizeof id, "%08d-2222-4222-8222-222222222222", n);
  return id;
}

AuditEntry auditOf(const std::string& id, const std::string& action) {
  AuditEntry a;
  a.actor = "test";
  a.action = action;
  a.submissionId = id;
  a.origin = "127.0.0.1";
  return a;
}

// What one caller asked and heard.
struct Call {
  std::string id;
  std::string organisation;
  bool auditOnly = false;
  std::optional<Store::AcceptResult> result;
  std::string error;
};

struct Fixture {
  TempDir dir;
  std::string path = dir.file("store.db");
  SqlStore store{"sqlite", path};

  // A store whose schema refuses submissions of REFUSED_ORGANISATION, as a
  // failing disk or a constraint would refuse one entry of a batch.
  void refuseOneOrganisation() {
    SqliteConnection admin(path, 1, 256);
    admin.exec(("CREATE TRIGGER refuse_one BEFORE INSERT ON submissions WHEN NEW.organisation = '" +
                REFUSED_ORGANISATION + "' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
                   .c_str());
  }

  void run(Call& call) {
    try {
      if (call.auditOnly) {
        store.appendAudit(auditOf(call.id, "refused"));
      } else {
        call.result = store.accept(profkpi::tests::aggregateRecord(call.id, call.organisation, "2009-10-Q2"),
                                   "body of " + call.id, auditOf(call.id, "accepted"));
      }
    } catch (const StoreError& e) {
      call.error = e.what();
    }
  }

  // Runs every call at once, all queued before the first is written: one batch.
  void runAsOneBatch(std::vector<Call>& calls) {
    SqliteConnection holder(path, 10, 256);
    holder.exec("BEGIN IMMEDIATE");
    std::vector<std::thread> threads;
    for (Call& call : calls) threads.emplace_back([this, &call] { run(call); });
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (store.queuedWrites() < calls.size() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    BOOST_TEST(store.queuedWrites() == calls.size());
    holder.exec("COMMIT");
    for (std::thread& t : threads) t.join();
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(GroupCommitTest, Fixture)

BOOST_AUTO_TEST_CASE(oneFailingEntryFailsAloneAndTheRestOfItsBatchCommits) {
  refuseOneOrganisation();
  std::vector<Call> calls;
  for (int n = 0; n < 12; ++n) {
    Call call;
    call.id = idOf(n);
    call.organisation = n == 5 ? REFUSED_ORGANISATION : "E0600000" + std::to_string(1 + n % 3);
    call.auditOnly = n % 4 == 3;  // refusals' audit rows ride in the same batch
    calls.push_back(call);
  }
  SqlStore::GroupCommits before = store.groupCommits();
  runAsOneBatch(calls);
  SqlStore::GroupCommits after = store.groupCommits();

  BOOST_TEST(after.batches - before.batches == 1u);
  BOOST_TEST(after.writes - before.writes == calls.size());
  BOOST_TEST(after.writtenOneByOne - before.writtenOneByOne == 1u);
  int stored = 0;
  for (const Call& call : calls) {
    if (call.organisation == REFUSED_ORGANISATION) {
      BOOST_TEST(!call.result);
      BOOST_TEST(call.error.find("refused by the test") != std::string::npos, call.error);
      BOOST_TEST(!store.findBySubmissionId(call.id));
      continue;
    }
    BOOST_TEST(call.error.empty(), call.error);
    if (call.auditOnly) continue;
    BOOST_REQUIRE(call.result);
    BOOST_TEST((call.result->outcome == Store::Outcome::Stored));
    BOOST_TEST(store.findBySubmissionId(call.id).has_value());
    ++stored;
  }
  BOOST_TEST(stored == 8);
  // Every accepted submission's audit row and every refusal's landed; the
  // failed entry's audit row went with its submission.
  std::vector<AuditEntry> audit = store.recentAudit(100);
  BOOST_TEST(audit.size() == calls.size() - 1);
  BOOST_TEST(std::none_of(audit.begin(), audit.end(), [&](const AuditEntry& a) { return a.submissionId == idOf(5); }));
  // Revisions were numbered as if the failed entry had never been there.
  for (const std::string org : {"E06000001", "E06000002", "E06000003"}) {
    std::vector<SubmissionRecord> revisions = store.revisions(org, "2009-10-Q2");
    for (std::size_t i = 0; i < revisions.size(); ++i) BOOST_TEST(revisions[i].revision == static_cast<int>(i) + 1);
  }
  BOOST_TEST(store.integrityProblems().empty());
}

BOOST_AUTO_TEST_CASE(aBatchWithoutFailuresIsWrittenOnceAndAnswersEveryone) {
  std::vector<Call> calls;
  for (int n = 0; n < 10; ++n) {
    Call call;
    call.id = idOf(n);
    call.organisation = "E06000001";
    call.auditOnly = n == 4;
    calls.push_back(call);
  }
  runAsOneBatch(calls);
  SqlStore::GroupCommits commits = store.groupCommits();
  BOOST_TEST(commits.batches == 1u);
  BOOST_TEST(commits.writes == calls.size());
  BOOST_TEST(commits.writtenOneByOne == 0u);
  for (const Call& call : calls) BOOST_TEST(call.error.empty(), call.error);
  BOOST_TEST(store.revisions("E06000001", "2009-10-Q2").size() == 9u);
  BOOST_TEST(store.recentAudit(100).size() == calls.size());
}

// Many more callers than a batch: every one answered, each write once.
BOOST_AUTO_TEST_CASE(manyConcurrentCallersAreAllAnswered) {
  constexpr int THREADS = 48, EACH = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < THREADS; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < EACH; ++i) {
        Call call;
        call.id = idOf(t * EACH + i);
        call.organisation = "E0600000" + std::to_string(1 + t % 7);
        call.auditOnly = t % 6 == 5;
        run(call);
        if (!call.error.empty() || (!call.auditOnly && !call.result)) ++failures;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  BOOST_TEST(failures == 0);
  SqlStore::GroupCommits commits = store.groupCommits();
  BOOST_TEST(commits.writes == static_cast<std::uint64_t>(THREADS * EACH));
  BOOST_TEST(commits.batches < commits.writes);  // callers were gathered
  BOOST_TEST(store.recentAudit(10 * THREADS * EACH).size() == static_cast<std::size_t>(THREADS * EACH));
  std::size_t submissions = 0;
  for (int org = 1; org <= 7; ++org) submissions += store.revisions("E0600000" + std::to_string(org), "2009-10-Q2").size();
  BOOST_TEST(submissions == static_cast<std::size_t>(THREADS * EACH - THREADS / 6 * EACH));
  BOOST_TEST(store.integrityProblems().empty());
}

BOOST_AUTO_TEST_SUITE_END()

// The same suite runs against SQLite and PostgreSQL (see support/StoreFixture.h).
#include "adapters/store/Migrations.h"
#include "adapters/store/SqlDialect.h"
#include "adapters/store/SqlTransaction.h"
#include "engine/intake/Lexical.h"
#include "engine/ports/Errors.h"
#include "platform/Sha256.h"
#include "tests/support/Records.h"
#include "tests/support/StoreFixture.h"

#include <Poco/Data/Session.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <stdexcept>
#include <thread>

using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

std::optional<Date> lexicalDate(const std::string& text) { return lexical::date(text); }

// Welsh name and an explained warning: both must survive the store's text columns.
SubmissionRecord record(const std::string& id, const std::string& org = "E06000001",
                        const std::string& period = "2009-10-Q2", const std::string& sha = std::string(64, 'a')) {
  SubmissionRecord r = aggregateRecord(id, org, period);
  r.organisationName = "Cyngor Sir Ynys Môn";
  r.sha256 = sha;
  Diagnostic w;
  w.severity = Severity::Warning;
  w.code = "PQ102";
  w.kpi = "K5";
  w.line = 12;
  w.column = 3;
  w.message = "K5 is 32.0";
  w.explained = true;
  w.explanation = "courses — ŵ";
  r.warnings.push_back(w);
  return r;
}

const std::string ID1 = "11111111-1111-4111-8111-111111111111";
const std::string ID2 = "22222222-2222-4222-8222-222222222222";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(SqlStoreTest, StoreFixture)

BOOST_AUTO_TEST_CASE(migrationsAreAppliedOnceAndRecorded) {
  const int latest = profkpi::adapters::store::migrations().back().version;
  BOOST_TEST(store->schemaVersion() == latest);
  reopen();
  BOOST_TEST(store->schemaVersion() == latest);
  BOOST_TEST(store->ping());
  BOOST_TEST(store->integrityProblems().empty());
}

// What an older profkpi meets after a newer one has migrated the store.
BOOST_AUTO_TEST_CASE(aStoreMigratedByANewerProfkpiIsRefusedAndLeftUntouched) {
  using namespace Poco::Data::Keywords;
  const int latest = profkpi::adapters::store::migrations().back().version;
  store->accept(record(ID1), "<a/>", acceptedAudit(ID1));
  Poco::Data::Session s = store->session();
  s << "INSERT INTO schema_migrations (version, applied_at_ms, description) VALUES (" + std::to_string(latest + 1) +
           ", 0, 'from a newer profkpi')",
      now;
  auto rows = [&] {
    int versions = 0;
    int submissions = 0;
    int audits = 0;
    s << "SELECT COUNT(*) FROM schema_migrations", into(versions), now;
    s << "SELECT COUNT(*) FROM submissions", into(submissions), now;
    s << "SELECT COUNT(*) FROM audit_log", into(audits), now;
    return std::vector<int>{versions, submissions, audits};
  };
  const std::vector<int> before = rows();

  std::string message;
  try {
    profkpi::adapters::store::SqlStore older(config.connector, config.connection);
  } catch (const StoreError& e) {
    message = e.what();
  }
  BOOST_TEST(message == "store schema version " + std::to_string(latest + 1) +
                            " is newer than this profkpi supports (" + std::to_string(latest) + "): upgrade profkpi");
  BOOST_TEST(rows() == before);
  BOOST_TEST(store->schemaVersion() == latest + 1);
}

// A store at version 5 (original bytes keyed by SubmissionId), holding
// submissions of two organisations, revisions and bytes that are not text,
// keeps every body through migration 6 (keyed by the submission's row), on the
// backend under test: a fresh SQLite file, or the PostgreSQL database emptied.
// The bodies are written in another order than their submissions, so a move
// by position rather than by SubmissionId would be seen.
BOOST_AUTO_TEST_CASE(originalBytesSurviveTheMoveToRowKeys) {
  using namespace Poco::Data::Keywords;
  using profkpi::adapters::store::SqlDialect;
  using profkpi::adapters::store::translate;
  const SqlDialect dialect = config.connector == "sqlite" ? SqlDialect::SQLite : SqlDialect::PostgreSQL;
  store.reset();
  const std::string connection = dialect == SqlDialect::SQLite ? dir.file("v5.db") : config.connection;
  const std::string ID3 = "33333333-3333-4333-8333-333333333333";
  const std::string ID4 = "44444444-4444-4444-8444-444444444444";
  struct Old {
    std::string id;
    std::string organisation;
    int revision;
    int current;
    std::string body;
  };
  const std::vector<Old> olds{{ID1, "E06000001", 1, 0, "body of " + ID1},
                              {ID2, "E06000001", 2, 1, "body of " + ID2},
                              {ID3, "E06000002", 1, 1, "<Submission>Ynys M\xc3\xb4n</Submission>"},
                              {ID4, "E06000003", 1, 1, std::string("\x00\xff\xfe<?xml\x00", 9)}};
  {
    Poco::Data::Session old(profkpi::adapters::store::connectorName(dialect), connection);
    if (dialect == SqlDialect::PostgreSQL) {
      old << "DROP SCHEMA public CASCADE", now;
      old << "CREATE SCHEMA public", now;
    }
    old << "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at_ms BIGINT NOT NULL,"
           " description TEXT NOT NULL)",
        now;
    for (const auto& migration : profkpi::adapters::store::migrations()) {
      if (migration.version >= 6) break;
      for (const std::string& sql : migration.statements) old << translate(dialect, sql), now;
      old << "INSERT INTO schema_migrations VALUES (" + std::to_string(migration.version) + ", 0, 'v5')", now;
    }
    for (const Old& o : olds) {
      std::string id = o.id;
      std::string organisation = o.organisation;
      std::string sha = profkpi::platform::sha256Hex(o.body);
      int revision = o.revision;
      int current = o.current;
      old << translate(dialect,
                       "INSERT INTO submissions (submission_id, organisation, organisation_name, period,"
                       " received_at_ms, channel, sha256, kind, schema_version, prepared_at, source_system,"
                       " it_headcount, it_fte_hundredths, roles_total, roles_mapped, staff_assessed, staff_with_pdp,"
                       " staff_recognised, cpd_days_hundredths, warnings, revision, is_current) VALUES"
                       " (?, ?, 'Council', '2009-10-Q2', 0, 'http', ?, 'aggregate', '1.0', '', '', 1, 100, 1, 1,"
                       " 1, 1, 1, 100, '[]', ?, ?)"),
          use(id), use(organisation), use(sha), use(revision), use(current), now;
    }
    for (auto o = olds.rbegin(); o != olds.rend(); ++o) {
      std::string id = o->id;
      Poco::Data::BLOB bytes(reinterpret_cast<const unsigned char*>(o->body.data()), o->body.size());
      old << translate(dialect, "INSERT INTO submission_bodies (submission_id, body) VALUES (?, ?)"), use(id),
          use(bytes), now;
    }
  }
  profkpi::adapters::store::SqlStore migrated(config.connector, connection);
  BOOST_TEST(migrated.schemaVersion() == profkpi::adapters::store::migrations().back().version);
  for (const Old& o : olds) {
    auto body = migrated.originalBytes(o.id);
    BOOST_TEST((body && *body == o.body), o.id);
    auto found = migrated.findBySubmissionId(o.id);
    BOOST_TEST((found && found->sha256 == profkpi::platform::sha256Hex(o.body)), o.id);
  }
  BOOST_TEST(migrated.revisions("E06000001", "2009-10-Q2").size() == 2u);
  BOOST_TEST(migrated.integrityProblems().empty());
  {
    Poco::Data::Session check(profkpi::adapters::store::connectorName(dialect), connection);
    Poco::Int64 bodies = 0;
    check << "SELECT COUNT(*) FROM submission_bodies", into(bodies), now;
    BOOST_TEST(bodies == static_cast<Poco::Int64>(olds.size()));  // moved, none lost, none doubled
  }
  SubmissionRecord next = record("55555555-5555-4555-8555-555555555555");
  BOOST_TEST((migrated.accept(next, "fifth", acceptedAudit(next.submissionId)).outcome == Store::Outcome::Stored));
  BOOST_TEST(*migrated.originalBytes(next.submissionId) == "fifth");
  BOOST_TEST(*migrated.originalBytes(ID4) == olds.back().body);
}

BOOST_AUTO_TEST_CASE(acceptedRecordComesBackWhole) {
  std::string bytes("<x>\0\xff\xfe ŵ</x>", 13);
  auto result = store->accept(record(ID1), bytes, acceptedAudit(ID1));
  BOOST_TEST((result.outcome == Store::Outcome::Stored));
  BOOST_TEST(result.record.revision == 1);
  BOOST_TEST(result.record.sequence > 0);
  reopen();
  auto found = store->findBySubmissionId(ID1);
  BOOST_REQUIRE(found);
  BOOST_TEST(found->organisationName == "Cyngor Sir Ynys Môn");
  BOOST_TEST((found->measures == record(ID1).measures));
  BOOST_TEST((found->receivedAt == record(ID1).receivedAt));
  BOOST_TEST(found->sourceSystem == "iTrent 10.2");
  BOOST_REQUIRE(found->warnings.size() == 1u);
  BOOST_TEST(found->warnings[0].explanation == "courses — ŵ");
  BOOST_TEST(found->warnings[0].explained);
  BOOST_TEST(found->current);
  BOOST_TEST(*store->originalBytes(ID1) == bytes);
  BOOST_TEST(!store->findBySubmissionId(ID2));
  BOOST_TEST(!store->originalBytes(ID2));
  BOOST_TEST(store->recentAudit(10).size() == 1u);
}

// On SQLite the look-ups run on kept statements, the listings on Poco::Data:
// both must read the same record.
BOOST_AUTO_TEST_CASE(lookupsAndListingsReadTheSameRecord) {
  store->accept(record(ID1), "first", acceptedAudit(ID1));
  store->accept(record(ID2, "E06000001", "2009-10-Q2", std::string(64, 'c')), "second", acceptedAudit(ID2));
  auto listed = store->revisions("E06000001", "2009-10-Q2");
  BOOST_REQUIRE(listed.size() == 2u);
  for (const auto& expected : listed) {
    auto found = store->findBySubmissionId(expected.submissionId);
    BOOST_REQUIRE(found);
    BOOST_TEST(found->sequence == expected.sequence);
    BOOST_TEST(found->revision == expected.revision);
    BOOST_TEST(found->current == expected.current);
    BOOST_TEST(found->organisationName == expected.organisationName);
    BOOST_TEST(found->period == expected.period);
    BOOST_TEST((found->receivedAt == expected.receivedAt));
    BOOST_TEST(found->channel == expected.channel);
    BOOST_TEST(found->sha256 == expected.sha256);
    BOOST_TEST(found->kind == expected.kind);
    BOOST_TEST(found->schemaVersion == expected.schemaVersion);
    BOOST_TEST(found->preparedAt == expected.preparedAt);
    BOOST_TEST(found->sourceSystem == expected.sourceSystem);
    BOOST_TEST((found->measures == expected.measures));
    BOOST_REQUIRE(found->warnings.size() == expected.warnings.size());
    BOOST_TEST(found->warnings[0].explanation == expected.warnings[0].explanation);
  }
  auto current = store->current("E06000001", "2009-10-Q2");
  BOOST_REQUIRE(current);
  BOOST_TEST(current->sequence == listed[1].sequence);
  BOOST_TEST(current->revision == 2);
  BOOST_TEST(!store->current("E06000001", "2009-10-Q3"));
}

// Board notes (format 1.1) come back as stored through every read path, and a
// replacement's notes, or their absence, are the current ones.
BOOST_AUTO_TEST_CASE(boardNotesComeBackWholeAndFollowTheCurrentSubmission) {
  SubmissionRecord withNotes = record(ID1);
  withNotes.schemaVersion = "1.1";
  BoardNotes notes;
  notes.summary = "Crynodeb — ŵ \"quoted\"\nsecond line";
  notes.actions.push_back({"K2", "Head of ICT", *lexicalDate("2009-12-31"), "Assess everyone.", {}});
  notes.actions.push_back({"", "Board", std::nullopt, "Report back.", {}});
  withNotes.boardNotes = notes;
  store->accept(withNotes, "first", acceptedAudit(ID1));
  reopen();
  auto check = [&](const std::optional<SubmissionRecord>& found, const char* path) {
    BOOST_REQUIRE_MESSAGE(found && found->boardNotes, path);
    BOOST_TEST(found->boardNotes->summary == notes.summary, path);
    BOOST_REQUIRE(found->boardNotes->actions.size() == 2u);
    BOOST_TEST(found->boardNotes->actions[0].kpi == "K2", path);
    BOOST_TEST(found->boardNotes->actions[0].owner == "Head of ICT", path);
    BOOST_TEST((found->boardNotes->actions[0].due == notes.actions[0].due), path);
    BOOST_TEST(found->boardNotes->actions[0].text == "Assess everyone.", path);
    BOOST_TEST(found->boardNotes->actions[1].kpi.empty(), path);
    BOOST_TEST(!found->boardNotes->actions[1].due.has_value(), path);
  };
  check(store->findBySubmissionId(ID1), "by id");
  check(store->current("E06000001", "2009-10-Q2"), "current");
  check(store->currentForPeriod("2009-10-Q2").at(0), "period");
  check(store->revisions("E06000001", "2009-10-Q2").at(0), "revisions");
  BOOST_TEST(!store->currentFigures("E06000001", "2009-10-Q2")->boardNotes.has_value());

  store->accept(record(ID2, "E06000001", "2009-10-Q2", std::string(64, 'c')), "second", acceptedAudit(ID2));
  BOOST_TEST(!store->current("E06000001", "2009-10-Q2")->boardNotes.has_value());
  BOOST_TEST(store->findBySubmissionId(ID1)->boardNotes.has_value());
}

BOOST_AUTO_TEST_CASE(sameIdSameBytesIsADuplicateOtherBytesAConflict) {
  store->accept(record(ID1), "body", acceptedAudit(ID1));
  auto again = store->accept(record(ID1), "body", acceptedAudit(ID1));
  BOOST_TEST((again.outcome == Store::Outcome::Duplicate));
  BOOST_TEST(again.record.sequence > 0);
  auto other = store->accept(record(ID1, "E06000001", "2009-10-Q2", std::string(64, 'b')), "other", acceptedAudit(ID1));
  BOOST_TEST((other.outcome == Store::Outcome::Conflict));
  BOOST_TEST(other.record.sha256 == std::string(64, 'a'));
  BOOST_TEST(store->revisions("E06000001", "2009-10-Q2").size() == 1u);
  BOOST_TEST(*store->originalBytes(ID1) == "body");
}

BOOST_AUTO_TEST_CASE(resubmissionBecomesCurrentAndKeepsTheEarlierOne) {
  store->accept(record(ID1), "first", acceptedAudit(ID1));
  auto second = store->accept(record(ID2, "E06000001", "2009-10-Q2", std::string(64, 'c')), "second", acceptedAudit(ID2));
  BOOST_TEST(second.record.revision == 2);
  BOOST_TEST(store->current("E06000001", "2009-10-Q2")->submissionId == ID2);
  auto revisions = store->revisions("E06000001", "2009-10-Q2");
  BOOST_REQUIRE(revisions.size() == 2u);
  BOOST_TEST(!revisions[0].current);
  BOOST_TEST(revisions[1].current);
  BOOST_TEST(*store->originalBytes(ID1) == "first");
  BOOST_TEST(store->currentForPeriod("2009-10-Q2").size() == 1u);
  BOOST_TEST(store->integrityProblems().empty());
}

BOOST_AUTO_TEST_CASE(currentFiguresIsCurrentWithoutItsWarnings) {
  store->accept(record(ID1), "first", acceptedAudit(ID1));
  store->accept(record(ID2, "E06000001", "2009-10-Q2", std::string(64, 'c')), "second", acceptedAudit(ID2));
  auto full = store->current("E06000001", "2009-10-Q2");
  auto figures = store->currentFigures("E06000001", "2009-10-Q2");
  BOOST_REQUIRE(full && figures);
  BOOST_TEST(full->warnings.size() == 1u);
  BOOST_TEST(figures->warnings.empty());
  BOOST_TEST(figures->submissionId == ID2);
  BOOST_TEST(figures->revision == 2);
  BOOST_TEST(figures->sequence == full->sequence);
  BOOST_TEST((figures->measures == full->measures));
  BOOST_TEST(!store->currentFigures("E06000001", "2009-10-Q1"));
}

// Both periods a submission's history checks read, asked together (one
// statement on PostgreSQL): each answer is currentFigures() of its period.
BOOST_AUTO_TEST_CASE(currentFiguresOfBothPeriodsAreEachPeriodsFigures) {
  store->accept(record(ID1, "E06000001", "2009-10-Q1"), "first", acceptedAudit(ID1));
  store->accept(record(ID2, "E06000001", "2009-10-Q2", std::string(64, 'c')), "second", acceptedAudit(ID2));
  store->accept(record("33333333-3333-4333-8333-333333333333", "E06000002", "2009-10-Q1", std::string(64, 'd')),
                "third", acceptedAudit(""));
  auto both = store->currentFiguresOfBoth("E06000001", "2009-10-Q1", "2009-10-Q2");
  BOOST_REQUIRE(both.first);
  BOOST_REQUIRE(both.second);
  BOOST_TEST(both.first->submissionId == ID1);
  BOOST_TEST(both.second->submissionId == ID2);
  BOOST_TEST(both.first->warnings.empty());
  BOOST_TEST((both.second->measures == store->currentFigures("E06000001", "2009-10-Q2")->measures));
  auto oneOfTwo = store->currentFiguresOfBoth("E06000002", "2009-10-Q4", "2009-10-Q1");
  BOOST_TEST(!oneOfTwo.first);
  BOOST_REQUIRE(oneOfTwo.second);
  BOOST_TEST(oneOfTwo.second->organisation == "E06000002");
  auto none = store->currentFiguresOfBoth("E06000003", "2009-10-Q1", "2009-10-Q2");
  BOOST_TEST((!none.first && !none.second));
}

BOOST_AUTO_TEST_CASE(currentViewsSpanOrganisationsAndPeriods) {
  store->accept(record(ID1, "E06000001", "2009-10-Q1"), "a", acceptedAudit(ID1));
  store->accept(record(ID2, "E06000001", "2009-10-Q2", std::string(64, 'd')), "b", acceptedAudit(ID2));
  store->accept(record("33333333-3333-4333-8333-333333333333", "E06000002", "2009-10-Q2"), "c", acceptedAudit(""));
  BOOST_TEST(store->currentForOrganisation("E06000001").size() == 2u);
  auto q2 = store->currentForPeriod("2009-10-Q2");
  BOOST_REQUIRE(q2.size() == 2u);
  BOOST_TEST(q2[0].organisation == "E06000001");
  BOOST_TEST((store->periods() == std::vector<std::string>{"2009-10-Q1", "2009-10-Q2"}));
}

BOOST_AUTO_TEST_CASE(eightThreadsPostingOneIdStoreItOnce) {
  std::atomic<int> stored{0}, duplicates{0}, failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      try {
        auto r = store->accept(record(ID1), "same body", acceptedAudit(ID1));
        (r.outcome == Store::Outcome::Stored ? stored : duplicates)++;
      } catch (const StoreError&) {
        ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  BOOST_TEST(failures == 0);
  BOOST_TEST(stored == 1);
  BOOST_TEST(duplicates == 7);
  BOOST_TEST(store->revisions("E06000001", "2009-10-Q2").size() == 1u);
}

BOOST_AUTO_TEST_CASE(concurrentResubmissionsLeaveOneCurrent) {
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      std::string id = std::to_string(t) + "aaaaaaa-1111-4111-8111-111111111111";
      try {
        store->accept(record(id, "E06000001", "2009-10-Q2", std::string(63, 'e') + std::to_string(t)), id, acceptedAudit(id));
      } catch (const StoreError&) {
        ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  BOOST_TEST(failures == 0);
  auto revisions = store->revisions("E06000001", "2009-10-Q2");
  BOOST_TEST(revisions.size() == 8u);
  int current = 0;
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    BOOST_TEST(revisions[i].revision == static_cast<int>(i) + 1);
    current += revisions[i].current ? 1 : 0;
  }
  BOOST_TEST(current == 1);
  BOOST_TEST(store->integrityProblems().empty());
}

// Refusals and resends write an audit row alone while submissions are being
// accepted; on SQLite both go through the one group-commit writer, so neither
// waits out the other's lock (a short busy timeout makes a contention fail).
BOOST_AUTO_TEST_CASE(auditRowsAmongConcurrentAcceptsAllLand) {
  profkpi::adapters::store::SqlStoreOptions options;
  options.busyTimeoutSeconds = 1;
  store.reset();
  store = std::make_unique<profkpi::adapters::store::SqlStore>(config.connector, config.connection, options);
  constexpr int THREADS = 6, EACH = 40;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < THREADS; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < EACH; ++i) {
        char id[40];
        std::snprintf(id, sizeof id, "%08d-%04d-4111-8111-111111111111", i, t);
        try {
          store->accept(record(id, "E06000001", "2009-10-Q" + std::to_string(1 + i % 4), std::string(64, 'b')), id,
                        acceptedAudit(id));
        } catch (const StoreError&) {
          ++failures;
        }
      }
    });
    threads.emplace_back([&, t] {
      for (int i = 0; i < EACH; ++i) {
        AuditEntry refused = acceptedAudit("refused-" + std::to_string(t) + "-" + std::to_string(i));
        refused.action = "refused";
        try {
          store->appendAudit(refused);
        } catch (const StoreError&) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  BOOST_TEST(failures == 0);
  auto rows = store->recentAudit(10 * THREADS * EACH);
  BOOST_TEST(rows.size() == static_cast<std::size_t>(2 * THREADS * EACH));
  BOOST_TEST(std::count_if(rows.begin(), rows.end(), [](const AuditEntry& a) { return a.action == "refused"; }) ==
             THREADS * EACH);
  BOOST_TEST(store->currentForOrganisation("E06000001").size() == 4u);
  BOOST_TEST(store->integrityProblems().empty());
}

BOOST_AUTO_TEST_CASE(unusableStoreRaisesStoreError) {
  BOOST_CHECK_THROW(profkpi::adapters::store::SqlStore("sqlite", "/proc/no/such/dir/store.db"), StoreError);
  BOOST_CHECK_THROW(profkpi::adapters::store::SqlStore("postgresql", "host=127.0.0.1 port=1 dbname=x connect_timeout=2"),
                    StoreError);
  BOOST_CHECK_THROW(profkpi::adapters::store::SqlStore("oracle", "x"), StoreError);
}

// Every layer adds its context, but a message names the store once (the
// nightly ledger's messages once read "store: take the nightly lease: store: ...").
BOOST_AUTO_TEST_CASE(storeErrorsNameTheStoreOnce) {
  using profkpi::adapters::store::guardStore;
  auto failing = [](const char* detail) { return [detail]() -> int { throw std::runtime_error(detail); }; };
  for (const char* detail : {"store: SQLite: database is locked", "SQLite: database is locked"}) {
    try {
      guardStore("take the nightly lease", failing(detail));
      BOOST_FAIL("no StoreError");
    } catch (const StoreError& e) {
      std::string message = e.what();
      BOOST_TEST(message.rfind("store: take the nightly lease: ", 0) == 0, message);
      BOOST_TEST(message.find("store: ", 1) == std::string::npos, message);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

#include "adapters/store/SqlStore.h"

#include "adapters/json/BoardNotesJson.h"
#include "adapters/json/DiagnosticJson.h"
#include "adapters/store/ApiKeyColumns.h"
#include "adapters/store/Migrations.h"
#include "adapters/store/PgQueries.h"
#include "adapters/store/SqlTransaction.h"
#include "adapters/store/SqliteQueries.h"
#include "adapters/store/SubmissionColumns.h"
#include "engine/ports/Errors.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <mutex>

namespace profkpi::adapters::store {

using namespace Poco::Data::Keywords;
using engine::StoreError;
using engine::SubmissionRecord;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace {

// Page caches of the store's own SQLite connections: the writer touches the
// tables' right-hand edges and the indexes, a look-up a few index pages.
constexpr int WRITER_CACHE_KIB = 8192;
constexpr int LOOKUP_CACHE_KIB = 256;
// The log is copied back by the checkpointer's thread from SQLite's usual
// 1,000 pages (4 MB), and by the writer itself from 2,000, so the log starts
// again from its beginning every 8 MB or so (SqliteCheckpointer.h).
constexpr int CHECKPOINT_PAGES = 1000;
constexpr int WRITER_CHECKPOINT_PAGES = 2000;

SqlDialect dialectOf(const std::string& connector) {
  if (connector == "sqlite") return SqlDialect::SQLite;
  if (connector == "postgresql") return SqlDialect::PostgreSQL;
  throw StoreError("store.connector must be sqlite or postgresql, not \"" + connector + "\"");
}

void registerConnectors() {
  static std::once_flag once;
  std::call_once(once, [] {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::PostgreSQL::Connector::registerConnector();
  });
}

std::int64_t millis(engine::Instant t) { return t.time_since_epoch().count(); }
engine::Instant fromMillis(std::int64_t ms) { return engine::Instant{std::chrono::milliseconds{ms}}; }

// A row of a Poco::Data RecordSet, read as SubmissionColumns.h reads rows.
struct RecordSetRow {
  Poco::Data::RecordSet& rs;
  std::size_t row;
  std::int64_t integer(int column) const { return rs.value(column, row).convert<Poco::Int64>(); }
  std::string text(int column) const { return rs.value(column, row).convert<std::string>(); }
  bool isNull(int column) const { return rs.value(column, row).isEmpty(); }
};

}  // namespace

// Sessions set up for our use: SQLite connections get their pragmas.
class SqlStore::Pool final : public Poco::Data::SessionPool {
 public:
  Pool(SqlDialect dialect, const std::string& connection, const SqlStoreOptions& options)
      : Poco::Data::SessionPool(connectorName(dialect), connection, 1, options.maxSessions, 60),
        _dialect(dialect),
        _options(options) {}

 protected:
  void customizeSession(Session& session) override {
    if (_dialect == SqlDialect::PostgreSQL) {
      // Without it a statement waits for a table or advisory lock for ever (a
      // LOCK TABLE, a long migration elsewhere): the request would never be answered.
      session << "SET lock_timeout = " + std::to_string(_options.busyTimeoutSeconds * 1000), now;
      return;
    }
    std::string pragmas = "PRAGMA busy_timeout = " + std::to_string(_options.busyTimeoutSeconds * 1000) +
                          "; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
    sqliteExec(session, pragmas.c_str());
  }

 private:
  SqlDialect _dialect;
  SqlStoreOptions _options;
};

SqlStore::SqlStore(const std::string& connector, const std::string& connection, SqlStoreOptions options)
    : _dialect(dialectOf(connector)) {
  registerConnectors();
  guardStore("open", [&] {
    if (_dialect == SqlDialect::SQLite) {
      Poco::Path parent = Poco::Path(connection).makeParent();
      if (!parent.toString().empty()) Poco::File(parent).createDirectories();
      Session first(connectorName(_dialect), connection);
      sqliteExec(first, "PRAGMA journal_mode = WAL");  // persistent: set once per file
    }
    _pool = std::make_unique<Pool>(_dialect, connection, options);
    migrate();
    if (_dialect == SqlDialect::SQLite) {
      _writer = std::make_unique<SqliteConnection>(connection, options.busyTimeoutSeconds, WRITER_CACHE_KIB);
      // The batch's savepoints keep a sub-journal that, once over 64 KiB, SQLite
      // spills to a temporary file and keeps for the whole batch: half of the
      // writer's pwrite calls (bench/store-floor.sh). The writer runs only the
      // accept statements, so in memory it holds at most the pages one batch
      // changed.
      _writer->exec("PRAGMA temp_store = MEMORY");
      _checkpointer = std::make_unique<SqliteCheckpointer>(connection, options.busyTimeoutSeconds, *_writer,
                                                           CHECKPOINT_PAGES, WRITER_CHECKPOINT_PAGES);
      _lookups = std::make_unique<SqliteConnectionPool>(connection, options.busyTimeoutSeconds, LOOKUP_CACHE_KIB,
                                                        static_cast<std::size_t>(options.maxIdleLookups));
    } else {
      _pg = std::make_unique<PgConnectionPool>(connection, options.busyTimeoutSeconds * 1000,
                                               static_cast<std::size_t>(options.maxIdleLookups));
    }
    return 0;
  });
}

SqlStore::~SqlStore() = default;

Session SqlStore::session() {
  try {
    return _pool->get();
  } catch (const Poco::Exception& e) {
    throw StoreError(storeMessage("no connection", e));
  }
}

// Poco's pool learns that a session is dead only by using it, and a restart of
// PostgreSQL kills every idle one: a read whose session turned out dead is
// asked again on another, as often as the pool has idle sessions that may have
// died with it, and then once on a new one. Reads only: nothing to commit twice.
template <typename Work>
auto SqlStore::reading(const char* what, Work&& work) -> decltype(work(std::declval<Session&>())) {
  return guardStore(what, [&] {
    for (int attempt = 0;; ++attempt) {
      Session s = session();
      try {
        return work(s);
      } catch (const std::exception&) {
        if (_dialect != SqlDialect::PostgreSQL || s.isConnected() || attempt > _pool->idle()) throw;
      }
    }
  });
}

void SqlStore::migrate() {
  Session s = session();
  SqlTransaction tx(s, _dialect);
  tx.lock("profkpi-migrations");
  // PostgreSQL answers CREATE TABLE IF NOT EXISTS on an existing table with a
  // NOTICE, which libpq prints on every command's standard error.
  if (_dialect == SqlDialect::PostgreSQL) s << "SET LOCAL client_min_messages = warning", now;
  s << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at_ms BIGINT NOT NULL,"
       " description TEXT NOT NULL)",
      now;
  int applied = 0;
  s << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", into(applied), now;
  // A newer profkpi has changed the schema in ways this one does not know:
  // writing to it could corrupt it, so refuse before anything is written.
  const int known = migrations().back().version;
  if (applied > known) {
    throw StoreError("store schema version " + std::to_string(applied) + " is newer than this profkpi supports (" +
                     std::to_string(known) + "): upgrade profkpi");
  }
  for (const Migration& m : migrations()) {
    if (m.version <= applied) continue;
    if (!m.postgresqlOnly || _dialect == SqlDialect::PostgreSQL) {
      for (const std::string& statement : m.statements) s << translate(_dialect, statement), now;
    }
    Poco::Int64 at = millis(date::floor<std::chrono::milliseconds>(std::chrono::system_clock::now()));
    s << translate(_dialect, "INSERT INTO schema_migrations (version, applied_at_ms, description) VALUES (?, ?, ?)"),
        bind(m.version), bind(at), bind(m.description), now;
  }
  tx.commit();
}

int SqlStore::schemaVersion() {
  return reading("schema version", [&](Session& s) {
    int version = 0;
    s << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", into(version), now;
    return version;
  });
}

engine::Store::AcceptResult SqlStore::accept(const SubmissionRecord& record, std::string_view originalBytes,
                                             const engine::AuditEntry& audit) {
  if (_dialect == SqlDialect::SQLite) {
    PendingWrite mine;
    mine.record = &record;
    mine.bytes = originalBytes;
    mine.audit = &audit;
    mine.warningsText = json::diagnosticsToText(record.warnings);
    mine.notesText = json::boardNotesToText(record.boardNotes);
    commitGrouped(mine);
    return std::move(*mine.result);
  }
  return guardStore("accept",
                    [&] { return _pg->withConnection([&](PgConnection& c) { return pg::accept(c, record, originalBytes, audit); }); });
}

// Group commit for SQLite, where every commit is an fsync and writers queue for
// one lock: concurrent callers (submissions and audit rows alike) are gathered
// into one transaction. The first to arrive leads: it waits for the write lock,
// then takes everyone queued by then, writes them, commits once, and announces
// the batch to its callers; then, still leading, lets the checkpointer copy the
// log back if it must (SqliteCheckpointer), and wakes one of the next batch,
// who leads it; the rest sleep on. Every caller returns only after its batch has committed, or
// failed: taking the queue only once the lock is held means nobody waits for
// the lock twice, so a held lock answers every caller within one busy timeout.
// Audit rows go this way too because a second writer connection would contend
// for the lock with the batches (seconds of SQLite busy-handler back-off under
// load).
void SqlStore::commitGrouped(PendingWrite& mine) {
  std::unique_lock<std::mutex> lock(_commitMutex);
  _commitQueue.push_back(&mine);
  FutexWord& announced = _announced[_batchesTaken % 2];
  while (_commitLeader) {
    const std::uint32_t seen = announced.value();  // read under the mutex: no announcement is missed
    lock.unlock();
    announced.waitWhile(seen);
    if (mine.done.load(std::memory_order_acquire)) break;  // the common case: no mutex again
    lock.lock();
  }
  if (lock.owns_lock() && !mine.done.load(std::memory_order_acquire)) {
    // Nobody writing and `mine` not written: it is still queued, so this batch holds it.
    _commitLeader = true;
    lock.unlock();
    WrittenBatch batch = writeBatch();
    lock.lock();
    ++_groupCommits.batches;
    _groupCommits.writes += batch.writes.size();
    if (batch.oneByOne) ++_groupCommits.writtenOneByOne;
    for (PendingWrite* p : batch.writes) {
      if (p != &mine) p->done.store(true, std::memory_order_release);
    }
    FutexWord& written = _announced[batch.number % 2];
    written.bump();
    lock.unlock();
    written.wakeAll();
    // Still leading, so that no batch is being written: a checkpoint by the
    // writer reaches the end of the log. Its callers have their answers already.
    try {
      if (batch.committed) _checkpointer->afterCommit();
    } catch (...) {
      // It logs its own failures; the next batch must still find a leader.
    }
    lock.lock();
    _commitLeader = false;
    FutexWord& next = _announced[(batch.number + 1) % 2];
    const bool more = !_commitQueue.empty();
    if (more) next.bump();
    lock.unlock();
    if (more) next.wakeOne();
  }
  if (lock.owns_lock()) lock.unlock();
  if (!mine.error.empty()) throw StoreError(mine.error);
}

SqlStore::WrittenBatch SqlStore::writeBatch() {
  WrittenBatch batch;
  bool taken = false;
  auto takeQueue = [&] {
    std::lock_guard<std::mutex> guard(_commitMutex);
    batch.writes.swap(_commitQueue);
    batch.number = _batchesTaken++;
    taken = true;
  };
  SqliteConnection& c = *_writer;
  try {
    SqliteQuery(c, "BEGIN IMMEDIATE").run();  // waits up to the busy timeout for the write lock
    takeQueue();
    try {
      batch.oneByOne = writeAll(batch.writes);
      SqliteQuery(c, "COMMIT").run();
      batch.committed = true;
    } catch (...) {
      try {
        SqliteQuery(c, "ROLLBACK").run();
      } catch (...) {
        // COMMIT failing may have rolled back already.
      }
      throw;
    }
  } catch (const std::exception& e) {
    // Nothing of the batch is committed: every caller hears so.
    if (!taken) takeQueue();
    std::string message = storeMessage("accept", e);
    for (PendingWrite* p : batch.writes) {
      p->result.reset();
      p->error = message;
    }
  }
  return batch;
}

// The whole batch in one savepoint: a savepoint per entry kept a sub-journal
// copy of every page each entry touched (the tables' and indexes' right-hand
// edges, again for every entry) and cost three statements more per entry. When
// an entry fails, the batch is undone and written again entry by entry, each
// in a savepoint of its own, so that one bad entry still fails alone.
bool SqlStore::writeAll(const std::vector<PendingWrite*>& writes) {
  SqliteConnection& c = *_writer;
  auto write = [&c](PendingWrite& p) {
    if (p.record != nullptr) {
      p.result = sqlite::acceptWithin(c, *p.record, p.warningsText, p.notesText, p.bytes, *p.audit);
    } else {
      sqlite::insertAudit(c, *p.audit);
    }
  };
  // Undoes to `savepoint`; when SQLite has already rolled the transaction back
  // (it does on some I/O errors), the first failure is the one to report.
  auto undo = [&c](const char* rollbackTo, const char* release) {
    std::exception_ptr first = std::current_exception();
    try {
      SqliteQuery(c, rollbackTo).run();
      SqliteQuery(c, release).run();
    } catch (...) {
      std::rethrow_exception(first);
    }
  };
  SqliteQuery(c, "SAVEPOINT batch").run();
  try {
    for (PendingWrite* p : writes) write(*p);
    SqliteQuery(c, "RELEASE batch").run();
    return false;
  } catch (const std::exception&) {
    undo("ROLLBACK TO batch", "RELEASE batch");
  }
  for (PendingWrite* p : writes) {
    p->result.reset();
    SqliteQuery(c, "SAVEPOINT one_write").run();
    try {
      write(*p);
      SqliteQuery(c, "RELEASE one_write").run();
    } catch (const std::exception& e) {
      undo("ROLLBACK TO one_write", "RELEASE one_write");
      p->error = storeMessage(p->record != nullptr ? "accept" : "audit", e);
    }
  }
  return true;
}

SqlStore::GroupCommits SqlStore::groupCommits() {
  std::lock_guard<std::mutex> guard(_commitMutex);
  return _groupCommits;
}

std::size_t SqlStore::queuedWrites() {
  std::lock_guard<std::mutex> guard(_commitMutex);
  return _commitQueue.size();
}

std::vector<SubmissionRecord> SqlStore::selectRecords(const std::string& where, const std::vector<std::string>& args) {
  return reading("select", [&](Session& s) { return selectRecords(s, where, args); });
}

std::vector<SubmissionRecord> SqlStore::selectRecords(Session& s, const std::string& where,
                                                      const std::vector<std::string>& args) {
  Statement select(s);
  select << translate(_dialect, std::string("SELECT ") + SUBMISSION_COLUMNS + " FROM submissions WHERE " + where);
  for (const std::string& arg : args) select, bind(arg);
  select.execute();
  Poco::Data::RecordSet rs(select);
  std::vector<SubmissionRecord> records;
  records.reserve(rs.rowCount());
  for (std::size_t row = 0; row < rs.rowCount(); ++row) records.push_back(submissionFrom(RecordSetRow{rs, row}));
  return records;
}

std::optional<SubmissionRecord> SqlStore::findBySubmissionId(const std::string& submissionId) {
  return guardStore("find", [&]() -> std::optional<SubmissionRecord> {
    if (_lookups) return sqlite::findSubmission(*_lookups->borrow(), submissionId);
    return _pg->withConnection([&](PgConnection& c) { return pg::findSubmission(c, submissionId); });
  });
}

std::optional<std::string> SqlStore::originalBytes(const std::string& submissionId) {
  return reading("original bytes", [&](Session& s) -> std::optional<std::string> {
    std::vector<Poco::Data::BLOB> bodies;  // one row at most: read singly (a Poco 1.11 PostgreSQL BLOB fix)
    s << translate(_dialect, "SELECT b.body FROM submission_bodies b JOIN submissions s ON s.seq = b.seq"
                             " WHERE s.submission_id = ?"),
        bind(submissionId),
        into(bodies), now;
    if (bodies.empty()) return std::nullopt;
    const auto& content = bodies.front().content();
    return std::string(content.begin(), content.end());
  });
}

std::optional<SubmissionRecord> SqlStore::currentFigures(const std::string& organisation, const std::string& period) {
  return guardStore("current", [&] {
    if (_lookups) return sqlite::findCurrentFigures(*_lookups->borrow(), organisation, period);
    return _pg->withConnection([&](PgConnection& c) { return pg::findCurrentFigures(c, organisation, period); });
  });
}

engine::Store::TwoPeriodFigures SqlStore::currentFiguresOfBoth(const std::string& organisation,
                                                               const std::string& firstPeriod,
                                                               const std::string& secondPeriod) {
  if (_lookups) return Store::currentFiguresOfBoth(organisation, firstPeriod, secondPeriod);
  return guardStore("current", [&] {
    return _pg->withConnection(
        [&](PgConnection& c) { return pg::findCurrentFiguresOfBoth(c, organisation, firstPeriod, secondPeriod); });
  });
}

std::optional<SubmissionRecord> SqlStore::current(const std::string& organisation, const std::string& period) {
  return guardStore("current", [&]() -> std::optional<SubmissionRecord> {
    if (_lookups) return sqlite::findCurrent(*_lookups->borrow(), organisation, period);
    return _pg->withConnection([&](PgConnection& c) { return pg::findCurrent(c, organisation, period); });
  });
}

std::vector<SubmissionRecord> SqlStore::currentForPeriod(const std::string& period) {
  return guardStore("current for period",
                    [&] { return selectRecords("period = ? AND is_current = 1 ORDER BY organisation", {period}); });
}

std::vector<SubmissionRecord> SqlStore::currentForOrganisation(const std::string& organisation) {
  return guardStore("current for organisation",
                    [&] { return selectRecords("organisation = ? AND is_current = 1 ORDER BY seq", {organisation}); });
}

std::vector<SubmissionRecord> SqlStore::revisions(const std::string& organisation, const std::string& period) {
  return guardStore("revisions", [&] {
    return selectRecords("organisation = ? AND period = ? ORDER BY seq", {organisation, period});
  });
}

std::vector<std::string> SqlStore::periods() {
  return reading("periods", [&](Session& s) {
    std::vector<std::string> periods;
    s << "SELECT DISTINCT period FROM submissions WHERE is_current = 1 ORDER BY period", into(periods), now;
    return periods;
  });
}

void SqlStore::appendAudit(const engine::AuditEntry& audit) {
  if (_dialect == SqlDialect::SQLite) {
    PendingWrite mine;
    mine.audit = &audit;
    commitGrouped(mine);
    return;
  }
  guardStore("audit", [&] {
    _pg->withConnection([&](PgConnection& c) { pg::insertAudit(c, audit); });
    return 0;
  });
}

std::vector<engine::AuditEntry> SqlStore::recentAudit(std::size_t limit) {
  return reading("read audit", [&](Session& s) {
    Statement select(s);
    select << translate(_dialect,
                        "SELECT at_ms, actor, action, submission_id, organisation, origin, detail FROM audit_log"
                        " ORDER BY seq DESC LIMIT ?"),
        bind(static_cast<Poco::Int64>(limit));
    select.execute();
    Poco::Data::RecordSet rs(select);
    std::vector<engine::AuditEntry> entries;
    for (std::size_t row = 0; row < rs.rowCount(); ++row) {
      engine::AuditEntry e;
      e.at = fromMillis(rs.value(0, row).convert<Poco::Int64>());
      e.actor = rs.value(1, row).convert<std::string>();
      e.action = rs.value(2, row).convert<std::string>();
      e.submissionId = rs.value(3, row).convert<std::string>();
      e.organisation = rs.value(4, row).convert<std::string>();
      e.origin = rs.value(5, row).convert<std::string>();
      e.detail = rs.value(6, row).convert<std::string>();
      entries.push_back(std::move(e));
    }
    return entries;
  });
}

// With a round trip on a connection /healthz has just proven: on PostgreSQL a
// dead pooled one is replaced and the query asked again on a new one.
bool SqlStore::ping() {
  try {
    if (_pg) return _pg->withConnection([](PgConnection& c) { return pg::answers(c); });
    Session s = session();
    int one = 0;
    s << "SELECT 1", into(one), now;
    return one == 1;
  } catch (...) {
    return false;
  }
}

std::vector<std::string> SqlStore::integrityProblems() {
  return reading("integrity check", [&](Session& s) {
    std::vector<std::string> problems;
    if (_dialect == SqlDialect::SQLite) {
      std::vector<std::string> result;
      s << "PRAGMA integrity_check", into(result), now;
      if (result.size() != 1 || result.front() != "ok") {
        for (const std::string& line : result) problems.push_back("sqlite: " + line);
      }
    }
    int orphans = 0;
    s << "SELECT COUNT(*) FROM submissions s WHERE NOT EXISTS"
         " (SELECT 1 FROM submission_bodies b WHERE b.seq = s.seq)",
        into(orphans), now;
    if (orphans > 0) problems.push_back(std::to_string(orphans) + " submissions without their original bytes");
    int headless = 0;
    s << "SELECT COUNT(*) FROM (SELECT organisation, period FROM submissions GROUP BY organisation, period"
         " HAVING SUM(is_current) <> 1) AS broken",
        into(headless), now;
    if (headless > 0) problems.push_back(std::to_string(headless) + " organisation periods without exactly one current submission");
    return problems;
  });
}

void SqlStore::addKey(const engine::ApiKeyRecord& key) {
  guardStore("add key", [&] {
    Session s = session();
    s << translate(_dialect,
                   "INSERT INTO api_keys (key_id, organisation, role, secret_hash, created_at_ms) VALUES (?, ?, ?, ?, ?)"),
        bind(key.id), bind(key.organisation), bind(std::string(engine::roleName(key.role))), bind(key.secretHash),
        bind(static_cast<Poco::Int64>(millis(key.createdAt))), now;
    return 0;
  });
}

std::vector<engine::ApiKeyRecord> SqlStore::selectKeys(const std::string& where, const std::vector<std::string>& args) {
  return reading("select keys", [&](Session& s) {
  Statement select(s);
  select << translate(_dialect,
                      "SELECT key_id, organisation, role, secret_hash, created_at_ms, revoked_at_ms FROM api_keys " + where);
  for (const std::string& arg : args) select, bind(arg);
  select.execute();
  Poco::Data::RecordSet rs(select);
  std::vector<engine::ApiKeyRecord> keys;
  for (std::size_t row = 0; row < rs.rowCount(); ++row) {
    keys.push_back(apiKeyFrom(RecordSetRow{rs, row}));
  }
  return keys;
  });
}

std::optional<engine::ApiKeyRecord> SqlStore::findKey(const std::string& id) {
  return guardStore("find key", [&]() -> std::optional<engine::ApiKeyRecord> {
    if (_lookups) return sqlite::findKey(*_lookups->borrow(), id);
    return _pg->withConnection([&](PgConnection& c) { return pg::findKey(c, id); });
  });
}

std::vector<engine::ApiKeyRecord> SqlStore::listKeys() {
  return guardStore("list keys", [&] { return selectKeys("ORDER BY organisation, created_at_ms", {}); });
}

bool SqlStore::revokeKey(const std::string& id, engine::Instant at) {
  return guardStore("revoke key", [&] {
    Session s = session();
    Statement update(s);
    update << translate(_dialect, "UPDATE api_keys SET revoked_at_ms = ? WHERE key_id = ? AND revoked_at_ms IS NULL"),
        bind(static_cast<Poco::Int64>(millis(at))), bind(id);
    return update.execute() == 1;
  });
}

}  // namespace profkpi::adapters::store

// The store on Poco::Data: SQLite (the embedded default: WAL, synchronous=FULL,
// writes in BEGIN IMMEDIATE transactions, a busy timeout) or PostgreSQL (several
// service instances sharing one database; writers serialised per SubmissionId
// and per organisation and period with transaction-scoped advisory locks).
// Thread-safe: each call takes a session from a pool. Every failure becomes
// engine::StoreError, after the transaction has been rolled back. The calls
// every submission makes (accept, audit, the key and history look-ups, and the
// health check) run on connections of the store's own with their statements
// kept compiled: SqliteConnection, PgConnection; on PostgreSQL a connection
// found dead is replaced and the call made again once (PgConnectionPool).
#ifndef PROFKPI_ADAPTERS_STORE_SQLSTORE_H
#define PROFKPI_ADAPTERS_STORE_SQLSTORE_H

#include "adapters/store/FutexWord.h"
#include "adapters/store/PgConnectionPool.h"
#include "adapters/store/SqlDialect.h"
#include "adapters/store/SqliteCheckpointer.h"
#include "adapters/store/SqliteConnection.h"
#include "adapters/store/SqliteConnectionPool.h"
#include "engine/ports/ApiKey.h"
#include "engine/ports/Store.h"

#include <Poco/Data/Session.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace profkpi::adapters::store {

// Every field: its meaning and default.
struct SqlStoreOptions {
  // How long a statement waits for a lock before giving up, in seconds (SQLite's
  // busy timeout, PostgreSQL's lock_timeout); the caller then hears StoreError.
  // Default 10, as the shipped store.busyTimeoutSeconds.
  int busyTimeoutSeconds = 10;
  // Most sessions of Poco's pool open at once: above http.threads (64), so a
  // busy server's requests and the nightly run never wait for one. Default 80,
  // as the shipped store.maxSessions (ShippedDefaultsTest keeps them equal).
  int maxSessions = 80;
  // Idle connections of the store's own kept open for look-ups (SQLite) or for
  // every submission's calls (PostgreSQL); as many as the HTTP threads, so a
  // busy server does not reopen them. Default 64.
  int maxIdleLookups = 64;
};

class SqlStore final : public engine::Store, public engine::KeyStore {
 public:
  // Opens (creating if need be) and migrates the store. `connector` is "sqlite"
  // or "postgresql"; `connection` a file path or a libpq connection string.
  // Throws engine::StoreError when it cannot.
  SqlStore(const std::string& connector, const std::string& connection, SqlStoreOptions options = {});
  ~SqlStore() override;

  AcceptResult accept(const engine::SubmissionRecord& record, std::string_view originalBytes,
                      const engine::AuditEntry& audit) override;
  std::optional<engine::SubmissionRecord> findBySubmissionId(const std::string& submissionId) override;
  std::optional<std::string> originalBytes(const std::string& submissionId) override;
  std::optional<engine::SubmissionRecord> current(const std::string& organisation, const std::string& period) override;
  std::optional<engine::SubmissionRecord> currentFigures(const std::string& organisation,
                                                        const std::string& period) override;
  // On PostgreSQL one statement; on SQLite (a look-up costs no round trip) two.
  TwoPeriodFigures currentFiguresOfBoth(const std::string& organisation, const std::string& firstPeriod,
                                        const std::string& secondPeriod) override;
  std::vector<engine::SubmissionRecord> currentForPeriod(const std::string& period) override;
  std::vector<engine::SubmissionRecord> currentForOrganisation(const std::string& organisation) override;
  std::vector<engine::SubmissionRecord> revisions(const std::string& organisation, const std::string& period) override;
  std::vector<std::string> periods() override;
  void appendAudit(const engine::AuditEntry& entry) override;
  std::vector<engine::AuditEntry> recentAudit(std::size_t limit) override;
  bool ping() override;
  std::vector<std::string> integrityProblems() override;

  void addKey(const engine::ApiKeyRecord& key) override;
  std::optional<engine::ApiKeyRecord> findKey(const std::string& id) override;
  std::vector<engine::ApiKeyRecord> listKeys() override;
  bool revokeKey(const std::string& id, engine::Instant at) override;

  // SQLite's group commit so far (zero on PostgreSQL): commits, the writes
  // (submissions and audit rows) they carried, and batches written again entry
  // by entry because one entry failed. For the benchmark and tests.
  struct GroupCommits {
    std::uint64_t batches = 0;
    std::uint64_t writes = 0;
    std::uint64_t writtenOneByOne = 0;
  };
  GroupCommits groupCommits();
  // Writes queued for the next group commit and not yet taken by it (tests
  // gather a batch with it while another connection holds the write lock).
  std::size_t queuedWrites();

  // The schema version after start-up migrations.
  int schemaVersion();
  SqlDialect dialect() const { return _dialect; }
  // A session from the pool, for the store's companions on the same database
  // (SqlRunLedger, SqlDeliveryLog); back to the pool when destroyed. Throws
  // engine::StoreError when no connection can be had.
  Poco::Data::Session session();

 private:
  class Pool;
  void migrate();
  // Runs `work(Session&)` for a read, on PostgreSQL again on another session when
  // the server had ended the first; failures become engine::StoreError naming `what`.
  template <typename Work>
  auto reading(const char* what, Work&& work) -> decltype(work(std::declval<Poco::Data::Session&>()));
  std::vector<engine::ApiKeyRecord> selectKeys(const std::string& where, const std::vector<std::string>& args);
  std::vector<engine::SubmissionRecord> selectRecords(const std::string& where, const std::vector<std::string>& args);
  std::vector<engine::SubmissionRecord> selectRecords(Poco::Data::Session& s, const std::string& where,
                                                      const std::vector<std::string>& args);

  // One caller's write waiting for the next group commit (SQLite): a submission,
  // or (record null) an audit row alone.
  struct PendingWrite {
    const engine::SubmissionRecord* record = nullptr;
    std::string_view bytes;
    const engine::AuditEntry* audit = nullptr;
    std::string warningsText;  // the record's warnings as stored, built before the serial section
    std::string notesText;     // its board notes as stored, the same way
    std::optional<AcceptResult> result;
    std::string error;  // set instead of result when it failed
    // Set by the leader once result or error is, and after that neither it nor
    // anyone else touches this entry: its caller may return at once.
    std::atomic<bool> done{false};
  };
  // A group commit's outcome: its writes, the queue's number, whether it was
  // written entry by entry, and whether it committed.
  struct WrittenBatch {
    std::vector<PendingWrite*> writes;
    std::uint64_t number = 0;
    bool oneByOne = false;
    bool committed = false;
  };
  // Queues `mine` and returns once its batch has committed or failed (error set).
  void commitGrouped(PendingWrite& mine);
  // Leads one group commit: takes the queue once the write lock is held,
  // writes it (writeAll) and commits once. Checkpoints are the caller's, after
  // it has announced the batch.
  WrittenBatch writeBatch();
  // REQUIRES: the writer's transaction is open. Writes every entry; true when
  // one failed and the batch was written again entry by entry.
  bool writeAll(const std::vector<PendingWrite*>& writes);

  SqlDialect _dialect;
  std::unique_ptr<Pool> _pool;
  // SQLite only: the group commit's connection (used by the leader alone) and
  // the look-ups' connections.
  std::unique_ptr<SqliteConnection> _writer;
  std::unique_ptr<SqliteCheckpointer> _checkpointer;
  std::unique_ptr<SqliteConnectionPool> _lookups;
  // PostgreSQL only: the connections every submission's calls use.
  std::unique_ptr<PgConnectionPool> _pg;
  std::mutex _commitMutex;
  std::vector<PendingWrite*> _commitQueue;
  // The queue's number: the callers queued now are written in the batch of this number.
  std::uint64_t _batchesTaken = 0;
  bool _commitLeader = false;
  // The callers of even and of odd batches sleep here. A batch is announced
  // once, after the mutex is released, and its callers return without taking
  // the mutex again (each woken caller taking it made most of them sleep on it
  // again: two more futex calls a submission); the next batch's callers are
  // woken here for one of them to lead it.
  FutexWord _announced[2];
  GroupCommits _groupCommits;
};

}  // namespace profkpi::adapters::store

#endif

// The store on Poco::Data: SQLite (the embedded default: WAL, synchronous=FULL,
// writes in BEGIN IMMEDIATE transactions, a busy timeout) or PostgreSQL (several
// service instances sharing one database; writers serialised per SubmissionId
// and per organisation and period with transaction-scoped advisory locks).
// Thread-safe: each call takes a session from a pool. Every failure becomes
// engine::StoreError, after the transaction has been rolled back.
#ifndef PROFKPI_ADAPTERS_STORE_SQLSTORE_H
#define PROFKPI_ADAPTERS_STORE_SQLSTORE_H

#include "adapters/store/SqlDialect.h"
#include "engine/ApiKey.h"
#include "engine/Store.h"

#include <Poco/Data/Session.h>

#include <memory>
#include <string>

namespace profkpi::adapters::store {

// Every field: its meaning and default.
struct SqlStoreOptions {
  // How long a writer waits for a lock before giving up, in seconds. Default 10.
  int busyTimeoutSeconds = 10;
  // Most sessions held open at once. Default 32.
  int maxSessions = 32;
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

  // The schema version after start-up migrations.
  int schemaVersion();
  SqlDialect dialect() const { return _dialect; }

 private:
  class Pool;
  Poco::Data::Session session();
  void migrate();
  std::vector<engine::ApiKeyRecord> selectKeys(const std::string& where, const std::vector<std::string>& args);
  std::vector<engine::SubmissionRecord> selectRecords(const std::string& where, const std::vector<std::string>& args);

  SqlDialect _dialect;
  std::unique_ptr<Pool> _pool;
};

}  // namespace profkpi::adapters::store

#endif

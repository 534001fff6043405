#include "tests/support/StoreInspection.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <sqlite3.h>

#include <stdexcept>

namespace profkpi::tests {

StoreInspection::StoreInspection(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string message = _db != nullptr ? sqlite3_errmsg(_db) : "out of memory";
    sqlite3_close(_db);
    throw std::runtime_error("cannot open " + path + " read-only: " + message);
  }
}

StoreInspection::~StoreInspection() { sqlite3_close(_db); }

std::vector<std::vector<std::string>> StoreInspection::rows(const std::string& sql) const {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(_db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    throw std::runtime_error(std::string("inspection: ") + sqlite3_errmsg(_db) + " (" + sql + ")");
  }
  std::vector<std::vector<std::string>> result;
  int rc;
  while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(statement); ++c) {
      const void* bytes = sqlite3_column_blob(statement, c);
      int size = sqlite3_column_bytes(statement, c);
      row.emplace_back(bytes != nullptr ? static_cast<const char*>(bytes) : "", static_cast<std::size_t>(size));
    }
    result.push_back(std::move(row));
  }
  sqlite3_finalize(statement);
  if (rc != SQLITE_DONE) throw std::runtime_error(std::string("inspection: ") + sqlite3_errstr(rc) + " (" + sql + ")");
  return result;
}

std::vector<std::string> StoreInspection::auditActions(const std::string& submissionId) const {
  std::vector<std::string> actions;
  for (const auto& row : rows("SELECT action FROM audit_log WHERE submission_id = '" + submissionId + "' ORDER BY seq")) {
    actions.push_back(row[0]);
  }
  return actions;
}

bool StoreInspection::migrated() const {
  return !rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'submission_bodies'").empty();
}

std::vector<std::string> StoreInspection::problems() const {
  std::vector<std::string> problems;
  auto integrity = rows("PRAGMA integrity_check");
  if (integrity.size() != 1 || integrity[0][0] != "ok") {
    for (const auto& row : integrity) problems.push_back("integrity_check: " + row[0]);
  }
  if (!migrated()) return problems;
  for (const auto& row : rows("PRAGMA foreign_key_check")) {
    problems.push_back("foreign_key_check: row " + row[1] + " of " + row[0] + " refers to a missing " + row[2]);
  }
  for (const auto& row : rows("SELECT submission_id, COUNT(*) FROM submissions GROUP BY submission_id HAVING COUNT(*) > 1")) {
    problems.push_back(row[0] + " stored " + row[1] + " times");
  }
  for (const auto& row : rows("SELECT s.submission_id, s.sha256, b.body IS NULL, b.body FROM submissions s"
                              " LEFT JOIN submission_bodies b ON b.seq = s.seq")) {
    if (row[2] == "1") {
      problems.push_back(row[0] + " has no original bytes");
    } else if (sha256Hex(row[3]) != row[1]) {
      problems.push_back(row[0] + ": the stored bytes do not have the recorded SHA-256");
    }
  }
  for (const auto& row : rows("SELECT organisation, period, COUNT(*), MIN(revision), MAX(revision),"
                              " COUNT(DISTINCT revision), SUM(is_current),"
                              " MAX(CASE WHEN is_current = 1 THEN revision END)"
                              " FROM submissions GROUP BY organisation, period")) {
    const std::string& count = row[2];
    if (row[3] != "1" || row[4] != count || row[5] != count) {
      problems.push_back(row[0] + " " + row[1] + ": revisions are not 1.." + count);
    }
    if (row[6] != "1" || row[7] != row[4]) {
      problems.push_back(row[0] + " " + row[1] + ": the current submission is not the one latest revision");
    }
  }
  return problems;
}

std::optional<std::string> StoreInspection::body(const std::string& submissionId) const {
  if (!migrated()) return std::nullopt;
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(_db, "SELECT b.body FROM submission_bodies b JOIN submissions s ON s.seq = b.seq"
                          " WHERE s.submission_id = ?", -1, &statement, nullptr);
  sqlite3_bind_text(statement, 1, submissionId.data(), static_cast<int>(submissionId.size()), SQLITE_TRANSIENT);
  std::optional<std::string> found;
  int rc = sqlite3_step(statement);
  if (rc == SQLITE_ROW) {
    const void* bytes = sqlite3_column_blob(statement, 0);
    found = std::string(static_cast<const char*>(bytes), static_cast<std::size_t>(sqlite3_column_bytes(statement, 0)));
  }
  sqlite3_finalize(statement);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw std::runtime_error(std::string("inspection: ") + sqlite3_errstr(rc));
  return found;
}

std::vector<std::string> StoreInspection::submissionIds() const {
  std::vector<std::string> ids;
  if (!migrated()) return ids;
  for (const auto& row : rows("SELECT submission_id FROM submissions ORDER BY seq")) ids.push_back(row[0]);
  return ids;
}

std::vector<std::string> acknowledgedProblems(const StoreInspection& store,
                                              const std::map<std::string, std::string>& acknowledged) {
  std::vector<std::string> problems;
  for (const auto& [id, bytes] : acknowledged) {
    auto stored = store.body(id);
    if (!stored) {
      problems.push_back("acknowledged " + id + " is missing");
    } else if (*stored != bytes) {
      problems.push_back("acknowledged " + id + " is stored with other bytes than were sent");
    }
  }
  return problems;
}

std::vector<std::string> unacknowledgedProblems(const StoreInspection& store,
                                                const std::map<std::string, std::string>& sent) {
  std::vector<std::string> problems;
  for (const std::string& id : store.submissionIds()) {
    auto bytes = sent.find(id);
    if (bytes == sent.end()) {
      problems.push_back(id + " is stored but was never sent");
    } else if (store.body(id) != bytes->second) {
      problems.push_back(id + " is stored incomplete or altered");
    }
  }
  return problems;
}

std::string sha256Hex(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace profkpi::tests

#include "adapters/store/SqlTransaction.h"

#include <Poco/Data/SQLite/Utility.h>

#include <sqlite3.h>

#include <cctype>

namespace profkpi::adapters::store {

using namespace Poco::Data::Keywords;

std::string storeMessage(const char* what, std::string_view detail) {
  constexpr std::string_view PREFIX = "store: ";
  if (detail.substr(0, PREFIX.size()) == PREFIX) detail.remove_prefix(PREFIX.size());
  // libpq's messages run over several lines ("...unexpectedly\n\tThis probably
  // means..."): one log line per failure, so line ends and the indentation
  // after them become one space.
  std::string folded;
  for (std::size_t i = 0; i < detail.size(); ++i) {
    if (detail[i] != '\n' && detail[i] != '\r') {
      folded += detail[i];
      continue;
    }
    while (i + 1 < detail.size() && std::isspace(static_cast<unsigned char>(detail[i + 1]))) ++i;
    if (!folded.empty() && folded.back() != ' ') folded += ' ';
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return std::string(PREFIX) + what + ": " + folded;
}

std::string storeMessage(const char* what, const std::exception& e) {
  const auto* poco = dynamic_cast<const Poco::Exception*>(&e);
  return storeMessage(what, poco != nullptr ? poco->displayText() : std::string(e.what()));
}

// Through sqlite3_exec: Poco's SQLite session has no BEGIN IMMEDIATE.
void sqliteExec(Poco::Data::Session& session, const char* sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(Poco::Data::SQLite::Utility::dbHandle(session), sql, nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error != nullptr ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw engine::StoreError("store: SQLite: " + message + " (" + sql + ")");
  }
}

SqlTransaction::SqlTransaction(Poco::Data::Session& session, SqlDialect dialect) : _session(session), _dialect(dialect) {
  if (_dialect == SqlDialect::SQLite) {
    sqliteExec(_session, "BEGIN IMMEDIATE");
  } else {
    _session.begin();
  }
}

SqlTransaction::~SqlTransaction() {
  if (!_open) return;
  try {
    if (_dialect == SqlDialect::SQLite) {
      sqliteExec(_session, "ROLLBACK");
    } else {
      _session.rollback();
    }
  } catch (...) {
    // The connection is gone; the server rolls back for us.
  }
}

void SqlTransaction::commit() {
  if (_dialect == SqlDialect::SQLite) {
    sqliteExec(_session, "COMMIT");
  } else {
    _session.commit();
  }
  _open = false;
}

void SqlTransaction::lock(const std::string& key) {
  if (_dialect != SqlDialect::PostgreSQL) return;
  int ignored = 0;
  std::string k = key;
  _session << "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext($1))) AS held", use(k), into(ignored), now;
}

}  // namespace profkpi::adapters::store

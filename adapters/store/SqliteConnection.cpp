#include "adapters/store/SqliteConnection.h"

#include "engine/ports/Errors.h"

#include <sqlite3.h>

namespace profkpi::adapters::store {

SqliteConnection::SqliteConnection(const std::string& path, int busyTimeoutSeconds, int cacheKiB) {
  int rc = sqlite3_open_v2(path.c_str(), &_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = _db != nullptr ? sqlite3_errmsg(_db) : sqlite3_errstr(rc);
    sqlite3_close(_db);
    throw engine::StoreError("store: open " + path + ": " + message);
  }
  sqlite3_extended_result_codes(_db, 1);
  try {
    sqlite3_busy_timeout(_db, busyTimeoutSeconds * 1000);
    std::string pragmas = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -" +
                          std::to_string(cacheKiB) + ";";
    exec(pragmas.c_str());
  } catch (...) {
    sqlite3_close(_db);
    throw;
  }
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, statement] : _statements) sqlite3_finalize(statement);
  sqlite3_close(_db);
}

sqlite3_stmt* SqliteConnection::prepared(std::string_view sql) {
  auto found = _statements.find(sql);
  if (found != _statements.end()) return found->second;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement,
                         nullptr) != SQLITE_OK) {
    fail("prepare \"" + std::string(sql) + "\"");
  }
  ++_compilations;
  _statements.emplace(sql, statement);
  return statement;
}

void SqliteConnection::exec(const char* sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(_db, sql, nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error != nullptr ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw engine::StoreError("store: SQLite: " + message + " (" + sql + ")");
  }
}

void SqliteConnection::fail(const std::string& what) const {
  throw engine::StoreError("store: SQLite: " + what + ": " + sqlite3_errmsg(_db));
}

std::int64_t SqliteConnection::lastInsertRowid() const { return sqlite3_last_insert_rowid(_db); }

SqliteQuery::SqliteQuery(SqliteConnection& connection, std::string_view sql)
    : _connection(connection), _statement(connection.prepared(sql)) {}

SqliteQuery::~SqliteQuery() {
  sqlite3_reset(_statement);
  sqlite3_clear_bindings(_statement);
}

SqliteQuery& SqliteQuery::bind(std::string_view text) {
  if (sqlite3_bind_text(_statement, ++_parameter, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) !=
      SQLITE_OK) {
    _connection.fail("bind");
  }
  return *this;
}

SqliteQuery& SqliteQuery::bind(std::int64_t value) {
  if (sqlite3_bind_int64(_statement, ++_parameter, value) != SQLITE_OK) _connection.fail("bind");
  return *this;
}

SqliteQuery& SqliteQuery::bindBytes(std::string_view bytes) {
  if (sqlite3_bind_blob64(_statement, ++_parameter, bytes.data(), bytes.size(), SQLITE_STATIC) != SQLITE_OK) {
    _connection.fail("bind");
  }
  return *this;
}

bool SqliteQuery::step() {
  int rc = sqlite3_step(_statement);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  _connection.fail(std::string("run \"") + sqlite3_sql(_statement) + "\"");
}

void SqliteQuery::run() {
  while (step()) {
  }
}

std::int64_t SqliteQuery::integer(int column) const { return sqlite3_column_int64(_statement, column); }

std::string SqliteQuery::text(int column) const {
  const unsigned char* text = sqlite3_column_text(_statement, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(_statement, column)));
}

bool SqliteQuery::isNull(int column) const { return sqlite3_column_type(_statement, column) == SQLITE_NULL; }

}  // namespace profkpi::adapters::store

// A SQLite connection of SqlStore's own, outside Poco's session pool, that keeps
// its statements compiled: the paths every submission takes (the group commit's
// writes, the key and history look-ups) prepare each statement once per
// connection instead of once per call, as Poco::Data does. Not thread-safe: one
// user at a time (SqliteConnectionPool lends them out).
#ifndef PROFKPI_ADAPTERS_STORE_SQLITECONNECTION_H
#define PROFKPI_ADAPTERS_STORE_SQLITECONNECTION_H

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace profkpi::adapters::store {

class SqliteConnection {
 public:
  // Opens the existing, migrated store at `path` with the pragmas of every store
  // connection (busy timeout, synchronous=FULL, foreign keys) and a page cache
  // of at most `cacheKiB`. Throws engine::StoreError.
  SqliteConnection(const std::string& path, int busyTimeoutSeconds, int cacheKiB);
  // Finalizes the statements and closes.
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // The compiled statement for `sql`, prepared on first use and kept. Throws
  // engine::StoreError when `sql` does not compile.
  sqlite3_stmt* prepared(std::string_view sql);
  // Runs `sql` (no results). Throws engine::StoreError.
  void exec(const char* sql);
  // Throws engine::StoreError naming `what` and the connection's last error.
  [[noreturn]] void fail(const std::string& what) const;

  // The rowid of the last row this connection inserted.
  std::int64_t lastInsertRowid() const;
  sqlite3* handle() { return _db; }
  // How many statements have been compiled (to test that they are reused).
  std::size_t compilations() const { return _compilations; }

 private:
  sqlite3* _db = nullptr;
  // Found by the text itself (std::less<>): an accept runs a dozen statements,
  // and a hashed map keyed by std::string made a copy of each text and hashed
  // all of it (INSERT_SUBMISSION is 400 characters) every time.
  std::map<std::string, sqlite3_stmt*, std::less<>> _statements;
  std::size_t _compilations = 0;
};

// One execution of a kept statement: bind the parameters in order, step, read
// columns. Reset on destruction, so no read transaction outlives the query (an
// open one would pin an old snapshot and hold back WAL checkpoints).
class SqliteQuery {
 public:
  // Throws engine::StoreError.
  SqliteQuery(SqliteConnection& connection, std::string_view sql);
  ~SqliteQuery();
  SqliteQuery(const SqliteQuery&) = delete;
  SqliteQuery& operator=(const SqliteQuery&) = delete;

  // The next parameter: text (copied), an integer, or bytes that must stay
  // valid until the query is destroyed (not copied: bodies are large).
  SqliteQuery& bind(std::string_view text);
  SqliteQuery& bind(std::int64_t value);
  SqliteQuery& bindBytes(std::string_view bytes);

  // true when a row is ready, false when done. Throws engine::StoreError.
  bool step();
  // Steps to the end (for writes). Throws engine::StoreError.
  void run();

  std::int64_t integer(int column) const;
  std::string text(int column) const;
  bool isNull(int column) const;

 private:
  SqliteConnection& _connection;
  sqlite3_stmt* _statement;
  int _parameter = 0;
};

}  // namespace profkpi::adapters::store

#endif

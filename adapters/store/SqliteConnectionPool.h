// SqliteConnections for the look-ups every submission makes (its key, its
// history), each lent to one caller at a time with its kept statements.
// Thread-safe. A connection is opened when none is idle; at most `maxIdle` are
// kept, so memory is bounded by the busiest moment, not by the number of calls.
#ifndef PROFKPI_ADAPTERS_STORE_SQLITECONNECTIONPOOL_H
#define PROFKPI_ADAPTERS_STORE_SQLITECONNECTIONPOOL_H

#include "adapters/store/SqliteConnection.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace profkpi::adapters::store {

class SqliteConnectionPool {
 public:
  // `path`: an existing, migrated store. Each connection's page cache is at most `cacheKiB`.
  SqliteConnectionPool(std::string path, int busyTimeoutSeconds, int cacheKiB, std::size_t maxIdle);

  // A connection, given back when the lease goes.
  class Lease {
   public:
    Lease(SqliteConnectionPool& pool, std::unique_ptr<SqliteConnection> connection)
        : _pool(pool), _connection(std::move(connection)) {}
    ~Lease() { _pool.giveBack(std::move(_connection)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    SqliteConnection& operator*() { return *_connection; }

   private:
    SqliteConnectionPool& _pool;
    std::unique_ptr<SqliteConnection> _connection;
  };

  // Throws engine::StoreError when a new connection cannot be opened.
  Lease borrow();
  std::size_t idle() const;

 private:
  void giveBack(std::unique_ptr<SqliteConnection> connection);

  std::string _path;
  int _busyTimeoutSeconds;
  int _cacheKiB;
  std::size_t _maxIdle;
  mutable std::mutex _mutex;
  std::vector<std::unique_ptr<SqliteConnection>> _idle;
};

}  // namespace profkpi::adapters::store

#endif

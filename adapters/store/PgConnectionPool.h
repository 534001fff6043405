// PgConnections for the store's PostgreSQL calls, each lent to one caller at a
// time with its prepared statements. Thread-safe. A connection is opened when
// none is idle; at most `maxIdle` are kept. When a connection turns out dead
// (the server restarted), it and every idle one are dropped and the operation
// runs once more on a connection just opened, so the first request after a
// restart succeeds instead of one request failing per pooled connection.
#ifndef PROFKPI_ADAPTERS_STORE_PGCONNECTIONPOOL_H
#define PROFKPI_ADAPTERS_STORE_PGCONNECTIONPOOL_H

#include "adapters/store/PgConnection.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace profkpi::adapters::store {

class PgConnectionPool {
 public:
  PgConnectionPool(std::string conninfo, int lockTimeoutMs, std::size_t maxIdle);

  // A connection, given back when the lease goes unless discarded.
  class Lease {
   public:
    Lease(PgConnectionPool& pool, std::unique_ptr<PgConnection> connection)
        : _pool(pool), _connection(std::move(connection)) {}
    ~Lease() {
      if (_connection) _pool.giveBack(std::move(_connection));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    PgConnection& operator*() { return *_connection; }
    void discard() { _connection.reset(); }

   private:
    PgConnectionPool& _pool;
    std::unique_ptr<PgConnection> _connection;
  };

  // An idle connection, or a new one. Throws engine::StoreError when none can be opened.
  Lease borrow();
  // Runs `work(PgConnection&)`. When it throws PgConnectionLost, the pool drops
  // that connection and every idle one and runs `work` again, once, on a new
  // connection. REQUIRES: `work` throws PgConnectionLost only while nothing it
  // did can have been committed (a loss during COMMIT, or during a statement
  // that commits on its own, must surface as a plain engine::StoreError: the
  // outcome is unknown). Throws engine::StoreError.
  template <typename Work>
  auto withConnection(Work&& work) -> decltype(work(std::declval<PgConnection&>())) {
    try {
      Lease lease = borrow();
      try {
        return work(*lease);
      } catch (const PgConnectionLost&) {
        lease.discard();
        throw;
      }
    } catch (const PgConnectionLost&) {
      dropIdle();
      ++_recoveries;
    }
    Lease fresh(*this, open());
    return work(*fresh);
  }

  std::size_t idle() const;
  // How many operations were run again after a lost connection.
  std::size_t recoveries() const { return _recoveries; }

 private:
  std::unique_ptr<PgConnection> open() const;
  void giveBack(std::unique_ptr<PgConnection> connection);
  void dropIdle();

  std::string _conninfo;
  int _lockTimeoutMs;
  std::size_t _maxIdle;
  mutable std::mutex _mutex;
  std::vector<std::unique_ptr<PgConnection>> _idle;
  std::atomic<std::size_t> _recoveries{0};
};

}  // namespace profkpi::adapters::store

#endif

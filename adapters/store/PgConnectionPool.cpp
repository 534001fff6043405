#include "adapters/store/PgConnectionPool.h"

namespace profkpi::adapters::store {

PgConnectionPool::PgConnectionPool(std::string conninfo, int lockTimeoutMs, std::size_t maxIdle)
    : _conninfo(std::move(conninfo)), _lockTimeoutMs(lockTimeoutMs), _maxIdle(maxIdle) {}

std::unique_ptr<PgConnection> PgConnectionPool::open() const {
  return std::make_unique<PgConnection>(_conninfo, _lockTimeoutMs);
}

// An idle connection the server has spoken on is ending: it and the others
// (the same server) are dropped before anything is sent on them.
PgConnectionPool::Lease PgConnectionPool::borrow() {
  std::unique_ptr<PgConnection> connection;
  {
    std::lock_guard<std::mutex> lock(_mutex);
    if (!_idle.empty()) {
      connection = std::move(_idle.back());
      _idle.pop_back();
    }
  }
  if (connection && connection->quiet()) return Lease(*this, std::move(connection));
  if (connection) {
    connection.reset();
    dropIdle();
  }
  return Lease(*this, open());
}

std::size_t PgConnectionPool::idle() const {
  std::lock_guard<std::mutex> lock(_mutex);
  return _idle.size();
}

void PgConnectionPool::giveBack(std::unique_ptr<PgConnection> connection) {
  std::unique_ptr<PgConnection> surplus;  // closed outside the lock
  std::lock_guard<std::mutex> lock(_mutex);
  if (_idle.size() < _maxIdle) {
    _idle.push_back(std::move(connection));
  } else {
    surplus = std::move(connection);
  }
}

// The server one connection lost is the server they all lead to: the idle ones
// are dead too (or soon will be), and each would fail a request of its own.
void PgConnectionPool::dropIdle() {
  std::vector<std::unique_ptr<PgConnection>> dead;  // closed outside the lock
  std::lock_guard<std::mutex> lock(_mutex);
  dead.swap(_idle);
}

}  // namespace profkpi::adapters::store

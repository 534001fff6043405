#include "adapters/store/SqliteConnectionPool.h"

namespace profkpi::adapters::store {

SqliteConnectionPool::SqliteConnectionPool(std::string path, int busyTimeoutSeconds, int cacheKiB, std::size_t maxIdle)
    : _path(std::move(path)), _busyTimeoutSeconds(busyTimeoutSeconds), _cacheKiB(cacheKiB), _maxIdle(maxIdle) {}

SqliteConnectionPool::Lease SqliteConnectionPool::borrow() {
  {
    std::lock_guard<std::mutex> lock(_mutex);
    if (!_idle.empty()) {
      auto connection = std::move(_idle.back());
      _idle.pop_back();
      return Lease(*this, std::move(connection));
    }
  }
  return Lease(*this, std::make_unique<SqliteConnection>(_path, _busyTimeoutSeconds, _cacheKiB));
}

std::size_t SqliteConnectionPool::idle() const {
  std::lock_guard<std::mutex> lock(_mutex);
  return _idle.size();
}

void SqliteConnectionPool::giveBack(std::unique_ptr<SqliteConnection> connection) {
  std::unique_ptr<SqliteConnection> surplus;  // closed outside the lock
  std::lock_guard<std::mutex> lock(_mutex);
  if (_idle.size() < _maxIdle) {
    _idle.push_back(std::move(connection));
  } else {
    surplus = std::move(connection);
  }
}

}  // namespace profkpi::adapters::store

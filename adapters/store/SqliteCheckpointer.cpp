#include "adapters/store/SqliteCheckpointer.h"

#include <Poco/Logger.h>

#include <sqlite3.h>

namespace profkpi::adapters::store {

SqliteCheckpointer::SqliteCheckpointer(const std::string& path, int busyTimeoutSeconds, SqliteConnection& writer,
                                       int pages, int hardPages)
    : _writer(writer), _own(path, busyTimeoutSeconds, 256), _pages(pages), _hardPages(hardPages) {
  // A commit hook of our own replaces SQLite's automatic checkpoint on this connection.
  sqlite3_wal_hook(_writer.handle(), &SqliteCheckpointer::onCommit, this);
  _thread = std::thread([this] { run(); });
}

SqliteCheckpointer::~SqliteCheckpointer() {
  {
    std::lock_guard<std::mutex> lock(_mutex);
    _stopping = true;
  }
  _wake.notify_one();
  _thread.join();
  sqlite3_wal_hook(_writer.handle(), nullptr, nullptr);
}

int SqliteCheckpointer::onCommit(void* self, sqlite3*, const char*, int pages) {
  static_cast<SqliteCheckpointer*>(self)->_logPages = pages;
  return SQLITE_OK;
}

void SqliteCheckpointer::afterCommit() {
  if (_logPages >= _hardPages) {
    // Between batches nothing else writes, so this one reaches the end of the
    // log and the next write starts it again from the beginning.
    // BUSY: the thread is checkpointing; try again after the next commit.
    int rc = sqlite3_wal_checkpoint_v2(_writer.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (rc == SQLITE_OK) {
      _logPages = 0;
      _askedForThisLog = false;
      ++_byWriter;
    } else if (rc != SQLITE_BUSY) {
      Poco::Logger::get("store").warning("checkpoint by the writer failed: %s", std::string(sqlite3_errstr(rc)));
    }
    return;
  }
  if (_logPages < _pages) {
    _askedForThisLog = false;  // the log started again (a checkpoint reached its end)
    return;
  }
  if (!_askedForThisLog) {
    _askedForThisLog = true;
    {
      std::lock_guard<std::mutex> lock(_mutex);
      _requested = true;
    }
    _wake.notify_one();
  }
}

void SqliteCheckpointer::run() {
  std::unique_lock<std::mutex> lock(_mutex);
  while (true) {
    _wake.wait(lock, [this] { return _requested || _stopping; });
    if (_stopping) return;
    _requested = false;
    lock.unlock();
    int rc = sqlite3_wal_checkpoint_v2(_own.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
      Poco::Logger::get("store").warning("background checkpoint failed: %s", std::string(sqlite3_errstr(rc)));
    }
    ++_background;
    lock.lock();
  }
}

}  // namespace profkpi::adapters::store

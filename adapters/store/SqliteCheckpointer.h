// Keeps SQLite's write-ahead log short without stalling the group commit.
// SQLite's default makes the connection whose commit takes the log past 1,000
// pages copy the log into the database and fsync it before its caller hears
// back: every caller of that batch, and everyone queued behind it, waits. Here
// the writer's connection does not checkpoint; once the log holds `pages`
// pages a thread of its own copies it back with a PASSIVE checkpoint, which
// never blocks readers or the writer. When writes never pause, such a
// checkpoint cannot catch up with the end of the log, and SQLite can only start
// the log again from its beginning after one that has: so at `hardPages` the
// writer checkpoints itself between two batches (what the thread copied is not
// copied again). The thread runs once per log: run after every commit, it
// copied the pages every batch rewrites (indexes, the tables' right-hand edges)
// and fsynced the database again and again, a tenth of the store's CPU
// (docs/BENCHMARKS.md section 19).
// Durability is unchanged: a commit is durable once it is in the log.
#ifndef PROFKPI_ADAPTERS_STORE_SQLITECHECKPOINTER_H
#define PROFKPI_ADAPTERS_STORE_SQLITECHECKPOINTER_H

#include "adapters/store/SqliteConnection.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace profkpi::adapters::store {

class SqliteCheckpointer {
 public:
  // Takes over checkpointing from `writer`, which must outlive this object.
  // Throws engine::StoreError when its own connection cannot be opened.
  SqliteCheckpointer(const std::string& path, int busyTimeoutSeconds, SqliteConnection& writer, int pages,
                     int hardPages);
  // Stops the thread (a checkpoint in progress finishes first).
  ~SqliteCheckpointer();
  SqliteCheckpointer(const SqliteCheckpointer&) = delete;
  SqliteCheckpointer& operator=(const SqliteCheckpointer&) = delete;

  // REQUIRES: called by the writer's user after each commit, outside any transaction.
  void afterCommit();

  // Checkpoints run so far in the background and by the writer (for tests and metrics).
  std::size_t backgroundCheckpoints() const { return _background; }
  std::size_t writerCheckpoints() const { return _byWriter; }

 private:
  static int onCommit(void* self, struct sqlite3* db, const char* name, int pages);
  void run();

  SqliteConnection& _writer;
  SqliteConnection _own;
  const int _pages;
  const int _hardPages;
  int _logPages = 0;  // written by onCommit on the writer's thread
  bool _askedForThisLog = false;  // the writer's user's alone
  std::mutex _mutex;
  std::condition_variable _wake;
  bool _requested = false;
  bool _stopping = false;
  std::atomic<std::size_t> _background{0};
  std::atomic<std::size_t> _byWriter{0};
  std::thread _thread;
};

}  // namespace profkpi::adapters::store

#endif

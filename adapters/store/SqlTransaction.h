// A writing transaction on a pooled session, for the store's companion classes
// (SqlRunLedger, SqlDeliveryLog): BEGIN IMMEDIATE on SQLite (writers queue on
// the busy timeout), BEGIN on PostgreSQL with transaction-scoped advisory locks
// on demand. Rolled back unless committed. `sqliteExec` for the SQL Poco's
// SQLite session cannot issue itself. And `guardStore`, which turns Poco's
// database exceptions into engine::StoreError in one place.
#ifndef PROFKPI_ADAPTERS_STORE_SQLTRANSACTION_H
#define PROFKPI_ADAPTERS_STORE_SQLTRANSACTION_H

#include "adapters/store/SqlDialect.h"
#include "engine/ports/Errors.h"

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

#include <string>
#include <string_view>

namespace profkpi::adapters::store {

// Runs `sql` (one or more statements) on a SQLite session through sqlite3_exec:
// BEGIN IMMEDIATE and pragmas. Throws engine::StoreError naming the statement.
void sqliteExec(Poco::Data::Session& session, const char* sql);

class SqlTransaction {
 public:
  // Throws engine::StoreError or Poco::Data::DataException.
  SqlTransaction(Poco::Data::Session& session, SqlDialect dialect);
  ~SqlTransaction();
  SqlTransaction(const SqlTransaction&) = delete;
  SqlTransaction& operator=(const SqlTransaction&) = delete;

  void commit();
  // PostgreSQL: waits for, then holds until the transaction ends, the advisory
  // lock named `key`. SQLite: nothing (BEGIN IMMEDIATE already serialises writers).
  void lock(const std::string& key);

 private:
  Poco::Data::Session& _session;
  SqlDialect _dialect;
  bool _open = true;
};

// "store: WHAT: DETAIL", without DETAIL's own "store: ": a message names the
// store once, however many layers add their context.
std::string storeMessage(const char* what, std::string_view detail);
// The same for an exception: Poco's carry their text in displayText(), not what().
std::string storeMessage(const char* what, const std::exception& e);

// Runs `work`, turning Poco's (and other) exceptions into engine::StoreError
// that names `what`.
template <typename Work>
auto guardStore(const char* what, Work&& work) -> decltype(work()) {
  try {
    return work();
  } catch (const engine::StoreError&) {
    throw;
  } catch (const std::exception& e) {
    throw engine::StoreError(storeMessage(what, e));
  }
}

}  // namespace profkpi::adapters::store

#endif

// A fresh real store for each test: SQLite in a temporary file, or the
// PostgreSQL database named by PROFKPI_TEST_PG (emptied first), chosen by
// PROFKPI_STORE_BACKEND (sqlite, the default, or postgresql). The PostgreSQL
// run fails, rather than skips, when it has no database: CI must exercise it.
#ifndef PROFKPI_TESTS_SUPPORT_STOREFIXTURE_H
#define PROFKPI_TESTS_SUPPORT_STOREFIXTURE_H

#include "adapters/store/SqlStore.h"
#include "tests/support/Process.h"

#include <memory>
#include <string>

namespace profkpi::tests {

struct StoreConfig {
  std::string connector;
  std::string connection;
};

// Whether PROFKPI_STORE_BACKEND chose PostgreSQL (SQLite otherwise).
bool testingPostgres();

// The backend under test; for PostgreSQL, drops profkpi's tables first.
StoreConfig freshStoreConfig(const TempDir& dir);

struct StoreFixture {
  TempDir dir;
  StoreConfig config = freshStoreConfig(dir);
  std::unique_ptr<adapters::store::SqlStore> store =
      std::make_unique<adapters::store::SqlStore>(config.connector, config.connection);

  // Closes and reopens the store (as a restart would).
  void reopen() {
    store.reset();
    store = std::make_unique<adapters::store::SqlStore>(config.connector, config.connection);
  }
};

}  // namespace profkpi::tests

#endif

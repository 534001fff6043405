// The store's schema as numbered migrations, the same list for every back end
// (dialect tokens aside). Applied in order at start-up, each in the transaction
// that records it; a migration once shipped is never edited, only followed.
#ifndef PROFKPI_ADAPTERS_STORE_MIGRATIONS_H
#define PROFKPI_ADAPTERS_STORE_MIGRATIONS_H

#include <string>
#include <vector>

namespace profkpi::adapters::store {

struct Migration {
  int version;
  std::string description;
  std::vector<std::string> statements;  // with {{ID}}, {{ROW_KEY}} and {{BLOB}} tokens
  // Run on PostgreSQL only (server-side functions); SQLite records the version
  // and runs nothing, so both back ends number their schema alike.
  bool postgresqlOnly = false;
};

const std::vector<Migration>& migrations();

}  // namespace profkpi::adapters::store

#endif

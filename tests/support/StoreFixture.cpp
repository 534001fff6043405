#include "tests/support/StoreFixture.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>

#include <cstdlib>
#include <stdexcept>

namespace profkpi::tests {

bool testingPostgres() {
  const char* backend = std::getenv("PROFKPI_STORE_BACKEND");
  return backend != nullptr && std::string(backend) == "postgresql";
}

StoreConfig freshStoreConfig(const TempDir& dir) {
  if (!testingPostgres()) return {"sqlite", dir.file("store.db")};
  const char* pg = std::getenv("PROFKPI_TEST_PG");
  if (pg == nullptr) throw std::runtime_error("PROFKPI_STORE_BACKEND=postgresql needs PROFKPI_TEST_PG (scripts/with-postgres)");
  Poco::Data::PostgreSQL::Connector::registerConnector();
  Poco::Data::Session session("PostgreSQL", pg);
  // Every table profkpi has, whatever its migrations have made.
  session << "DROP SCHEMA public CASCADE", Poco::Data::Keywords::now;
  session << "CREATE SCHEMA public", Poco::Data::Keywords::now;
  return {"postgresql", pg};
}

}  // namespace profkpi::tests

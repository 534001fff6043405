// A PostgreSQL database of its own in the test cluster (PROFKPI_TEST_PG,
// scripts/with-postgres): created empty, dropped (WITH (FORCE)) by the
// destructor. For a deployment that must not share its tables with another one
// alive at the same time in the same test (each `ServerProcess` of two
// instances, say), where StoreFixture's emptied shared database would not do.
#ifndef PROFKPI_TESTS_SUPPORT_TESTDATABASE_H
#define PROFKPI_TESTS_SUPPORT_TESTDATABASE_H

#include <string>

namespace profkpi::tests {

class TestDatabase {
 public:
  // Throws std::runtime_error when PROFKPI_TEST_PG is not set: CI must run it.
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // A libpq connection string for the new database.
  const std::string& connection() const { return _connection; }

 private:
  std::string _cluster;  // PROFKPI_TEST_PG: where CREATE and DROP DATABASE run
  std::string _name;
  std::string _connection;
};

}  // namespace profkpi::tests

#endif

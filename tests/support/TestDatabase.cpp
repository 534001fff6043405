#include "tests/support/TestDatabase.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>

#include <atomic>
#include <cstdlib>
#include <regex>
#include <stdexcept>
#include <unistd.h>

namespace profkpi::tests {

namespace {

std::string clusterConnection() {
  const char* pg = std::getenv("PROFKPI_TEST_PG");
  if (pg == nullptr) throw std::runtime_error("a PostgreSQL deployment needs PROFKPI_TEST_PG (scripts/with-postgres)");
  return pg;
}

// Unique among the test processes sharing the cluster (ctest -j).
std::string freshName() {
  static std::atomic<int> counter{0};
  return "profkpi_t" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

void run(const std::string& connection, const std::string& sql) {
  Poco::Data::PostgreSQL::Connector::registerConnector();
  Poco::Data::Session session("PostgreSQL", connection);
  session << sql, Poco::Data::Keywords::now;
}

}  // namespace

TestDatabase::TestDatabase() : _cluster(clusterConnection()), _name(freshName()) {
  static const std::regex dbname(R"(dbname=\S+)");
  _connection = std::regex_search(_cluster, dbname) ? std::regex_replace(_cluster, dbname, "dbname=" + _name)
                                                    : _cluster + " dbname=" + _name;
  run(_cluster, "CREATE DATABASE " + _name);
}

TestDatabase::~TestDatabase() {
  try {
    run(_cluster, "DROP DATABASE IF EXISTS " + _name + " WITH (FORCE)");
  } catch (const std::exception&) {
    // the cluster is thrown away with the run: a database left behind costs nothing
  }
}

}  // namespace profkpi::tests

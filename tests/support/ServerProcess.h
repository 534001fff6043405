// A real `profkpi serve` deployment on 127.0.0.1 with its own store, inbox,
// reports folder and free ports, stopped with SIGTERM when the object goes; and
// a small HTTP client for it.
//
// One instance on SQLite by default. With PROFKPI_TEST_INSTANCES=N (N > 1, and
// PROFKPI_STORE_BACKEND=postgresql) it is N instances laid out as
// docs/OPERATIONS.md's "Several instances on one PostgreSQL" says: one database
// of their own in the test cluster (TestDatabase), one inbox and one reports.dir,
// a claim name per instance. Requests (request(), post(), port()) go to the
// instances in turn, so what one instance stored is read, resent and reported
// through another; every per-instance answer (the failed-authentication limiter,
// /metrics, logs) is reached by instance number.
#ifndef PROFKPI_TESTS_SUPPORT_SERVERPROCESS_H
#define PROFKPI_TESTS_SUPPORT_SERVERPROCESS_H

#include "tests/support/Process.h"
#include "tests/support/StoreFixture.h"
#include "tests/support/TestDatabase.h"

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace profkpi::tests {

struct HttpResult {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

// A free TCP port on 127.0.0.1 (bound and released).
int freePort();

// One HTTP/1.1 request to 127.0.0.1:port (a 30 s timeout); throws Poco::Exception
// when nothing answers.
HttpResult httpRequest(int port, const std::string& method, const std::string& path, const std::string& body = {},
                       const std::map<std::string, std::string>& headers = {});

// The number of serve instances a ServerProcess runs: PROFKPI_TEST_INSTANCES, 1 when unset.
std::size_t testInstances();

class ServerProcess {
 public:
  // Later: the constructor leaves the store empty and the instances stopped
  // until start(), for a test that prepares the store (configPath(), store()) first.
  enum class Start { Now, Later };

  // `extraConfig`: properties lines appended to every instance's generated
  // configuration (an `inbox.claimName` in it is the first instance's; the
  // others get NAME-2, NAME-3...); `env`: variables added to the servers'
  // environment (an LD_PRELOAD shim).
  explicit ServerProcess(const std::string& extraConfig = "", std::map<std::string, std::string> env = {},
                         Start when = Start::Now);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Starts every instance, one after the other, each answering /healthz.
  void start();
  // Variables for the servers' environment from their next start on.
  void setEnvironment(std::map<std::string, std::string> env) { _env = std::move(env); }
  // SIGTERM to every instance and wait; returns the first non-zero exit status, else 0.
  int stop();
  // SIGTERM without waiting; then waitForExit() for the exit status.
  void terminate();
  int waitForExit();
  // SIGKILL every instance and wait.
  void kill();

  // Runs `profkpi keys add` against the same store; returns the key.
  std::string addKey(const std::string& organisation, const std::string& role);

  // To the next instance in turn.
  HttpResult request(const std::string& method, const std::string& path, const std::string& body = {},
                     const std::map<std::string, std::string>& headers = {}) const;
  HttpResult post(const std::string& key, const std::string& xml,
                  const std::string& contentType = "application/xml") const;
  // To instance `instance` (0-based).
  HttpResult requestTo(std::size_t instance, const std::string& method, const std::string& path,
                       const std::string& body = {}, const std::map<std::string, std::string>& headers = {}) const;
  HttpResult postTo(std::size_t instance, const std::string& key, const std::string& xml,
                    const std::string& contentType = "application/xml") const;

  std::size_t instances() const { return _instances.size(); }
  // The next instance's port in turn (with one instance, always its port).
  int port() const;
  int portOf(std::size_t instance) const { return _instances.at(instance).port; }
  // Every instance's, in order (a proxy's upstream).
  std::vector<int> ports() const;
  // The first instance's.
  int pid() const { return _instances.front().pid; }
  const std::string& configPath() const { return _instances.front().config; }
  std::string logPath() const { return _instances.front().log; }
  // Every instance's log, one after the other.
  std::string logs() const;

  // The store every instance shares, for SqlStore(connector, connection).
  const StoreConfig& store() const { return _store; }
  // The SQLite file of a one-instance deployment.
  std::string storePath() const { return _dir.file("store.db"); }
  std::string inboxDir() const { return _dir.file("inbox"); }
  const TempDir& dir() const { return _dir; }

 private:
  struct Instance {
    std::string config;
    std::string out;
    std::string log;
    int port = 0;
    int pid = -1;
  };
  void startInstance(Instance& instance);
  std::size_t nextInTurn() const;

  TempDir _dir;
  std::unique_ptr<TestDatabase> _database;  // several instances only
  StoreConfig _store;
  std::vector<Instance> _instances;
  std::map<std::string, std::string> _env;
  mutable std::atomic<std::size_t> _turn{0};
};

}  // namespace profkpi::tests

#endif

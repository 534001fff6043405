// A real `profkpi serve` on 127.0.0.1 with its own store, inbox and free port,
// stopped with SIGTERM when the object goes; and a small HTTP client for it.
#ifndef PROFKPI_TESTS_SUPPORT_SERVERPROCESS_H
#define PROFKPI_TESTS_SUPPORT_SERVERPROCESS_H

#include "tests/support/Process.h"

#include <map>
#include <string>

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

class ServerProcess {
 public:
  // `extraConfig`: properties lines appended to the generated configuration;
  // `env`: variables added to the server's environment (an LD_PRELOAD shim).
  explicit ServerProcess(const std::string& extraConfig = "", std::map<std::string, std::string> env = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  void start();
  // Variables for the server's environment from its next start on.
  void setEnvironment(std::map<std::string, std::string> env) { _env = std::move(env); }
  // SIGTERM and wait; returns the exit status.
  int stop();
  // SIGTERM without waiting; then waitForExit() for the exit status.
  void terminate();
  int waitForExit();
  // SIGKILL and wait.
  void kill();

  // Runs `profkpi keys add` against the same store; returns the key.
  std::string addKey(const std::string& organisation, const std::string& role);

  HttpResult request(const std::string& method, const std::string& path, const std::string& body = {},
                     const std::map<std::string, std::string>& headers = {}) const;
  HttpResult post(const std::string& key, const std::string& xml,
                  const std::string& contentType = "application/xml") const;

  int port() const { return _port; }
  int pid() const { return _pid; }
  const std::string& configPath() const { return _config; }
  std::string storePath() const { return _dir.file("store.db"); }
  std::string inboxDir() const { return _dir.file("inbox"); }
  std::string logPath() const { return _dir.file("serve.log"); }
  const TempDir& dir() const { return _dir; }

 private:
  TempDir _dir;
  std::string _config;
  std::map<std::string, std::string> _env;
  int _port;
  int _pid = -1;
};

}  // namespace profkpi::tests

#endif

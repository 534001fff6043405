// Debian's nginx as a foreground test process in its own folder, serving the
// shipped site (etc/nginx/profkpi.conf) as plain HTTP on a free loopback port
// and proxying to profkpi on other ports (every instance of a deployment, in
// nginx's round robin). Stopped when the object goes.
#ifndef PROFKPI_TESTS_SUPPORT_NGINXPROCESS_H
#define PROFKPI_TESTS_SUPPORT_NGINXPROCESS_H

#include "tests/support/Process.h"

#include <string>
#include <vector>

namespace profkpi::tests {

// The shipped site with TLS taken out: the redirect block, the ssl_* lines and
// the HSTS header dropped, the first `listen` made 127.0.0.1:listenPort, the
// upstream's server made one 127.0.0.1:PORT line per upstream port. Throws
// std::runtime_error when the file no longer has the shapes it replaces.
std::string plainHttpSite(const std::string& shipped, int listenPort, const std::vector<int>& upstreamPorts);

class NginxProcess {
 public:
  // Starts nginx (single process, daemon off, every path in a temporary
  // folder) and waits until it answers; throws with its error log if it does not.
  explicit NginxProcess(const std::vector<int>& upstreamPorts);
  ~NginxProcess();
  NginxProcess(const NginxProcess&) = delete;
  NginxProcess& operator=(const NginxProcess&) = delete;

  int port() const { return _port; }
  std::string errorLog() const;

 private:
  // True once nginx has ended (reaped).
  bool exited();

  TempDir _dir;
  int _port;
  int _pid = -1;
};

// The nginx executable found by CMake; empty when it is not installed.
std::string nginxBinary();

}  // namespace profkpi::tests

#endif

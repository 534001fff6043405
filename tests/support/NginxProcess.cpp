#include "tests/support/NginxProcess.h"

#include "tests/support/Documents.h"
#include "tests/support/ServerProcess.h"

#include <Poco/Exception.h>

#include <chrono>
#include <csignal>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>

namespace profkpi::tests {

std::string nginxBinary() { return PROFKPI_NGINX; }

std::string plainHttpSite(const std::string& shipped, int listenPort, const std::vector<int>& upstreamPorts) {
  static const std::regex listenLine(R"(^\s*listen\s)");
  static const std::regex tlsLine(R"(^\s*(ssl_\w+\s|add_header\s+Strict-Transport-Security\s))");
  static const std::regex upstreamLine(R"(^(\s*server\s+)127\.0\.0\.1:8080;)");
  std::istringstream in(shipped);
  std::ostringstream out;
  std::string line;
  bool inRedirect = false;
  int listens = 0, upstreams = 0, redirects = 0, tls = 0;
  while (std::getline(in, line)) {
    if (line == "# BEGIN redirect") {
      inRedirect = true;
      ++redirects;
      continue;
    }
    if (line == "# END redirect") {
      inRedirect = false;
      continue;
    }
    if (inRedirect) continue;
    if (std::regex_search(line, listenLine)) {
      if (listens++ == 0) out << "    listen 127.0.0.1:" << listenPort << ";\n";
      continue;
    }
    if (std::regex_search(line, tlsLine)) {
      ++tls;
      continue;
    }
    std::smatch upstream;
    if (std::regex_search(line, upstream, upstreamLine)) {
      ++upstreams;
      for (int port : upstreamPorts) out << upstream[1] << "127.0.0.1:" << port << ";\n";
      continue;
    }
    out << line << "\n";
  }
  if (listens == 0 || upstreams != 1 || redirects != 1 || tls == 0 || inRedirect) {
    throw std::runtime_error("etc/nginx/profkpi.conf no longer has the listen, upstream, ssl_ and redirect "
                             "shapes the test replaces");
  }
  return out.str();
}

NginxProcess::NginxProcess(const std::vector<int>& upstreamPorts) : _port(freePort()) {
  if (nginxBinary().empty()) throw std::runtime_error("nginx is not installed (scripts/setup installs it)");
  std::string site = plainHttpSite(readFile(std::string(PROFKPI_SOURCE_DIR) + "/etc/nginx/profkpi.conf"), _port,
                                   upstreamPorts);
  writeFile(_dir.file("site.conf"), site);
  const std::string d = _dir.path();
  writeFile(_dir.file("nginx.conf"),
            "daemon off;\n"
            "master_process off;\n"
            "pid " + d + "/nginx.pid;\n"
            "error_log " + d + "/error.log info;\n"
            "events { worker_connections 64; }\n"
            "http {\n"
            "  access_log " + d + "/access.log;\n"
            "  client_body_temp_path " + d + "/client_body;\n"
            "  proxy_temp_path " + d + "/proxy;\n"
            "  fastcgi_temp_path " + d + "/fastcgi;\n"
            "  uwsgi_temp_path " + d + "/uwsgi;\n"
            "  scgi_temp_path " + d + "/scgi;\n"
            "  include " + d + "/site.conf;\n"
            "}\n");
  _pid = spawnProcess({nginxBinary(), "-e", _dir.file("error.log"), "-p", d, "-c", _dir.file("nginx.conf")},
                      _dir.file("nginx.out"), _dir.file("nginx.err"));
  for (int i = 0; i < 200 && !exited(); ++i) {
    try {
      httpRequest(_port, "GET", "/healthz");
      return;
    } catch (const Poco::Exception&) {
      // not listening yet
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::string why = readFile(_dir.file("nginx.err")) + errorLog();
  if (_pid > 0) {
    ::kill(_pid, SIGKILL);
    waitProcess(_pid);
    _pid = -1;
  }
  throw std::runtime_error("nginx did not start: " + why);
}

bool NginxProcess::exited() {
  int status = 0;
  if (::waitpid(_pid, &status, WNOHANG) != _pid) return false;
  _pid = -1;
  return true;
}

NginxProcess::~NginxProcess() {
  if (_pid > 0) {
    ::kill(_pid, SIGTERM);
    waitProcess(_pid);
  }
}

std::string NginxProcess::errorLog() const {
  try {
    return readFile(_dir.file("error.log"));
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace profkpi::tests

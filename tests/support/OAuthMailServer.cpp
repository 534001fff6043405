#include "tests/support/OAuthMailServer.h"

#include "tests/support/Documents.h"

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace profkpi::tests {

namespace {

const char* PYTHON = "/usr/bin/python3";  // Debian's, which has python3-aiosmtpd

std::string script(const std::string& name) { return std::string(PROFKPI_SOURCE_DIR) + "/tests/support/mail/" + name; }

}  // namespace

OAuthMailServer::OAuthMailServer() {
  ProcessResult certificates = runProcess({"/bin/bash", script("make-test-certificates.sh"), _dir.path()});
  if (certificates.exitCode != 0) throw std::runtime_error("openssl could not make the test certificates: " + certificates.err);
  _pid = spawnProcess({PYTHON, script("oauth-mail-server.py"), _dir.path(), CLIENT_ID, CLIENT_SECRET, MAILBOX},
                      _dir.file("server.out"), _dir.file("server.err"));
  for (int i = 0; i < 400 && !std::filesystem::exists(_dir.file("ports")); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  std::istringstream ports(std::filesystem::exists(_dir.file("ports")) ? readFile(_dir.file("ports")) : "");
  if (!(ports >> _tokenPort >> _smtpPort)) {
    std::string why = readFile(_dir.file("server.err"));
    ::kill(_pid, SIGKILL);
    waitProcess(_pid);
    throw std::runtime_error("the OAuth mail server did not start (python3-aiosmtpd installed?): " + why);
  }
}

OAuthMailServer::~OAuthMailServer() {
  ::kill(_pid, SIGTERM);
  waitProcess(_pid);
}

std::string OAuthMailServer::tokenUrl() const {
  return "https://localhost:" + std::to_string(_tokenPort) + "/tenant/oauth2/v2.0/token";
}

void OAuthMailServer::setTokenMode(const std::string& mode) const { writeFile(_dir.file("token-mode"), mode + "\n"); }

void OAuthMailServer::setExpiresIn(int seconds) const {
  writeFile(_dir.file("expires-in"), std::to_string(seconds) + "\n");
}

void OAuthMailServer::revokeTokens() const { writeFile(_dir.file("revoke"), "all\n"); }

std::vector<std::string> OAuthMailServer::events(const std::string& prefix) const {
  std::vector<std::string> lines;
  std::ifstream in(_dir.file("events"));
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) == 0) lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> OAuthMailServer::tokens() const {
  std::vector<std::string> values;
  for (const std::string& line : events("token ")) values.push_back(line.substr(6));
  return values;
}

std::string OAuthMailServer::message(std::size_t n) const {
  return readFile(_dir.file("message-" + std::to_string(n) + ".eml"));
}

}  // namespace profkpi::tests

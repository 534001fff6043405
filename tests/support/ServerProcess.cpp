#include "tests/support/ServerProcess.h"

#include "tests/support/Documents.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <chrono>
#include <csignal>
#include <stdexcept>
#include <thread>

namespace profkpi::tests {

int freePort() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  return socket.address().port();
}

HttpResult httpRequest(int port, const std::string& method, const std::string& path, const std::string& body,
                       const std::map<std::string, std::string>& headers) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!body.empty() || method == "POST") request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  HttpResult result;
  result.status = response.getStatus();
  for (const auto& [name, value] : response) result.headers[Poco::toLower(name)] = value;
  Poco::StreamCopier::copyToString(in, result.body);
  return result;
}

ServerProcess::ServerProcess(const std::string& extraConfig, std::map<std::string, std::string> env)
    : _config(_dir.file("profkpi.properties")), _env(std::move(env)), _port(freePort()) {
  writeFile(_config, "store.connection = " + _dir.file("store.db") + "\n" +
                         "http.port = " + std::to_string(_port) + "\n" +
                         "inbox.dir = " + _dir.file("inbox") + "\n" +
                         "inbox.pollMilliseconds = 200\n" +
                         "reports.dir = " + _dir.file("reports") + "\n" +
                         "logging.loggers.root.level = information\n" + extraConfig);
  start();
}

ServerProcess::~ServerProcess() {
  if (_pid > 0) stop();
}

void ServerProcess::start() {
  _pid = spawnProcess({profkpiBinary(), "serve", "--config", _config}, _dir.file("serve.out"), logPath(), _env);
  for (int i = 0; i < 600; ++i) {  // 30 s: a loaded machine starts it slowly
    try {
      if (request("GET", "/healthz").status == 200) return;
    } catch (const Poco::Exception&) {
      // not listening yet
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("profkpi serve did not start: " + readFile(logPath()));
}

int ServerProcess::stop() {
  terminate();
  return waitForExit();
}

void ServerProcess::terminate() { ::kill(_pid, SIGTERM); }

int ServerProcess::waitForExit() {
  int status = waitProcess(_pid);
  _pid = -1;
  return status;
}

void ServerProcess::kill() {
  ::kill(_pid, SIGKILL);
  waitProcess(_pid);
  _pid = -1;
}

std::string ServerProcess::addKey(const std::string& organisation, const std::string& role) {
  ProcessResult r = runProcess({profkpiBinary(), "keys", "add", "--config", _config, "--org", organisation, "--role", role});
  if (r.exitCode != 0) throw std::runtime_error("keys add failed: " + r.err);
  return Poco::trim(r.out);
}

HttpResult ServerProcess::request(const std::string& method, const std::string& path, const std::string& body,
                                  const std::map<std::string, std::string>& headers) const {
  return httpRequest(_port, method, path, body, headers);
}

HttpResult ServerProcess::post(const std::string& key, const std::string& xml, const std::string& contentType) const {
  std::map<std::string, std::string> headers{{"Content-Type", contentType}};
  if (!key.empty()) headers["Authorization"] = "Bearer " + key;
  return request("POST", "/api/v1/submissions", xml, headers);
}

}  // namespace profkpi::tests

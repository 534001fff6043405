#include "tests/support/ServerProcess.h"

#include "tests/support/Documents.h"
#include "tests/support/StoreFixture.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <regex>
#include <stdexcept>
#include <thread>

namespace profkpi::tests {

namespace {

// The first instance keeps the single-instance names (profkpi.properties,
// serve.log), so one instance is laid out exactly as before.
std::string numbered(const std::string& stem, const std::string& extension, std::size_t instance) {
  return instance == 0 ? stem + extension : stem + "-" + std::to_string(instance + 1) + extension;
}

// Two instances under one claim name would refuse to start (OPERATIONS.md).
std::string claimNameOf(std::size_t instance, const std::string& extraConfig) {
  static const std::regex claim(R"((^|\n)\s*inbox\.claimName\s*=\s*(\S+))");
  std::smatch given;
  std::string name = std::regex_search(extraConfig, given, claim) ? given[2].str() : "instance";
  return instance == 0 && name != "instance" ? name : name + "-" + std::to_string(instance + 1);
}

}  // namespace

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

std::size_t testInstances() {
  const char* given = std::getenv("PROFKPI_TEST_INSTANCES");
  if (given == nullptr || *given == '\0') return 1;
  int n = std::atoi(given);
  if (n < 1) throw std::runtime_error("PROFKPI_TEST_INSTANCES must be a positive number");
  return static_cast<std::size_t>(n);
}

ServerProcess::ServerProcess(const std::string& extraConfig, std::map<std::string, std::string> env, Start when)
    : _store{"sqlite", _dir.file("store.db")}, _env(std::move(env)) {
  const std::size_t count = testInstances();
  std::string shared;
  if (count > 1) {
    if (!testingPostgres()) {
      throw std::runtime_error("PROFKPI_TEST_INSTANCES > 1 needs PROFKPI_STORE_BACKEND=postgresql: instances share one database");
    }
    _database = std::make_unique<TestDatabase>();
    _store = {"postgresql", _database->connection()};
    shared = "store.connector = postgresql\nstore.connection = " + _store.connection + "\n";
  }
  for (std::size_t i = 0; i < count; ++i) {
    Instance instance;
    instance.config = _dir.file(numbered("profkpi", ".properties", i));
    instance.out = _dir.file(numbered("serve", ".out", i));
    instance.log = _dir.file(numbered("serve", ".log", i));
    instance.port = freePort();
    std::string own = count > 1 ? "inbox.claimName = " + claimNameOf(i, extraConfig) + "\n" : "";
    writeFile(instance.config, "store.connection = " + _dir.file("store.db") + "\n" + shared +
                                   "http.port = " + std::to_string(instance.port) + "\n" +
                                   "inbox.dir = " + _dir.file("inbox") + "\n" +
                                   "inbox.pollMilliseconds = 200\n" +
                                   "reports.dir = " + _dir.file("reports") + "\n" +
                                   "logging.loggers.root.level = information\n" + extraConfig + own);
    _instances.push_back(instance);
  }
  if (when == Start::Later) return;
  try {
    start();
  } catch (...) {
    stop();  // the instances that did start: no destructor runs for a half-built object
    throw;
  }
}

ServerProcess::~ServerProcess() {
  try {
    stop();
  } catch (const std::exception&) {
    // waitpid failed: nothing left to reap, and a destructor must not throw
  }
}

void ServerProcess::start() {
  for (Instance& instance : _instances) startInstance(instance);
}

void ServerProcess::startInstance(Instance& instance) {
  instance.pid = spawnProcess({profkpiBinary(), "serve", "--config", instance.config}, instance.out, instance.log, _env);
  for (int i = 0; i < 600; ++i) {  // 30 s: a loaded machine starts it slowly
    try {
      if (httpRequest(instance.port, "GET", "/healthz").status == 200) return;
    } catch (const Poco::Exception&) {
      // not listening yet
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("profkpi serve did not start: " + readFile(instance.log));
}

int ServerProcess::stop() {
  terminate();
  return waitForExit();
}

// Only instances still running: kill(-1, ...) would signal every process we may.
void ServerProcess::terminate() {
  for (const Instance& instance : _instances) {
    if (instance.pid > 0) ::kill(instance.pid, SIGTERM);
  }
}

int ServerProcess::waitForExit() {
  int first = 0;
  for (Instance& instance : _instances) {
    if (instance.pid <= 0) continue;
    int status = waitProcess(instance.pid);
    instance.pid = -1;
    if (first == 0) first = status;
  }
  return first;
}

void ServerProcess::kill() {
  for (Instance& instance : _instances) {
    if (instance.pid <= 0) continue;
    ::kill(instance.pid, SIGKILL);
    waitProcess(instance.pid);
    instance.pid = -1;
  }
}

std::string ServerProcess::addKey(const std::string& organisation, const std::string& role) {
  ProcessResult r = runProcess({profkpiBinary(), "keys", "add", "--config", configPath(), "--org", organisation, "--role", role});
  if (r.exitCode != 0) throw std::runtime_error("keys add failed: " + r.err);
  return Poco::trim(r.out);
}

std::size_t ServerProcess::nextInTurn() const { return _turn.fetch_add(1) % _instances.size(); }

int ServerProcess::port() const { return portOf(nextInTurn()); }

std::vector<int> ServerProcess::ports() const {
  std::vector<int> all;
  for (const Instance& instance : _instances) all.push_back(instance.port);
  return all;
}

std::string ServerProcess::logs() const {
  std::string all;
  for (const Instance& instance : _instances) all += readFile(instance.log);
  return all;
}

HttpResult ServerProcess::request(const std::string& method, const std::string& path, const std::string& body,
                                  const std::map<std::string, std::string>& headers) const {
  return requestTo(nextInTurn(), method, path, body, headers);
}

HttpResult ServerProcess::post(const std::string& key, const std::string& xml, const std::string& contentType) const {
  return postTo(nextInTurn(), key, xml, contentType);
}

HttpResult ServerProcess::requestTo(std::size_t instance, const std::string& method, const std::string& path,
                                    const std::string& body, const std::map<std::string, std::string>& headers) const {
  return httpRequest(portOf(instance), method, path, body, headers);
}

HttpResult ServerProcess::postTo(std::size_t instance, const std::string& key, const std::string& xml,
                                 const std::string& contentType) const {
  std::map<std::string, std::string> headers{{"Content-Type", contentType}};
  if (!key.empty()) headers["Authorization"] = "Bearer " + key;
  return requestTo(instance, "POST", "/api/v1/submissions", xml, headers);
}

}  // namespace profkpi::tests

#include "tests/support/LoadPosters.h"

#include "tests/support/Documents.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/StreamCopier.h>

#include <chrono>
#include <cstdio>

namespace profkpi::tests {

namespace {

const char* const PERIODS[] = {"2008-09-Q1", "2008-09-Q2", "2008-09-Q3", "2008-09-Q4",
                               "2009-10-Q1", "2009-10-Q2", "2009-10-Q3", "2009-10-Q4"};

// Unique across threads, posts and test runs with other seeds.
std::string submissionId(unsigned seed, int thread, int n) {
  char id[40];
  std::snprintf(id, sizeof id, "%08x-%04x-4000-8000-%012x", seed, thread & 0xffff, n);
  return id;
}

// A valid submission: mostly aggregates (about 1.5 kB), one in five a
// workforce of 100 members (about 7 kB), one in twenty of 1,500 (about 100 kB).
std::string document(const std::string& id, const std::string& organisation, std::mt19937& random) {
  HeaderFields h;
  h.submissionId = id;
  h.organisationCode = organisation;
  h.period = PERIODS[random() % (sizeof PERIODS / sizeof PERIODS[0])];
  h.preparedAt = "2010-06-01T09:00:00Z";
  unsigned size = random() % 20;
  if (size >= 4) {
    AggregateFields f;
    f.staffRecognised = std::to_string(random() % 41);
    return aggregateDocument(h, f);
  }
  return workforceDocument(h, {RoleFields{}}, plainMembers(size == 0 ? 1500 : 100));
}

}  // namespace

LoadPosters::LoadPosters(int port, std::vector<PosterKey> keys, int threads, unsigned seed)
    : _port(port), _keys(std::move(keys)), _threadCount(threads), _seed(seed) {}

LoadPosters::~LoadPosters() { stop(); }

void LoadPosters::start() {
  _stopping = false;
  for (int t = 0; t < _threadCount; ++t) _threads.emplace_back([this, t] { run(t); });
}

void LoadPosters::stop() {
  _stopping = true;
  for (std::thread& t : _threads) t.join();
  _threads.clear();
}

void LoadPosters::run(int thread) {
  std::mt19937 random(_seed + static_cast<unsigned>(thread));
  const PosterKey& key = _keys[static_cast<std::size_t>(thread) % _keys.size()];
  std::vector<std::pair<std::string, std::string>> mine;  // acknowledged: (id, bytes)
  std::pair<std::string, std::string> lost;               // sent, no answer yet
  for (int n = 0; !_stopping; ++n) {
    std::pair<std::string, std::string> next;
    bool resend = false;
    if (!lost.first.empty()) {
      next = lost;  // a client that lost the answer sends the same bytes again
    } else if (!mine.empty() && random() % 5 == 0) {
      next = mine[random() % mine.size()];
      resend = true;
    } else {
      std::string id = submissionId(_seed, thread, n);
      next = {id, document(id, key.organisation, random)};
    }
    {
      std::lock_guard<std::mutex> lock(_mutex);
      _sent.emplace(next.first, next.second);  // before it leaves: the server may store it at once
    }
    int status = post(key.key, next.second);
    record(next.first, next.second, status, resend);
    if (status == 201 || status == 200) mine.push_back(next);
    bool retry = status == NOT_CONNECTED || status == CUT_OFF || status == 503;
    lost = retry ? next : std::pair<std::string, std::string>{};
    if (retry) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

int LoadPosters::post(const std::string& key, const std::string& body) const {
  try {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(_port));
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request("POST", "/api/v1/submissions", Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/xml");
    request.set("Authorization", "Bearer " + key);
    request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::string answer;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), answer);
    return static_cast<int>(response.getStatus());
  } catch (const Poco::Net::ConnectionRefusedException&) {
    return NOT_CONNECTED;
  } catch (const Poco::Exception&) {
    return CUT_OFF;  // reset or closed after the connection was made
  }
}

void LoadPosters::record(const std::string& id, const std::string& body, int status, bool wasAcknowledged) {
  std::lock_guard<std::mutex> lock(_mutex);
  ++_statuses[status];
  if (status > 0) ++_answered;
  if (status == 201 || status == 200) _acknowledged.emplace(id, body);
  if (wasAcknowledged && status == 201) _wrong.push_back(id + ": an acknowledged submission resent was answered 201");
  if (status > 0 && status != 200 && status != 201 && status != 503) {
    _wrong.push_back(id + ": answered " + std::to_string(status));
  }
}

std::map<std::string, std::string> LoadPosters::sent() const {
  std::lock_guard<std::mutex> lock(_mutex);
  return _sent;
}

std::map<std::string, std::string> LoadPosters::acknowledged() const {
  std::lock_guard<std::mutex> lock(_mutex);
  return _acknowledged;
}

std::map<int, int> LoadPosters::statuses() const {
  std::lock_guard<std::mutex> lock(_mutex);
  return _statuses;
}

std::vector<std::string> LoadPosters::wrongAnswers() const {
  std::lock_guard<std::mutex> lock(_mutex);
  return _wrong;
}

}  // namespace profkpi::tests

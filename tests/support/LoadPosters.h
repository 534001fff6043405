// Clients that keep posting submissions to a server while a test kills,
// starves or stops it: each thread posts distinct valid submissions of mixed
// sizes (aggregates, and workforces of 100 and 1,500 members) for the
// organisations it has keys for, now and then an identical resend of one
// already acknowledged, and after a lost answer sends the same bytes again as
// a real client would. Every body sent and every answer is recorded, so the
// test can hold the store to what the clients were told.
#ifndef PROFKPI_TESTS_SUPPORT_LOADPOSTERS_H
#define PROFKPI_TESTS_SUPPORT_LOADPOSTERS_H

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace profkpi::tests {

struct PosterKey {
  std::string organisation;
  std::string key;
};

class LoadPosters {
 public:
  // Pseudo-statuses of requests that got no answer.
  static constexpr int NOT_CONNECTED = 0;  // the connection was refused: nobody listening
  static constexpr int CUT_OFF = -1;       // connected, then reset or closed before an answer

  // `seed` makes the documents, their sizes and the resends replayable.
  LoadPosters(int port, std::vector<PosterKey> keys, int threads, unsigned seed);
  ~LoadPosters();
  LoadPosters(const LoadPosters&) = delete;
  LoadPosters& operator=(const LoadPosters&) = delete;

  void start();
  // Asks every thread to finish its request in hand, and waits for them.
  void stop();

  // SubmissionId -> bytes, for everything sent.
  std::map<std::string, std::string> sent() const;
  // SubmissionId -> bytes, for everything answered 201 or 200.
  std::map<std::string, std::string> acknowledged() const;
  // Answers by status, with NOT_CONNECTED and CUT_OFF for those that got none.
  std::map<int, int> statuses() const;
  // Answers that break the contract: an acknowledged submission resent and
  // answered 201 (stored twice), or a status other than 200, 201 and 503.
  std::vector<std::string> wrongAnswers() const;
  // Requests answered since start (any status).
  int answered() const { return _answered; }

 private:
  void run(int thread);
  // One POST; the status, or NOT_CONNECTED or CUT_OFF.
  int post(const std::string& key, const std::string& body) const;
  void record(const std::string& id, const std::string& body, int status, bool wasAcknowledged);

  int _port;
  std::vector<PosterKey> _keys;
  int _threadCount;
  unsigned _seed;
  std::atomic<bool> _stopping{false};
  std::atomic<int> _answered{0};
  std::vector<std::thread> _threads;
  mutable std::mutex _mutex;
  std::map<std::string, std::string> _sent;
  std::map<std::string, std::string> _acknowledged;
  std::map<int, int> _statuses;
  std::vector<std::string> _wrong;
};

}  // namespace profkpi::tests

#endif

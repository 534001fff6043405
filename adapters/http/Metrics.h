// Counters and a latency histogram, rendered in the Prometheus text format for
// GET /metrics. Thread-safe; label sets are few and fixed (routes, status codes,
// diagnostic codes), so memory stays bounded.
#ifndef PROFKPI_ADAPTERS_HTTP_METRICS_H
#define PROFKPI_ADAPTERS_HTTP_METRICS_H

#include <array>
#include <map>
#include <mutex>
#include <string>

namespace profkpi::adapters::http {

class Metrics {
 public:
  void request(const std::string& route, int status, double seconds);
  void submission(const std::string& outcome);
  void refusal(const std::string& code);
  void storeError();
  void inboxFile(const std::string& result);

  // The exposition text (version 0.0.4).
  std::string render() const;

 private:
  static constexpr std::array<double, 11> BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  struct Histogram {
    std::array<unsigned long long, BUCKETS.size()> buckets{};
    unsigned long long count = 0;
    double sum = 0;
  };

  mutable std::mutex _mutex;
  std::map<std::pair<std::string, int>, unsigned long long> _requests;
  std::map<std::string, Histogram> _latency;
  std::map<std::string, unsigned long long> _submissions;
  std::map<std::string, unsigned long long> _refusals;
  std::map<std::string, unsigned long long> _inbox;
  unsigned long long _storeErrors = 0;
};

}  // namespace profkpi::adapters::http

#endif

#include "adapters/http/Metrics.h"

#include <sstream>

namespace profkpi::adapters::http {

void Metrics::request(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(_mutex);
  ++_requests[{route, status}];
  Histogram& h = _latency[route];
  for (std::size_t i = 0; i < BUCKETS.size(); ++i) {
    if (seconds <= BUCKETS[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::submission(const std::string& outcome) {
  std::lock_guard<std::mutex> lock(_mutex);
  ++_submissions[outcome];
}

void Metrics::refusal(const std::string& code) {
  std::lock_guard<std::mutex> lock(_mutex);
  ++_refusals[code];
}

void Metrics::storeError() {
  std::lock_guard<std::mutex> lock(_mutex);
  ++_storeErrors;
}

void Metrics::inboxFile(const std::string& result) {
  std::lock_guard<std::mutex> lock(_mutex);
  ++_inbox[result];
}

std::string Metrics::render() const {
  std::lock_guard<std::mutex> lock(_mutex);
  std::ostringstream out;
  out << "# HELP profkpi_http_requests_total HTTP requests by route and status.\n"
         "# TYPE profkpi_http_requests_total counter\n";
  for (const auto& [key, count] : _requests) {
    out << "profkpi_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << count << "\n";
  }
  out << "# HELP profkpi_http_request_duration_seconds HTTP request latency by route.\n"
         "# TYPE profkpi_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : _latency) {
    for (std::size_t i = 0; i < BUCKETS.size(); ++i) {
      out << "profkpi_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"" << BUCKETS[i] << "\"} "
          << h.buckets[i] << "\n";
    }
    out << "profkpi_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << h.count << "\n"
        << "profkpi_http_request_duration_seconds_sum{route=\"" << route << "\"} " << h.sum << "\n"
        << "profkpi_http_request_duration_seconds_count{route=\"" << route << "\"} " << h.count << "\n";
  }
  out << "# HELP profkpi_submissions_total Submissions by outcome (accepted, duplicate, conflict, refused, forbidden).\n"
         "# TYPE profkpi_submissions_total counter\n";
  for (const auto& [outcome, count] : _submissions) {
    out << "profkpi_submissions_total{outcome=\"" << outcome << "\"} " << count << "\n";
  }
  out << "# HELP profkpi_refusals_total Errors that refused submissions, by diagnostic code.\n"
         "# TYPE profkpi_refusals_total counter\n";
  for (const auto& [code, count] : _refusals) out << "profkpi_refusals_total{code=\"" << code << "\"} " << count << "\n";
  out << "# HELP profkpi_store_errors_total Store failures answered with 503.\n"
         "# TYPE profkpi_store_errors_total counter\n"
      << "profkpi_store_errors_total " << _storeErrors << "\n";
  out << "# HELP profkpi_inbox_files_total Inbox files processed, by result.\n"
         "# TYPE profkpi_inbox_files_total counter\n";
  for (const auto& [result, count] : _inbox) out << "profkpi_inbox_files_total{result=\"" << result << "\"} " << count << "\n";
  return out.str();
}

}  // namespace profkpi::adapters::http

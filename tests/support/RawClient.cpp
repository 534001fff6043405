#include "tests/support/RawClient.h"

#include <Poco/String.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <stdexcept>

namespace profkpi::tests {

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool RawResponse::closes() const {
  auto it = headers.find("connection");
  return it != headers.end() && Poco::icompare(it->second, "close") == 0;
}

RawConnection::RawConnection(int port, const std::string& from) {
  _fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (_fd < 0) throw std::runtime_error("socket: " + std::string(std::strerror(errno)));
  if (!from.empty()) {
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, from.c_str(), &local.sin_addr);
    if (::bind(_fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
      throw std::runtime_error("bind " + from + ": " + std::strerror(errno));
    }
  }
  sockaddr_in server{};
  server.sin_family = AF_INET;
  server.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
  if (::connect(_fd, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) {
    std::string why = std::strerror(errno);
    ::close(_fd);
    throw std::runtime_error("connect: " + why);
  }
}

RawConnection::~RawConnection() {
  if (_fd >= 0) ::close(_fd);
}

bool RawConnection::send(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(_fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

void RawConnection::shutdownWrite() { ::shutdown(_fd, SHUT_WR); }

bool RawConnection::fill(double deadline) {
  if (_ended) return false;
  double left = deadline - now();
  if (left <= 0) return false;
  pollfd p{_fd, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(left * 1000) + 1) <= 0) return false;
  char buffer[65536];
  ssize_t n = ::recv(_fd, buffer, sizeof buffer, 0);
  if (n <= 0) {
    _ended = true;
    return false;
  }
  _buffer.append(buffer, static_cast<std::size_t>(n));
  return true;
}

std::optional<RawResponse> RawConnection::readResponse(double seconds, bool headOnly) {
  double deadline = now() + seconds;
  std::size_t headEnd;
  while ((headEnd = _buffer.find("\r\n\r\n")) == std::string::npos) {
    if (!fill(deadline)) return std::nullopt;
  }
  RawResponse response;
  std::string head = _buffer.substr(0, headEnd);
  std::size_t lineEnd = head.find("\r\n");
  response.statusLine = head.substr(0, lineEnd);
  if (response.statusLine.size() >= 12) response.status = std::atoi(response.statusLine.c_str() + 9);
  std::size_t at = lineEnd == std::string::npos ? head.size() : lineEnd + 2;
  while (at < head.size()) {
    std::size_t end = head.find("\r\n", at);
    if (end == std::string::npos) end = head.size();
    std::string line = head.substr(at, end - at);
    std::size_t colon = line.find(':');
    if (colon != std::string::npos) {
      response.headers[Poco::toLower(line.substr(0, colon))] = Poco::trim(line.substr(colon + 1));
    }
    at = end + 2;
  }
  std::size_t length = 0;
  if (auto it = response.headers.find("content-length"); it != response.headers.end() && !headOnly) {
    length = std::stoul(it->second);
  }
  while (_buffer.size() < headEnd + 4 + length) {
    if (!fill(deadline)) return std::nullopt;
  }
  response.body = _buffer.substr(headEnd + 4, length);
  _buffer.erase(0, headEnd + 4 + length);
  return response;
}

bool RawConnection::closedWithin(double seconds) {
  double deadline = now() + seconds;
  while (!_ended) {
    if (!fill(deadline) && !_ended) return false;
  }
  return true;
}

}  // namespace profkpi::tests

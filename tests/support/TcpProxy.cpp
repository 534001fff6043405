#include "tests/support/TcpProxy.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

namespace profkpi::tests {

namespace {

sockaddr_in loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

// Everything of `n` bytes, or false when the other side is gone.
bool sendAll(int fd, const char* data, ssize_t n) {
  while (n > 0) {
    ssize_t sent = ::send(fd, data, static_cast<std::size_t>(n), MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return false;
    data += sent;
    n -= sent;
  }
  return true;
}

}  // namespace

TcpProxy::TcpProxy(int targetPort) : _targetPort(targetPort) {
  _listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address = loopback(0);
  socklen_t length = sizeof address;
  int pipeFds[2];
  if (_listener < 0 || ::bind(_listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(_listener, 64) != 0 || ::getsockname(_listener, reinterpret_cast<sockaddr*>(&address), &length) != 0 ||
      ::pipe2(pipeFds, O_CLOEXEC) != 0) {
    std::string why = std::strerror(errno);
    if (_listener >= 0) ::close(_listener);
    throw std::runtime_error("TcpProxy: cannot listen: " + why);
  }
  _port = ntohs(address.sin_port);
  _wakeRead = pipeFds[0];
  _wakeWrite = pipeFds[1];
  _thread = std::thread([this] { run(); });
}

TcpProxy::~TcpProxy() {
  _stop = true;
  wake();
  _thread.join();
  for (auto [client, server] : _pairs) {
    ::close(client);
    ::close(server);
  }
  ::close(_listener);
  ::close(_wakeRead);
  ::close(_wakeWrite);
}

// Shut down here, closed by the thread that polls them (a descriptor closed
// under poll() could be reused by the next accept).
int TcpProxy::cut() {
  std::lock_guard<std::mutex> lock(_mutex);
  for (auto [client, server] : _pairs) {
    ::shutdown(client, SHUT_RDWR);
    ::shutdown(server, SHUT_RDWR);
  }
  int count = static_cast<int>(_pairs.size());
  wake();
  return count;
}

int TcpProxy::open() const {
  std::lock_guard<std::mutex> lock(_mutex);
  return static_cast<int>(_pairs.size());
}

void TcpProxy::wake() {
  char byte = 0;
  [[maybe_unused]] ssize_t n = ::write(_wakeWrite, &byte, 1);
}

void TcpProxy::run() {
  char buffer[65536];
  while (!_stop) {
    std::vector<pollfd> polled{{_listener, POLLIN, 0}, {_wakeRead, POLLIN, 0}};
    std::vector<std::pair<int, int>> pairs;
    {
      std::lock_guard<std::mutex> lock(_mutex);
      pairs = _pairs;
    }
    for (auto [client, server] : pairs) {
      polled.push_back({client, POLLIN, 0});
      polled.push_back({server, POLLIN, 0});
    }
    if (::poll(polled.data(), polled.size(), 1000) < 0) continue;
    if (polled[1].revents != 0) {
      ssize_t drained = ::read(_wakeRead, buffer, sizeof buffer);
      (void)drained;
    }
    if (polled[0].revents & POLLIN) {
      int client = ::accept4(_listener, nullptr, nullptr, SOCK_CLOEXEC);
      if (client >= 0) {
        int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in target = loopback(_targetPort);
        if (server >= 0 && ::connect(server, reinterpret_cast<sockaddr*>(&target), sizeof target) == 0) {
          std::lock_guard<std::mutex> lock(_mutex);
          _pairs.emplace_back(client, server);
        } else {
          if (server >= 0) ::close(server);
          ::close(client);
        }
      }
    }
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      auto [client, server] = pairs[i];
      bool open = true;
      for (int side = 0; side < 2 && open; ++side) {
        const pollfd& p = polled[2 + 2 * i + side];
        if (p.revents == 0) continue;
        int from = side == 0 ? client : server;
        int to = side == 0 ? server : client;
        ssize_t n = ::recv(from, buffer, sizeof buffer, 0);
        open = n > 0 && sendAll(to, buffer, n);
      }
      if (!open) {
        std::lock_guard<std::mutex> lock(_mutex);
        ::close(client);
        ::close(server);
        for (auto it = _pairs.begin(); it != _pairs.end(); ++it) {
          if (it->first == client) {
            _pairs.erase(it);
            break;
          }
        }
      }
    }
  }
}

}  // namespace profkpi::tests

// A TCP proxy on 127.0.0.1 for tests of what a client makes of a connection
// that breaks without the server's word (a cable pulled, a firewall's reset):
// every connection made to port() is forwarded to the target, and cut() closes
// all of them at once on both sides, the server's side learning of it only
// when it next writes. New connections are forwarded after a cut as before.
// One thread of its own; thread-safe.
#ifndef PROFKPI_TESTS_SUPPORT_TCPPROXY_H
#define PROFKPI_TESTS_SUPPORT_TCPPROXY_H

#include <atomic>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace profkpi::tests {

class TcpProxy {
 public:
  // Forwards to 127.0.0.1:targetPort. Throws std::runtime_error when it cannot listen.
  explicit TcpProxy(int targetPort);
  ~TcpProxy();
  TcpProxy(const TcpProxy&) = delete;
  TcpProxy& operator=(const TcpProxy&) = delete;

  int port() const { return _port; }
  // Closes every connection forwarded so far; returns how many there were.
  int cut();
  // Connections forwarded and still open.
  int open() const;

 private:
  void run();
  void wake();

  int _targetPort;
  int _listener = -1;
  int _port = 0;
  int _wakeRead = -1;
  int _wakeWrite = -1;
  std::atomic<bool> _stop{false};
  mutable std::mutex _mutex;
  std::vector<std::pair<int, int>> _pairs;  // client socket, server socket
  std::thread _thread;
};

}  // namespace profkpi::tests

#endif

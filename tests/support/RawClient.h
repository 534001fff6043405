// A raw TCP client for hostile-HTTP tests: it sends exactly the bytes it is
// given (no HTTP library to fix up a request) and reads responses back as bytes.
#ifndef PROFKPI_TESTS_SUPPORT_RAWCLIENT_H
#define PROFKPI_TESTS_SUPPORT_RAWCLIENT_H

#include <map>
#include <optional>
#include <string>

namespace profkpi::tests {

struct RawResponse {
  std::string statusLine;  // "HTTP/1.1 400 Bad Request"
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  bool closes() const;  // Connection: close
};

class RawConnection {
 public:
  // Connects to 127.0.0.1:port, from `from` (any loopback address) when given.
  explicit RawConnection(int port, const std::string& from = {});
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // False when the server has closed or reset the connection.
  bool send(const std::string& bytes);
  // One whole response (interim 1xx ones included, as they come); nothing
  // when the connection ends first or `seconds` pass.
  // `headOnly`: the answer to a HEAD request, whose Content-Length has no body.
  std::optional<RawResponse> readResponse(double seconds = 10, bool headOnly = false);
  // True when the server closes (or resets) the connection within `seconds`;
  // what arrives before is collected in received().
  bool closedWithin(double seconds);
  const std::string& received() const { return _buffer; }
  // Stops sending (FIN), keeps reading.
  void shutdownWrite();
  int fd() const { return _fd; }

 private:
  // Reads what arrives within the deadline; false on end of stream or timeout.
  bool fill(double deadline);
  int _fd = -1;
  std::string _buffer;
  bool _ended = false;
};

// Seconds since an arbitrary start (steady clock).
double now();

}  // namespace profkpi::tests

#endif

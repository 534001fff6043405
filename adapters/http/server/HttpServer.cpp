#include "adapters/http/server/HttpServer.h"

#include "adapters/http/ClientAddress.h"
#include "adapters/http/server/BodyBudget.h"
#include "adapters/http/server/ChunkedDecoder.h"
#include "adapters/http/server/RequestHead.h"
#include "engine/common/WorkerPool.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Logger.h>
#include <Poco/Net/NetException.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

namespace profkpi::adapters::http {

namespace {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;

constexpr std::uint64_t LISTENER = 0;
constexpr std::uint64_t WAKER = 1;
// After a response that closes the connection, the client's remaining bytes
// are read and dropped, so that closing does not reset the connection and
// destroy the response before the client has read it: for as long as they
// keep coming (a pause ends it), and at most LINGER in all.
constexpr auto LINGER = std::chrono::seconds(30);
constexpr auto LINGER_PAUSE = std::chrono::seconds(5);
constexpr auto TICK = std::chrono::milliseconds(100);
// How long an admitted request waits for room in the body budget (at most
// its body deadline) before it is answered 503.
constexpr auto BUDGET_WAIT = std::chrono::seconds(5);
// Each body counts four times against the budget: while a 32 MB submission is
// validated and stored, serve's memory grows by about 3.7 times its size (the
// body, the store's blob, SQLite's own copy of it; bench/http-hostile.py).
constexpr std::int64_t BODY_COPIES = 4;
constexpr std::size_t READ_CHUNK = 65536;
// Bytes read from one socket per readiness event, so that one fast sender
// cannot keep the thread from every other connection (epoll reports it again).
constexpr std::size_t READ_PER_EVENT = 262144;
// A stopping server lets a response that became ready late this long to be read.
constexpr auto SHUTDOWN_GRACE = std::chrono::seconds(2);
// A connection accepted just before the stop, whose first request has not come
// in yet (the client connected, then sends), gets this long to send it.
constexpr auto SHUTDOWN_FIRST_REQUEST = std::chrono::seconds(1);
// Before a chunked body's size is known it takes this much of the budget.
constexpr std::int64_t CHUNKED_SHARE = 1048576;

std::chrono::seconds seconds(int n) { return std::chrono::seconds(n); }

// Where a connection is in its current request.
enum class Phase {
  Head,       // waiting for (the rest of) a request head; idle between requests
  Admitting,  // a worker runs the handler's admit()
  Budget,     // admitted; waiting for room in the body budget
  Body,       // reading the body
  Serving,    // a worker runs the handler's serve()
  Writing,    // writing the response
  Lingering,  // response written, write side shut: dropping what the client still sends
};

// One request's state, shared with the worker that handles it.
struct InFlight {
  HttpRequest request;
  std::unique_ptr<RequestHandler> handler;
  std::optional<HttpResponse> response;
};

struct Connection {
  explicit Connection(BodyBudget& budget) : lease(budget) {}
  std::uint64_t id = 0;
  int fd = -1;
  std::string peer;
  bool viaProxy = false;
  Phase phase = Phase::Head;
  std::uint32_t events = 0;
  TimePoint deadline;
  bool started = false;    // a byte of the current request has arrived
  std::string in;          // received, not yet consumed
  std::shared_ptr<InFlight> inFlight;
  ChunkedDecoder chunks;
  BodyLease lease;
  TimePoint bodyDeadline;
  TimePoint lingerEnd;
  std::int64_t dropped = 0;  // bytes read and thrown away since the response was decided
  std::size_t scanned = 0;   // how much of `in` the search for the head's end has seen
  std::string out;
  std::size_t written = 0;
  bool closeAfterWrite = false;
  bool dropInput = false;  // the body was not read: read and drop while writing
  bool peerGone = false;   // the client hung up while a worker had the request
  bool closed = false;     // closed; destroyed at the end of the loop's turn
  int served = 0;
  std::string forwardedClient;  // counted in the per-client requests while set
};

std::string peerAddress(const sockaddr_storage& address) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(address).sin_addr, text, sizeof text);
    return text;
  }
  const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
  if (IN6_IS_ADDR_V4MAPPED(&v6.sin6_addr)) {
    inet_ntop(AF_INET, &v6.sin6_addr.s6_addr[12], text, sizeof text);
  } else {
    inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
  }
  return text;
}

std::string serialise(const HttpResponse& response, bool headOnly, bool close) {
  std::string text = "HTTP/1.1 " + std::to_string(response.status) + " " + reasonPhrase(response.status) + "\r\n";
  text += "Date: " + Poco::DateTimeFormatter::format(Poco::Timestamp(), Poco::DateTimeFormat::HTTP_FORMAT) + "\r\n";
  text += "Server: profkpi\r\n";
  for (const Header& h : response.headers) {
    // A value carrying a line end would start a header of its own.
    std::string value = h.value;
    std::replace_if(value.begin(), value.end(), [](char ch) { return ch == '\r' || ch == '\n'; }, ' ');
    text += h.name + ": " + value + "\r\n";
  }
  text += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
  if (close) text += "Connection: close\r\n";
  text += "\r\n";
  if (!headOnly) text += response.body;
  return text;
}

int listenOn(const HttpOptions& options) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  std::string port = std::to_string(options.port);
  if (int rc = getaddrinfo(options.host.c_str(), port.c_str(), &hints, &found); rc != 0) {
    throw Poco::Net::NetException("cannot resolve " + options.host + ": " + gai_strerror(rc));
  }
  std::string error = "no address";
  int fd = -1;
  for (addrinfo* a = found; a != nullptr && fd < 0; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    // SO_REUSEADDR lets a restart bind while old connections linger in
    // TIME_WAIT; no SO_REUSEPORT, so a port another process listens on is an error.
    int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, std::max(options.queue, 16)) != 0) {
      error = std::strerror(errno);
      ::close(fd);
      fd = -1;
    }
  }
  freeaddrinfo(found);
  if (fd < 0) throw Poco::Net::NetException("cannot listen on " + options.host + ":" + port + ": " + error);
  return fd;
}

int boundPort(int fd) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  if (address.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in&>(address).sin_port);
  return ntohs(reinterpret_cast<sockaddr_in6&>(address).sin6_port);
}

}  // namespace

class HttpServer::Reactor {
 public:
  Reactor(const HttpOptions& options, HttpApplication& application)
      : _options(options), _application(application), _budget(options.maxBufferedBodyBytes),
        _listener(listenOn(options)), _port(boundPort(_listener)), _log(Poco::Logger::get("http")) {
    _epoll = ::epoll_create1(EPOLL_CLOEXEC);
    _waker = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    watch(_listener, LISTENER, EPOLLIN);
    watch(_waker, WAKER, EPOLLIN);
  }

  ~Reactor() {
    stop();
    if (_listener >= 0) ::close(_listener);
    ::close(_waker);
    ::close(_epoll);
  }

  int port() const { return _port; }

  void start() {
    _workers = std::make_unique<engine::WorkerPool>(static_cast<std::size_t>(std::max(_options.threads, 1)));
    _thread = std::thread([this] { run(); });
  }

  void stop() {
    if (!_thread.joinable()) return;
    _stopRequested = true;
    wake();
    _thread.join();
    _workers.reset();  // every job has finished: the loop waited for them
  }

 private:
  // --- epoll and the loop ---

  void watch(int fd, std::uint64_t id, std::uint32_t events) {
    epoll_event e{};
    e.events = events;
    e.data.u64 = id;
    ::epoll_ctl(_epoll, EPOLL_CTL_ADD, fd, &e);
  }

  void setEvents(Connection& c, std::uint32_t events) {
    if (c.events == events || c.peerGone) return;
    epoll_event e{};
    e.events = events;
    e.data.u64 = c.id;
    ::epoll_ctl(_epoll, EPOLL_CTL_MOD, c.fd, &e);
    c.events = events;
  }

  void wake() {
    std::uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(_waker, &one, sizeof one);
  }

  void run() {
    epoll_event events[256];
    TimePoint lastTick = Clock::now();
    while (true) {
      int n = ::epoll_wait(_epoll, events, 256, static_cast<int>(TICK.count()));
      for (int i = 0; i < n; ++i) {
        std::uint64_t id = events[i].data.u64;
        if (id == LISTENER) {
          acceptAll();
        } else if (id == WAKER) {
          std::uint64_t count;
          while (::read(_waker, &count, sizeof count) > 0) {
          }
        } else if (auto it = _connections.find(id); it != _connections.end() && !it->second->closed) {
          onEvent(*it->second, events[i].events);
        }
      }
      handleCompletions();
      advancePipelines();
      if (_stopRequested && !_stopping) beginShutdown();
      TimePoint now = Clock::now();
      if (now - lastTick >= TICK) {
        lastTick = now;
        onTick(now);
      }
      for (std::uint64_t id : _closed) _connections.erase(id);
      _closed.clear();
      if (_stopping && _connections.empty() && _jobs == 0) return;
    }
  }

  // Requests that arrived behind the one just answered.
  void advancePipelines() {
    while (!_ready.empty()) {
      std::vector<std::uint64_t> ready;
      ready.swap(_ready);
      for (std::uint64_t id : ready) {
        auto it = _connections.find(id);
        if (it == _connections.end()) continue;
        Connection& c = *it->second;
        if (!c.closed && c.phase == Phase::Head && !c.in.empty()) advanceHead(c);
      }
    }
  }

  // --- accepting ---

  void acceptAll() {
    while (!_stopping) {
      sockaddr_storage address{};
      socklen_t length = sizeof address;
      int fd = ::accept4(_listener, reinterpret_cast<sockaddr*>(&address), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
          // Out of descriptors: stop listening for a moment instead of spinning.
          ::epoll_ctl(_epoll, EPOLL_CTL_DEL, _listener, nullptr);
          _acceptPausedUntil = Clock::now() + TICK;
          _log.warning("accept: %s; pausing new connections", std::string(std::strerror(errno)));
        }
        return;
      }
      std::string peer = peerAddress(address);
      bool viaProxy = std::find(_options.trustedProxies.begin(), _options.trustedProxies.end(), peer) !=
                      _options.trustedProxies.end();
      if (static_cast<int>(_connections.size()) >= _options.maxConnections) {
        refuseAtAccept(fd, peer, 503, "the server has too many connections open; try again shortly");
        continue;
      }
      if (!viaProxy && _perPeer[peer] >= _options.maxConnectionsPerClient) {
        refuseAtAccept(fd, peer, 429, "too many connections from this address (http.maxConnectionsPerClient = " +
                                          std::to_string(_options.maxConnectionsPerClient) + ")");
        continue;
      }
      int on = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
      auto c = std::make_unique<Connection>(_budget);
      c->id = _nextId++;
      c->fd = fd;
      c->peer = peer;
      c->viaProxy = viaProxy;
      c->events = EPOLLIN;
      c->deadline = Clock::now() + seconds(_options.headerSeconds);
      watch(fd, c->id, EPOLLIN);
      ++_perPeer[peer];
      _connections.emplace(c->id, std::move(c));
    }
  }

  void refuseAtAccept(int fd, const std::string& peer, int status, const std::string& detail) {
    HttpResponse response = problemResponse(status, reasonPhrase(status), detail);
    response.set("Retry-After", "1");
    std::string text = serialise(response, false, true);
    [[maybe_unused]] ssize_t n = ::send(fd, text.data(), text.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(fd, SHUT_WR);
    // Unread bytes at close would reset the connection and lose the answer:
    // take what the client has already sent.
    char buffer[16384];
    for (int i = 0; i < 16 && ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT) > 0; ++i) {
    }
    ::close(fd);
    HttpRequest nothing;
    nothing.peer = peer;
    _application.answeredByServer(nothing, status);
  }

  // --- socket events ---

  void onEvent(Connection& c, std::uint32_t events) {
    bool busy = c.phase == Phase::Admitting || c.phase == Phase::Serving;
    if ((events & (EPOLLERR | EPOLLHUP)) && busy) {
      // A worker has the request: stop watching; close once it is done.
      ::epoll_ctl(_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
      c.peerGone = true;
      return;
    }
    if ((events & EPOLLOUT) && c.phase == Phase::Writing) writeSome(c);
    if (!c.closed && (events & (EPOLLIN | EPOLLERR | EPOLLHUP))) readSome(c);
  }

  // Reads what has arrived and acts on it.
  void readSome(Connection& c) {
    char buffer[READ_CHUNK];
    std::size_t readNow = 0;
    while (!c.closed && readNow < READ_PER_EVENT) {
      if (c.phase == Phase::Head && c.in.size() > _limits.maxHeadBytes + 2) break;  // enough to answer 431
      ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
      if (n > 0) {
        readNow += static_cast<std::size_t>(n);
        if (c.phase == Phase::Lingering || (c.phase == Phase::Writing && c.dropInput)) {
          // Drop what the client still sends, up to about one body's worth.
          c.dropped += n;
          if (c.dropped > _dropLimit) return close(c);
          if (c.phase == Phase::Lingering) c.deadline = std::min(c.lingerEnd, Clock::now() + LINGER_PAUSE);
          continue;
        }
        c.in.append(buffer, static_cast<std::size_t>(n));
        if (c.phase == Phase::Body) {
          advanceBody(c);
          if (c.closed || c.phase != Phase::Body) return;
        }
        if (static_cast<std::size_t>(n) < sizeof buffer) break;
        if (c.phase != Phase::Head && c.phase != Phase::Body) break;
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
      if (n < 0 && errno == EINTR) continue;
      // The client closed (or reset) its side.
      if (c.phase == Phase::Writing && n == 0) {
        c.dropInput = false;  // nothing more will come; finish writing if it still reads
        setEvents(c, EPOLLOUT);
        return;
      }
      if (c.phase == Phase::Body) {
        _log.information("%s %s: the client closed the connection before the whole body arrived",
                         c.inFlight->request.method, c.inFlight->request.target);
        _application.answeredByServer(c.inFlight->request, 400);
      } else if (c.phase == Phase::Head && c.started) {
        _application.answeredByServer(HttpRequest{}, 400);
      }
      close(c);
      return;
    }
    if (!c.closed && c.phase == Phase::Head) advanceHead(c);
  }

  // --- the request head ---

  void advanceHead(Connection& c) {
    if (!c.started) {
      std::size_t blank = leadingEmptyLines(c.in);
      // Strip the empty lines, but keep a lone CR that may start the next CRLF.
      if (blank > 0) c.in.erase(0, blank);
      if (c.in.empty() || c.in == "\r") return;
      c.started = true;
      c.scanned = 0;
      // A new connection's first head has headerSeconds from the accept, a later one from its first byte.
      TimePoint limit = Clock::now() + seconds(_options.headerSeconds);
      c.deadline = c.served == 0 ? std::min(c.deadline, limit) : limit;
    }
    std::size_t length = headLength(c.in, c.scanned);
    c.scanned = c.in.size();
    if (length == 0) {
      if (c.in.size() > _limits.maxHeadBytes) {
        refuse(c, HttpRequest{}, 431, "Request header fields too large",
               "the request head may be at most " + std::to_string(_limits.maxHeadBytes) + " bytes", true);
      }
      return;
    }
    auto inFlight = std::make_shared<InFlight>();
    HttpRequest& request = inFlight->request;
    request.peer = c.peer;
    std::string_view head = std::string_view(c.in).substr(0, length);
    std::optional<HeadError> error = parseHead(head, _options.maxBodyBytes, _limits, request);
    c.in.erase(0, length);
    if (error) return refuse(c, request, error->status, error->title, error->detail, true);
    if (c.viaProxy) {
      std::string client = clientAddress(c.peer, request.headerValues("X-Forwarded-For"), _options.trustedProxies);
      if (_perForwardedClient[client] >= _options.maxConnectionsPerClient) {
        return refuse(c, request, 429, "Too many requests",
                      "too many requests in progress from this client (http.maxConnectionsPerClient = " +
                          std::to_string(_options.maxConnectionsPerClient) + ")",
                      request.hasBody());
      }
      ++_perForwardedClient[client];
      c.forwardedClient = client;
    }
    if (_jobs >= _options.queue + _options.threads) {
      return refuse(c, request, 503, "Service unavailable", "the server is busy; try again shortly", request.hasBody());
    }
    c.inFlight = std::move(inFlight);
    c.phase = Phase::Admitting;
    setEvents(c, 0);
    dispatch(c, [](InFlight& x) {
      x.response = x.handler->admit(x.request);
      if (!x.response && !x.request.hasBody()) x.response = x.handler->serve(x.request);
    }, true);
  }

  // Answers a request the server refuses itself. `unread`: the client may still
  // be sending a body (or garbage), so the connection closes after the answer.
  void refuse(Connection& c, const HttpRequest& request, int status, const std::string& title,
              const std::string& detail, bool unread) {
    _application.answeredByServer(request, status);
    HttpResponse response = problemResponse(status, title, detail, request.target);
    if (status == 503 || status == 429) response.set("Retry-After", "1");
    respond(c, std::move(response), unread, request);
  }

  // --- workers ---

  template <typename Step>
  void dispatch(Connection& c, Step step, bool admitting) {
    ++_jobs;
    std::shared_ptr<InFlight> inFlight = c.inFlight;
    std::uint64_t id = c.id;
    _workers->submit([this, inFlight, id, step, admitting] {
      try {
        if (admitting) inFlight->handler = _application.handlerFor(inFlight->request);
        step(*inFlight);
      } catch (const std::exception& e) {
        _log.error("%s %s: %s", inFlight->request.method, inFlight->request.target, std::string(e.what()));
        inFlight->response = problemResponse(500, "Internal server error", "", inFlight->request.target);
      } catch (...) {
        _log.error("%s %s: an unknown exception", inFlight->request.method, inFlight->request.target);
        inFlight->response = problemResponse(500, "Internal server error", "", inFlight->request.target);
      }
      {
        std::lock_guard<std::mutex> lock(_doneMutex);
        _done.push_back(id);
      }
      wake();
    });
  }

  void handleCompletions() {
    std::deque<std::uint64_t> done;
    {
      std::lock_guard<std::mutex> lock(_doneMutex);
      done.swap(_done);
    }
    for (std::uint64_t id : done) {
      --_jobs;
      auto it = _connections.find(id);
      if (it == _connections.end()) continue;
      Connection& c = *it->second;
      if (c.closed) continue;
      if (c.peerGone) {
        close(c);
        continue;
      }
      if (c.phase == Phase::Admitting) {
        admitted(c);
      } else {
        respond(c, std::move(*c.inFlight->response), false, c.inFlight->request);
      }
    }
  }

  // --- the body ---

  // What a body takes of the budget before it is read.
  std::int64_t bodyShare(const HttpRequest& request) const {
    return BODY_COPIES * (request.chunked ? std::min(CHUNKED_SHARE, _options.maxBodyBytes) : *request.contentLength);
  }

  void admitted(Connection& c) {
    InFlight& x = *c.inFlight;
    if (x.response) {
      // Refused before the body (or answered, for a request without one).
      respond(c, std::move(*x.response), x.request.hasBody(), x.request);
      return;
    }
    c.bodyDeadline = Clock::now() + seconds(_options.bodySeconds);
    if (!c.lease.growTo(bodyShare(x.request))) {
      c.phase = Phase::Budget;
      c.deadline = std::min(c.bodyDeadline, Clock::now() + BUDGET_WAIT);
      return;
    }
    startBody(c);
  }

  void startBody(Connection& c) {
    HttpRequest& request = c.inFlight->request;
    c.phase = Phase::Body;
    c.deadline = c.bodyDeadline;
    c.chunks = ChunkedDecoder();
    if (request.contentLength) request.body.reserve(static_cast<std::size_t>(*request.contentLength));
    if (request.expectContinue && c.in.empty()) {
      static const char CONTINUE[] = "HTTP/1.1 100 Continue\r\n\r\n";
      ::send(c.fd, CONTINUE, sizeof CONTINUE - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    setEvents(c, EPOLLIN);
    advanceBody(c);
    if (!c.closed && c.phase == Phase::Body) readSome(c);
  }

  // Consumes received bytes into the body; dispatches serve() once it is whole.
  void advanceBody(Connection& c) {
    HttpRequest& request = c.inFlight->request;
    if (request.chunked) {
      std::size_t used = c.chunks.feed(c.in, request.body, _options.maxBodyBytes);
      c.in.erase(0, used);
      if (c.chunks.failed()) {
        if (c.chunks.tooLarge()) return refuse(c, request, 413, "Payload too large", c.chunks.error(), true);
        return refuse(c, request, 400, "Bad request", c.chunks.error(), true);
      }
      if (!c.lease.growTo(BODY_COPIES * static_cast<std::int64_t>(request.body.size()))) {
        return refuse(c, request, 503, "Service unavailable",
                      "the server holds too many request bodies; try again shortly", true);
      }
      if (!c.chunks.done()) return;
    } else {
      std::size_t missing = static_cast<std::size_t>(*request.contentLength) - request.body.size();
      std::size_t take = std::min(missing, c.in.size());
      request.body.append(c.in, 0, take);
      c.in.erase(0, take);
      if (request.body.size() < static_cast<std::size_t>(*request.contentLength)) return;
    }
    c.phase = Phase::Serving;
    setEvents(c, 0);
    dispatch(c, [](InFlight& x) { x.response = x.handler->serve(x.request); }, false);
  }

  // --- the response ---

  void respond(Connection& c, HttpResponse response, bool unread, const HttpRequest& request) {
    ++c.served;
    bool close = response.close || unread || _stopping || request.minorVersion == 0 ||
                 hasToken(request, "Connection", "close") || c.served >= _options.keepAliveRequests;
    c.out = serialise(response, request.method == "HEAD", close);
    c.written = 0;
    c.dropped = 0;
    c.closeAfterWrite = close;
    c.dropInput = unread;
    c.phase = Phase::Writing;
    TimePoint now = Clock::now();
    c.deadline = now + seconds(_options.responseSeconds);
    if (_stopping) c.deadline = std::min(c.deadline, std::max(_shutdownDeadline, now + SHUTDOWN_GRACE));
    releaseRequest(c);
    writeSome(c);
    if (!c.closed && c.phase == Phase::Writing) setEvents(c, EPOLLOUT | (c.dropInput ? std::uint32_t(EPOLLIN) : 0u));
  }

  void releaseRequest(Connection& c) {
    c.inFlight.reset();
    c.lease.release();
    if (!c.forwardedClient.empty()) {
      if (--_perForwardedClient[c.forwardedClient] <= 0) _perForwardedClient.erase(c.forwardedClient);
      c.forwardedClient.clear();
    }
  }

  // Writes what the socket takes; once all is written, lingers or waits for the next request.
  void writeSome(Connection& c) {
    while (c.written < c.out.size()) {
      ssize_t n = ::send(c.fd, c.out.data() + c.written, c.out.size() - c.written, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        c.written += static_cast<std::size_t>(n);
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
      return close(c);
    }
    c.out = std::string();
    if (c.closeAfterWrite) {
      ::shutdown(c.fd, SHUT_WR);
      c.phase = Phase::Lingering;
      c.lingerEnd = Clock::now() + LINGER;
      c.deadline = Clock::now() + LINGER_PAUSE;
      setEvents(c, EPOLLIN);
      return;
    }
    c.phase = Phase::Head;
    c.started = false;
    c.deadline = Clock::now() + seconds(_options.keepAliveSeconds);
    setEvents(c, EPOLLIN);
    // The next pipelined request: read on the loop's next step, not from here,
    // so that a long pipeline is a loop and not a deep chain of calls.
    if (!c.in.empty()) _ready.push_back(c.id);
  }

  // --- time ---

  void onTick(TimePoint now) {
    if (_acceptPausedUntil && now >= *_acceptPausedUntil && !_stopping) {
      _acceptPausedUntil.reset();
      watch(_listener, LISTENER, EPOLLIN);
    }
    std::vector<Connection*> expired;
    std::vector<Connection*> waiting;
    for (auto& [id, c] : _connections) {
      if (c->closed) continue;
      if (c->phase == Phase::Budget) waiting.push_back(c.get());
      bool timed = c->phase != Phase::Admitting && c->phase != Phase::Serving;
      if (timed && now >= c->deadline) expired.push_back(c.get());
    }
    for (Connection* c : waiting) {
      if (c->phase == Phase::Budget && now < c->deadline &&
          c->lease.growTo(bodyShare(c->inFlight->request))) {
        startBody(*c);
      }
    }
    for (Connection* c : expired) {
      if (!c->closed) expire(*c);
    }
    if (_stopping && now >= _shutdownDeadline) {
      // Responses written by now have their own (short) deadlines; the rest goes.
      for (auto& [id, c] : _connections) {
        bool keep = c->phase == Phase::Admitting || c->phase == Phase::Serving || c->phase == Phase::Writing;
        if (!c->closed && !keep) close(*c);
      }
    }
  }

  void expire(Connection& c) {
    switch (c.phase) {
      case Phase::Head:
        if (!c.started) {
          close(c);  // idle, or never sent anything
        } else {
          refuse(c, HttpRequest{}, 408, "Request timeout",
                 "the request head was not received within " + std::to_string(_options.headerSeconds) + " seconds",
                 true);
        }
        return;
      case Phase::Budget:
        refuse(c, c.inFlight->request, 503, "Service unavailable",
               "the server holds too many request bodies; try again shortly", true);
        return;
      case Phase::Body:
        refuse(c, c.inFlight->request, 408, "Request timeout",
               "the body was not received within " + std::to_string(_options.bodySeconds) + " seconds", true);
        return;
      case Phase::Writing:
      case Phase::Lingering:
        close(c);
        return;
      case Phase::Admitting:
      case Phase::Serving:
        return;
    }
  }

  // --- shutting down and closing ---

  void beginShutdown() {
    _stopping = true;
    _shutdownDeadline = Clock::now() + seconds(_options.shutdownSeconds);
    // Refuse new clients at once: left open, the kernel would queue their
    // connections until exit and then reset them after they sent their bodies.
    ::epoll_ctl(_epoll, EPOLL_CTL_DEL, _listener, nullptr);
    ::close(_listener);
    _listener = -1;
    const TimePoint firstRequestBy = Clock::now() + SHUTDOWN_FIRST_REQUEST;
    for (auto& [id, c] : _connections) {
      // A connection accepted just before the stop has not sent its first
      // request yet, or it has and it was not read yet: that request is in
      // flight, answered (and the connection closed after it), not cut off
      // unanswered. Idle keep-alive connections close at once.
      if (!c->closed && c->phase == Phase::Head) readSome(*c);
      if (c->closed) continue;
      if (c->phase == Phase::Head && c->served == 0) {
        c->deadline = std::min(c->deadline, firstRequestBy);
      } else if (c->phase == Phase::Head || c->phase == Phase::Lingering) {
        close(*c);
      } else if (c->phase == Phase::Budget) {
        refuse(*c, c->inFlight->request, 503, "Service unavailable", "the server is stopping; try again shortly", true);
      } else if (c->phase == Phase::Writing) {
        c->deadline = std::min(c->deadline, _shutdownDeadline);
      }
    }
  }

  // Closes at once; the connection is destroyed at the end of the loop's turn,
  // so callers further up may still look at it (and see `closed`).
  void close(Connection& c) {
    if (c.closed) return;
    if (!c.peerGone) ::epoll_ctl(_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
    ::close(c.fd);
    c.closed = true;
    c.phase = Phase::Lingering;
    releaseRequest(c);
    if (--_perPeer[c.peer] <= 0) _perPeer.erase(c.peer);
    _closed.push_back(c.id);
  }

  const HttpOptions _options;
  HttpApplication& _application;
  HeadLimits _limits;
  BodyBudget _budget;
  int _listener;
  int _port;
  Poco::Logger& _log;
  int _epoll = -1;
  int _waker = -1;
  std::thread _thread;
  std::unique_ptr<engine::WorkerPool> _workers;
  std::atomic<bool> _stopRequested{false};
  bool _stopping = false;
  TimePoint _shutdownDeadline;
  std::optional<TimePoint> _acceptPausedUntil;
  std::map<std::uint64_t, std::unique_ptr<Connection>> _connections;
  std::map<std::string, int> _perPeer;
  std::map<std::string, int> _perForwardedClient;
  std::uint64_t _nextId = 2;
  int _jobs = 0;
  // Bytes dropped after an early answer before the connection is closed anyway.
  const std::int64_t _dropLimit = std::max<std::int64_t>(_options.maxBodyBytes, CHUNKED_SHARE) + READ_PER_EVENT;
  std::mutex _doneMutex;
  std::deque<std::uint64_t> _done;
  std::vector<std::uint64_t> _closed;
  std::vector<std::uint64_t> _ready;  // connections with a pipelined request to read
};

HttpServer::HttpServer(const HttpOptions& options, HttpApplication& application)
    : _reactor(std::make_unique<Reactor>(options, application)) {}

HttpServer::~HttpServer() = default;

void HttpServer::start() { _reactor->start(); }

void HttpServer::stop() { _reactor->stop(); }

int HttpServer::port() const { return _reactor->port(); }

}  // namespace profkpi::adapters::http

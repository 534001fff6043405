// The HTTP service's settings (http.* in the configuration). Every field: its
// meaning and default.
#ifndef PROFKPI_ADAPTERS_HTTP_HTTPOPTIONS_H
#define PROFKPI_ADAPTERS_HTTP_HTTPOPTIONS_H

#include <cstdint>
#include <string>
#include <vector>

namespace profkpi::adapters::http {

struct HttpOptions {
  // Address and port to listen on. Default 127.0.0.1:8080.
  std::string host = "127.0.0.1";
  int port = 8080;
  // Largest request body accepted; larger ones get 413. Default 32 MiB.
  std::int64_t maxBodyBytes = 33554432;
  // Worker threads that run the handlers. Connections do not hold them: the
  // server's own thread reads and writes every socket. Default 64.
  int threads = 64;
  // Requests waiting for a worker before new ones are answered 503; also the
  // listen backlog. Default 256.
  int queue = 256;
  // Requests served on one keep-alive connection before it is closed. Default 100.
  int keepAliveRequests = 100;
  // Idle time after which a keep-alive connection is closed, in seconds. Default 2.
  int keepAliveSeconds = 2;
  // Longest time from a request's first byte (or a new connection) to the end of its head, in seconds. Default 10.
  int headerSeconds = 10;
  // Longest time to receive a whole request body, in seconds (slow senders are cut off with 408). Default 30.
  int bodySeconds = 30;
  // Longest time to write a whole response to a client that reads slowly, in seconds. Default 30.
  int responseSeconds = 30;
  // Longest time stop() takes: requests in flight are answered, every other
  // connection is closed, and whatever is left then is closed too. Default 10.
  int shutdownSeconds = 10;
  // Connections open at once, in all. Default 1024.
  int maxConnections = 1024;
  // Connections open at once from one client address; behind a trusted proxy,
  // requests in progress per forwarded client. Default 64.
  int maxConnectionsPerClient = 64;
  // Memory for request bodies held at once, across all connections (each body
  // counts four times, for the copies made while it is validated and stored).
  // Default 256 MiB.
  std::int64_t maxBufferedBodyBytes = 268435456;
  // Base URL for links in mails and Location headers; empty for relative. Default empty.
  std::string publicUrl;
  // Reverse proxies (IP addresses) whose X-Forwarded-For names the client, for
  // the failed-authentication limiter and the audit record. Default none.
  std::vector<std::string> trustedProxies;
};

}  // namespace profkpi::adapters::http

#endif

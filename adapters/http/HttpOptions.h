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
  // Worker threads. Poco holds one for the whole life of a keep-alive
  // connection, so this bounds concurrent connections. Default 64.
  int threads = 64;
  // Connections waiting for a worker before new ones are refused. Default 256.
  int queue = 256;
  // Requests served on one keep-alive connection before it is closed. Default 100.
  int keepAliveRequests = 100;
  // Idle time after which a keep-alive connection is closed, in seconds. Default 2.
  int keepAliveSeconds = 2;
  // Longest wait for any one read or write on a connection, in seconds. Default 10.
  int ioTimeoutSeconds = 10;
  // Longest time to receive a whole request body, in seconds (slow senders are cut off). Default 30.
  int bodySeconds = 30;
  // Base URL for links in mails and Location headers; empty for relative. Default empty.
  std::string publicUrl;
  // Reverse proxies (IP addresses) whose X-Forwarded-For names the client, for
  // the failed-authentication limiter and the audit record. Default none.
  std::vector<std::string> trustedProxies;
};

}  // namespace profkpi::adapters::http

#endif

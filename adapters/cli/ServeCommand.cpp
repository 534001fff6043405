#include "adapters/cli/ServeCommand.h"

#include "adapters/auth/FailureLimiter.h"
#include "adapters/cli/ServeNightly.h"
#include "adapters/cli/StoreServices.h"
#include "adapters/http/ClientAddress.h"
#include "adapters/http/HttpService.h"
#include "adapters/inbox/InboxWatcher.h"

#include <Poco/Logger.h>

#include <malloc.h>

namespace profkpi::adapters::cli {

namespace {

http::HttpOptions httpOptions(const Poco::Util::AbstractConfiguration& config) {
  http::HttpOptions o;
  o.host = config.getString("http.host");
  o.port = config.getInt("http.port");
  o.maxBodyBytes = config.getInt64("http.maxBodyBytes");
  o.threads = config.getInt("http.threads");
  o.queue = config.getInt("http.queue");
  o.keepAliveRequests = config.getInt("http.keepAliveRequests");
  o.keepAliveSeconds = config.getInt("http.keepAliveSeconds");
  o.headerSeconds = config.getInt("http.headerSeconds");
  o.bodySeconds = config.getInt("http.bodySeconds");
  o.responseSeconds = config.getInt("http.responseSeconds");
  o.shutdownSeconds = config.getInt("http.shutdownSeconds");
  o.maxConnections = config.getInt("http.maxConnections");
  o.maxConnectionsPerClient = config.getInt("http.maxConnectionsPerClient");
  o.maxBufferedBodyBytes = config.getInt64("http.maxBufferedBodyBytes");
  o.publicUrl = config.getString("http.publicUrl");
  o.trustedProxies = http::parseTrustedProxies(config.getString("http.trustedProxies"));
  return o;
}

auth::FailureLimits failureLimits(const Poco::Util::AbstractConfiguration& config) {
  auth::FailureLimits l;
  l.maxFailures = config.getInt("auth.maxFailures");
  l.window = std::chrono::seconds(config.getInt("auth.failureWindowSeconds"));
  return l;
}

}  // namespace

std::string ServeCommand::description() const {
  return "Runs the HTTP service, the inbox watcher and the nightly schedule until SIGTERM or SIGINT, then stops "
         "accepting, finishes the requests in flight and exits 0. The HTTP API is that of INTERFACE.md, described "
         "in OpenAPI 3.1 by docs/openapi.yaml. Settings: http.*, inbox.*, store.*, nightly.*, smtp.*. --daemon, "
         "--pidfile and --umask run it as a Unix daemon. Exit status: 0 after a clean shutdown, 2 usage, "
         "configuration, store or I/O error (such as http.port in use by another process).";
}

int ServeCommand::run(const std::vector<std::string>& args, Services& services) {
  if (!args.empty()) throw UsageError("serve takes no arguments");
  const auto& config = services.config();
  Poco::Logger& log = Poco::Logger::get("serve");
  // Request bodies (up to http.maxBodyBytes each) are mapped and unmapped on
  // their own: glibc's default raises its mmap threshold after the first large
  // free, and later bodies would then stay in the workers' arenas, so the
  // process would keep the memory of the largest burst it ever had.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);

  StoreServices storeServices(services);
  auth::FailureLimiter limiter(services.clock(), failureLimits(config));
  http::Metrics metrics;
  http::HttpContext context{httpOptions(config), storeServices.gateway(), storeServices.store(),
                            storeServices.results(), storeServices.apiKeys(), limiter, metrics};
  context.pdf = storeServices.renderer("pdf");
  context.openData = &storeServices.openData();
  context.openDataFiles = storeServices.openDataFileOptions();
  context.openDataPublic = config.getBool("opendata.public");
  http::HttpService httpService(context);
  inbox::InboxWatcher inbox(config.getString("inbox.dir"), storeServices.gateway(),
                            config.getInt("inbox.pollMilliseconds"),
                            [&metrics](const std::string& result) { metrics.inboxFile(result); },
                            config.getString("inbox.claimName"));

  ServeNightly nightly(storeServices);

  httpService.start();
  inbox.start();
  nightly.start();
  log.information("listening on http://%s:%d/ (%d threads); watching %s", context.options.host, httpService.port(),
                  context.options.threads, config.getString("inbox.dir"));
  services.waitForTermination();
  log.information("stopping: finishing requests in flight");
  nightly.stop();
  inbox.stop();
  httpService.stop();
  log.information("stopped");
  return STATUS_OK;
}

}  // namespace profkpi::adapters::cli

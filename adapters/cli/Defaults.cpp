#include "adapters/cli/Defaults.h"

namespace profkpi::adapters::cli {

Poco::AutoPtr<Poco::Util::MapConfiguration> defaultConfiguration() {
  Poco::AutoPtr<Poco::Util::MapConfiguration> defaults(new Poco::Util::MapConfiguration);
  defaults->setString("store.connector", "sqlite");
  defaults->setString("store.connection", "var/profkpi.db");
  defaults->setString("registry.file", "");   // empty: the registry shipped inside profkpi
  defaults->setString("catalogue.file", "");  // empty: the five-KPI catalogue shipped inside profkpi
  defaults->setString("http.host", "127.0.0.1");
  defaults->setInt("http.port", 8080);
  defaults->setInt("http.maxBodyBytes", 33554432);
  defaults->setInt("http.threads", 64);
  defaults->setInt("http.queue", 256);
  defaults->setInt("http.keepAliveRequests", 100);
  defaults->setInt("http.keepAliveSeconds", 2);
  defaults->setInt("http.headerSeconds", 10);
  defaults->setInt("http.bodySeconds", 30);
  defaults->setInt("http.responseSeconds", 30);
  defaults->setInt("http.shutdownSeconds", 10);
  defaults->setInt("http.maxConnections", 1024);
  defaults->setInt("http.maxConnectionsPerClient", 64);
  defaults->setInt64("http.maxBufferedBodyBytes", 268435456);
  defaults->setString("http.publicUrl", "");
  defaults->setString("http.trustedProxies", "");  // none: the peer is the client
  defaults->setInt("auth.maxFailures", 10);
  defaults->setInt("auth.failureWindowSeconds", 60);
  defaults->setInt("inbox.pollMilliseconds", 2000);
  defaults->setInt("store.busyTimeoutSeconds", 10);
  defaults->setInt("store.maxSessions", 80);
  defaults->setInt("benchmark.minimumGroupSize", 5);
  defaults->setBool("opendata.public", false);
  defaults->setString("opendata.publisher", "");
  defaults->setInt("opendata.dueDays", 42);
  defaults->setString("inbox.dir", "var/inbox");
  defaults->setString("reports.dir", "var/reports");
  defaults->setString("reports.font.regular", "");  // empty: DejaVu Sans as found when profkpi was built
  defaults->setString("reports.font.bold", "");
  defaults->setString("nightly.time", "02:00");
  defaults->setString("nightly.timezone", "Europe/London");
  defaults->setString("smtp.host", "");
  defaults->setInt("smtp.port", 25);
  defaults->setString("smtp.from", "");
  defaults->setString("smtp.helo", "");  // empty: the host's name
  defaults->setInt("smtp.connectTimeoutSeconds", 10);
  defaults->setInt("smtp.timeoutSeconds", 30);
  defaults->setInt("smtp.attempts", 3);
  defaults->setInt("smtp.retryDelayMilliseconds", 2000);
  defaults->setString("smtp.tls", "starttls");
  defaults->setString("smtp.caFile", "");  // empty: the system's CAs
  defaults->setString("smtp.auth", "none");
  defaults->setString("smtp.username", "");
  defaults->setString("smtp.passwordFile", "");
  defaults->setString("smtp.oauth.tokenUrl", "");
  defaults->setString("smtp.oauth.clientId", "");
  defaults->setString("smtp.oauth.clientSecretFile", "");
  defaults->setString("smtp.oauth.scope", "https://outlook.office365.com/.default");
  defaults->setInt64("smtp.maxMessageBytes", 10485760);
  defaults->setBool("mail.attachHtml", true);
  defaults->setBool("nightly.enabled", true);  // serve runs the schedule
  defaults->setInt("nightly.leaseSeconds", 600);
  defaults->setInt("nightly.maxMailRuns", 14);
  defaults->setInt("nightly.renderThreads", 0);  // 0: one per processor core
  defaults->setInt("nightly.pollSeconds", 60);
  defaults->setInt("nightly.retrySeconds", 300);
  defaults->setInt("intake.maxDepth", 32);
  defaults->setInt("intake.maxAttributes", 32);
  defaults->setInt("intake.maxDiagnostics", 1000);
  defaults->setString("logging.loggers.root.channel", "stderr");
  defaults->setString("logging.loggers.root.level", "information");
  defaults->setString("logging.channels.stderr.class", "ConsoleChannel");
  defaults->setString("logging.channels.stderr.pattern", "%Y-%m-%dT%H:%M:%S.%iZ %p %s: %t");
  return defaults;
}

}  // namespace profkpi::adapters::cli

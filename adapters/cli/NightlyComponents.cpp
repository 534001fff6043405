#include "adapters/cli/NightlyComponents.h"

#include "adapters/archive/FileReportArchive.h"
#include "adapters/cli/Command.h"
#include "adapters/opendata/CsvOpenDataRenderer.h"
#include "adapters/mail/SmtpMailer.h"
#include "adapters/store/SqlDeliveryLog.h"
#include "adapters/store/SqlRunLedger.h"
#include "platform/SecretFile.h"

#include <Poco/Environment.h>
#include <Poco/Logger.h>
#include <Poco/Process.h>

#include <algorithm>
#include <stdexcept>
#include <thread>

namespace profkpi::adapters::cli {

namespace {

engine::NightlySchedule scheduleFrom(const Poco::Util::AbstractConfiguration& config) {
  std::string time = config.getString("nightly.time");
  std::optional<engine::TimeOfDay> at = engine::TimeOfDay::parse(time);
  if (!at) throw UsageError("nightly.time must be HH:MM (00:00 to 23:59), not \"" + time + "\"");
  try {
    return engine::NightlySchedule(*at, config.getString("nightly.timezone"));
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("nightly.timezone: ") + e.what());
  }
}

// The secret in `file` (the value of `key`), which only its owner may read.
std::string secretFrom(const std::string& file, const std::string& key, const std::string& neededBy) {
  if (file.empty()) throw UsageError(neededBy + " needs " + key);
  try {
    return platform::readSecretFile(file);
  } catch (const platform::SecretFileError& e) {
    throw UsageError(key + ": " + e.what());
  }
}

mail::SmtpOptions smtpFrom(const Poco::Util::AbstractConfiguration& config) {
  mail::SmtpOptions o;
  o.host = config.getString("smtp.host");
  o.port = config.getInt("smtp.port");
  o.from = config.getString("smtp.from");
  o.helo = config.getString("smtp.helo");
  o.connectTimeoutSeconds = config.getInt("smtp.connectTimeoutSeconds");
  o.timeoutSeconds = config.getInt("smtp.timeoutSeconds");
  o.attempts = config.getInt("smtp.attempts");
  o.retryDelayMilliseconds = config.getInt("smtp.retryDelayMilliseconds");
  Poco::Int64 maxBytes = config.getInt64("smtp.maxMessageBytes");
  if (maxBytes < 1024) throw UsageError("smtp.maxMessageBytes must be at least 1024, not " + std::to_string(maxBytes));
  o.maxMessageBytes = static_cast<std::size_t>(maxBytes);
  if (o.host.empty()) return o;
  std::string tls = config.getString("smtp.tls");
  std::optional<mail::SmtpTls> tlsMode = mail::smtpTlsFromName(tls);
  if (!tlsMode) throw UsageError("smtp.tls must be starttls, implicit or none, not \"" + tls + "\"");
  o.tls = *tlsMode;
  o.caFile = config.getString("smtp.caFile");
  std::string auth = config.getString("smtp.auth");
  std::optional<mail::SmtpAuth> authMethod = mail::smtpAuthFromName(auth);
  if (!authMethod) throw UsageError("smtp.auth must be none, plain, login or xoauth2, not \"" + auth + "\"");
  o.auth = *authMethod;
  o.username = config.getString("smtp.username");
  if (o.auth == mail::SmtpAuth::Plain || o.auth == mail::SmtpAuth::Login) {
    o.password = secretFrom(config.getString("smtp.passwordFile"), "smtp.passwordFile", "smtp.auth = " + auth);
  }
  if (o.auth == mail::SmtpAuth::XOAuth2) {
    o.oauth.tokenUrl = config.getString("smtp.oauth.tokenUrl");
    o.oauth.clientId = config.getString("smtp.oauth.clientId");
    o.oauth.scope = config.getString("smtp.oauth.scope");
    o.oauth.clientSecret = secretFrom(config.getString("smtp.oauth.clientSecretFile"), "smtp.oauth.clientSecretFile",
                                     "smtp.auth = xoauth2");
  }
  return o;
}

// nightly.renderThreads: 0 means one per processor core.
std::size_t renderThreadsFrom(const Poco::Util::AbstractConfiguration& config) {
  int threads = config.getInt("nightly.renderThreads");
  if (threads < 0 || threads > 256) {
    throw UsageError("nightly.renderThreads must be 0 (one per processor core) to 256, not " + std::to_string(threads));
  }
  if (threads > 0) return static_cast<std::size_t>(threads);
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

NightlyComponents::NightlyComponents(StoreServices& services) : _services(services) {
  const Poco::Util::AbstractConfiguration& config = services.config();
  _schedule.emplace(scheduleFrom(config));
  _options.publicUrl = config.getString("http.publicUrl");
  _options.leaseTtl = std::chrono::seconds(config.getInt("nightly.leaseSeconds"));
  _options.maxMailRuns = config.getInt("nightly.maxMailRuns");
  _options.renderThreads = renderThreadsFrom(config);
  _openData =
      std::make_unique<opendata::CsvOpenDataRenderer>(services.openDataOptions(), services.openDataFileOptions());
  _options.openData = _openData.get();
  mail::SmtpOptions smtp = smtpFrom(config);
  if (!smtp.host.empty()) {
    if (config.getBool("mail.attachHtml")) _options.alsoAttach = services.renderer("html");
    try {
      _mailer = std::make_unique<mail::SmtpMailer>(smtp);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
    _mailDescription = "smtp://" + smtp.host + ":" + std::to_string(smtp.port) + " (tls " +
                       mail::smtpTlsName(smtp.tls) + ", auth " + mail::smtpAuthName(smtp.auth) + ")";
    if (smtp.tls == mail::SmtpTls::None) {
      Poco::Logger::get("mail").warning("smtp.tls = none: mail to %s goes in plain text; only for a relay on this host",
                                        _mailDescription);
    }
  }
  _archive = std::make_unique<archive::FileReportArchive>(config.getString("reports.dir"));
}

NightlyComponents::~NightlyComponents() = default;

engine::RunLedger& NightlyComponents::ledger() {
  if (!_ledger) _ledger = std::make_unique<store::SqlRunLedger>(_services.sqlStore());
  return *_ledger;
}

std::unique_ptr<engine::NightlyRun> NightlyComponents::makeRun(const engine::Clock& clock) {
  if (!_deliveries) _deliveries = std::make_unique<store::SqlDeliveryLog>(_services.sqlStore());
  return std::make_unique<engine::NightlyRun>(_services.store(), _services.results(), ledger(), *_deliveries,
                                              *_services.renderer("pdf"), *_archive, _mailer.get(), clock, _options);
}

std::string NightlyComponents::holder() {
  return Poco::Environment::nodeName() + ":" + std::to_string(Poco::Process::id());
}


}  // namespace profkpi::adapters::cli

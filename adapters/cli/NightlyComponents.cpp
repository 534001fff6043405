#include "adapters/cli/NightlyComponents.h"

#include "adapters/archive/FileReportArchive.h"
#include "adapters/cli/Command.h"
#include "adapters/opendata/CsvOpenDataRenderer.h"
#include "adapters/mail/SmtpMailer.h"
#include "adapters/store/SqlDeliveryLog.h"
#include "adapters/store/SqlRunLedger.h"

#include <Poco/Environment.h>
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
    _mailer = std::make_unique<mail::SmtpMailer>(smtp);
    _mailDescription = "smtp://" + smtp.host + ":" + std::to_string(smtp.port);
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

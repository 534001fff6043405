#include "adapters/cli/ServeNightly.h"

#include <Poco/Logger.h>

namespace profkpi::adapters::cli {

ServeNightly::ServeNightly(StoreServices& services) : _services(services) {
  const Poco::Util::AbstractConfiguration& config = services.config();
  if (!config.getBool("nightly.enabled")) return;
  _components = std::make_unique<NightlyComponents>(services);
  _run = _components->makeRun(services.clock());
  _scheduler = std::make_unique<engine::NightlyScheduler>(_components->schedule(), _components->ledger(), *_run,
                                                          services.clock());
  scheduler::SchedulerOptions options;
  options.maxSleep = std::chrono::seconds(config.getInt("nightly.pollSeconds"));
  options.retryAfterError = std::chrono::seconds(config.getInt("nightly.retrySeconds"));
  engine::RunRequest request;
  request.holder = NightlyComponents::holder();
  request.progress = [](const engine::RunProgress& p) {
    Poco::Logger::get("nightly").debug("%z/%z %s %s: %s", p.done, p.total, p.item->organisation, p.item->period,
                                       p.item->action);
  };
  _thread = std::make_unique<scheduler::SchedulerThread>(*_scheduler, services.clock(), std::move(request), options);
}

ServeNightly::~ServeNightly() { stop(); }

void ServeNightly::start() {
  if (!_thread) {
    Poco::Logger::get("nightly").information("nightly schedule off (nightly.enabled = false)");
    return;
  }
  Poco::Logger::get("nightly").information(
      "nightly schedule: every day at %s %s; %s", _services.config().getString("nightly.time"),
      _components->schedule().zone(), _components->mailDescription());
  _thread->start();
}

void ServeNightly::stop() {
  if (_thread) _thread->stop();
}

}  // namespace profkpi::adapters::cli

// The nightly schedule inside `profkpi serve`: the run's parts from
// configuration, the engine's scheduler and the thread that polls it. Off when
// nightly.enabled is false (for instances that leave the run to another, or to
// cron with `profkpi nightly --scheduled`).
#ifndef PROFKPI_ADAPTERS_CLI_SERVENIGHTLY_H
#define PROFKPI_ADAPTERS_CLI_SERVENIGHTLY_H

#include "adapters/cli/NightlyComponents.h"
#include "adapters/scheduler/SchedulerThread.h"
#include "engine/nightly/NightlyScheduler.h"

#include <memory>

namespace profkpi::adapters::cli {

class ServeNightly {
 public:
  // `services` must outlive this. Throws UsageError for bad nightly.* settings.
  explicit ServeNightly(StoreServices& services);
  ~ServeNightly();
  ServeNightly(const ServeNightly&) = delete;
  ServeNightly& operator=(const ServeNightly&) = delete;

  // Starts the thread (a missed run starts at once); nothing when disabled.
  void start();
  // Stops a run in progress after its current document, and the thread.
  void stop();

 private:
  StoreServices& _services;
  std::unique_ptr<NightlyComponents> _components;
  std::unique_ptr<engine::NightlyRun> _run;
  std::unique_ptr<engine::NightlyScheduler> _scheduler;
  std::unique_ptr<scheduler::SchedulerThread> _thread;
};

}  // namespace profkpi::adapters::cli

#endif

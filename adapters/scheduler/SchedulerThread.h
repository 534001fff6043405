// Runs the nightly schedule inside `profkpi serve`: a thread that polls the
// engine's NightlyScheduler, then sleeps until the next due time, but never
// longer than `maxSleep` at a stretch before asking the wall clock again. So a
// clock that is set forward or back, or a machine that was suspended, delays a
// run by at most `maxSleep`; a timer that counts down an interval (such as
// Poco::Util::Timer) would not notice. Scheduled jobs log and continue: a run
// that fails on the store is tried again after `retryAfterError`.
#ifndef PROFKPI_ADAPTERS_SCHEDULER_SCHEDULERTHREAD_H
#define PROFKPI_ADAPTERS_SCHEDULER_SCHEDULERTHREAD_H

#include "engine/nightly/NightlyScheduler.h"
#include "engine/ports/Clock.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace profkpi::adapters::scheduler {

// Every field: meaning and default.
struct SchedulerOptions {
  // Longest sleep before the wall clock is read again. Default 1 minute.
  std::chrono::milliseconds maxSleep{60'000};
  // Wait after a run or poll that failed (the store) before polling again. Default 5 minutes.
  std::chrono::milliseconds retryAfterError{300'000};
};

class SchedulerThread {
 public:
  // `scheduler` and `clock` must outlive the thread. `request` supplies the
  // holder and progress callback for the runs; its stop callback is replaced.
  SchedulerThread(engine::NightlyScheduler& scheduler, const engine::Clock& clock, engine::RunRequest request,
                  SchedulerOptions options = {});
  // Stops the thread if it runs.
  ~SchedulerThread();
  SchedulerThread(const SchedulerThread&) = delete;
  SchedulerThread& operator=(const SchedulerThread&) = delete;

  // Starts polling at once: a run missed while the service was down starts now.
  void start();
  // Asks a run in progress to stop after its current document, and waits for the thread.
  void stop();
  // How many polls have completed (for tests and metrics).
  std::size_t polls() const { return _polls.load(); }

 private:
  void loop();
  std::chrono::milliseconds pollOnce();

  engine::NightlyScheduler& _scheduler;
  const engine::Clock& _clock;
  engine::RunRequest _request;
  SchedulerOptions _options;
  std::thread _thread;
  std::mutex _mutex;
  std::condition_variable _wake;
  std::atomic<bool> _stopping{false};
  std::atomic<std::size_t> _polls{0};
  engine::Instant _announced;  // the last "next run" logged
};

}  // namespace profkpi::adapters::scheduler

#endif

#include "adapters/scheduler/SchedulerThread.h"

#include <Poco/Logger.h>

#include <algorithm>

namespace profkpi::adapters::scheduler {

namespace {

Poco::Logger& log() { return Poco::Logger::get("nightly"); }

void report(const engine::Poll& poll) {
  if (poll.armed) log().information("schedule armed");
  if (!poll.summary) return;
  const engine::RunSummary& s = *poll.summary;
  switch (s.result) {
    case engine::RunSummary::Result::Busy:
      log().information("another process is running the nightly job (%s); looking again later",
                        s.busyWith ? s.busyWith->holder : std::string("lease just released"));
      break;
    case engine::RunSummary::Result::AlreadyServed:
      log().information("today's nightly run was made by another process");
      break;
    case engine::RunSummary::Result::Ran:
      if (s.run.outcome == engine::RunOutcome::Succeeded) {
        log().information("nightly run %Ld succeeded: %s", static_cast<Poco::Int64>(s.run.id), s.run.detail);
      } else {
        log().warning("nightly run %Ld %s: %s", static_cast<Poco::Int64>(s.run.id),
                      std::string(engine::outcomeName(s.run.outcome)), s.run.detail);
        for (const std::string& e : s.errors) log().warning("  %s", e);
      }
      break;
  }
}

}  // namespace

SchedulerThread::SchedulerThread(engine::NightlyScheduler& scheduler, const engine::Clock& clock,
                                 engine::RunRequest request, SchedulerOptions options)
    : _scheduler(scheduler), _clock(clock), _request(std::move(request)), _options(options) {
  _request.stopRequested = [this] { return _stopping.load(); };
}

SchedulerThread::~SchedulerThread() { stop(); }

void SchedulerThread::start() {
  _stopping = false;
  _thread = std::thread([this] { loop(); });
}

void SchedulerThread::stop() {
  {
    std::lock_guard<std::mutex> lock(_mutex);
    _stopping = true;
  }
  _wake.notify_all();
  if (_thread.joinable()) _thread.join();
}

std::chrono::milliseconds SchedulerThread::pollOnce() {
  try {
    engine::Poll poll = _scheduler.poll(_request);
    report(poll);
    engine::Instant now = _clock.now();
    if (poll.next > now && poll.next != _announced) {
      log().information("next nightly run due at %s", engine::formatInstant(poll.next));
      _announced = poll.next;
    }
    auto until = std::chrono::duration_cast<std::chrono::milliseconds>(poll.next - now);
    return std::clamp(until, std::chrono::milliseconds{0}, _options.maxSleep);
  } catch (const std::exception& e) {
    log().error("nightly run failed: %s; trying again in %Ld s", std::string(e.what()),
                static_cast<Poco::Int64>(_options.retryAfterError.count() / 1000));
    return _options.retryAfterError;
  }
}

void SchedulerThread::loop() {
  while (!_stopping) {
    std::chrono::milliseconds sleep = pollOnce();
    ++_polls;
    // A steady-clock wait of at most maxSleep: the wall clock is read afresh at the next poll.
    std::unique_lock<std::mutex> lock(_mutex);
    _wake.wait_for(lock, sleep, [this] { return _stopping.load(); });
  }
}

}  // namespace profkpi::adapters::scheduler

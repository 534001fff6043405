#include "adapters/cli/NightlyCommand.h"

#include "adapters/cli/NightlyComponents.h"
#include "adapters/cli/ReportOptions.h"
#include "engine/intake/Lexical.h"
#include "engine/nightly/NightlyScheduler.h"

#include <Poco/Logger.h>
#include <Poco/Util/Option.h>

#include <date/tz.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

namespace profkpi::adapters::cli {

namespace {

// "Now" as if the run had started at another time; time still passes at the real rate.
class ShiftedClock final : public engine::Clock {
 public:
  ShiftedClock(const engine::Clock& base, engine::Instant at) : _base(base), _offset(at - base.now()) {}
  engine::Instant now() const override { return _base.now() + _offset; }

 private:
  const engine::Clock& _base;
  std::chrono::milliseconds _offset;
};

// With a zone ("2026-03-29T01:30:00Z", "...+01:00") as written; without one,
// local time in the schedule's zone (a time in a gap: the end of the gap).
engine::Instant parseAt(const std::string& text, const engine::NightlySchedule& schedule) {
  if (auto zoned = engine::lexical::zonedDateTime(text)) return zoned->instant;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, used = 0;
  char sep = 0;
  bool parsed = std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &sec, &used) == 7 ||
                (sec = 0, std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &used) == 6);
  date::year_month_day day{date::year{y}, date::month{static_cast<unsigned>(mo)}, date::day{static_cast<unsigned>(d)}};
  if (parsed && static_cast<std::size_t>(used) == text.size() && (sep == 'T' || sep == ' ') && day.ok() && h < 24 &&
      mi < 60 && sec < 60 && h >= 0 && mi >= 0 && sec >= 0) {
    date::local_seconds local{(date::sys_days{day} + std::chrono::hours{h} + std::chrono::minutes{mi} +
                               std::chrono::seconds{sec}).time_since_epoch()};
    return date::floor<std::chrono::milliseconds>(
        date::locate_zone(schedule.zone())->to_sys(local, date::choose::earliest));
  }
  throw UsageError("--at takes a date and time such as 2026-03-29T02:30 (in nightly.timezone) or "
                   "2026-03-29T01:30:00Z, not \"" + text + "\"");
}

std::string seconds(std::chrono::steady_clock::duration d) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", std::chrono::duration<double>(d).count());
  return text;
}

void printProgress(const engine::RunProgress& p) {
  const engine::RunItem& item = *p.item;
  std::string what = item.organisation.empty() ? "sector report" : item.organisation;
  Poco::Logger::get("nightly").information("%z/%z %s %s: %s %s", p.done, p.total, what, item.period, item.action,
                                           item.detail);
}

int printHistory(engine::RunLedger& ledger, int limit) {
  std::optional<engine::LeaseHolder> lease = ledger.leaseHolder();
  for (const engine::RunRecord& r : ledger.recentRuns(static_cast<std::size_t>(limit))) {
    std::cout << r.id << "  " << engine::triggerName(r.trigger) << "  "
              << (r.servedDay ? engine::formatDate(*r.servedDay) : std::string("-")) << "  "
              << engine::formatInstant(r.startedAt) << "  "
              << (r.finishedAt ? engine::formatInstant(*r.finishedAt) : std::string("-")) << "  "
              << engine::shownOutcome(r, lease) << "  " << r.holder << "  " << r.detail << "\n";
  }
  return STATUS_OK;
}

}  // namespace

std::string NightlyCommand::description() const {
  return "Runs the nightly job once, now: renders the board report of every organisation whose submissions "
         "changed since its last report, archives it in reports.dir/PERIOD/CODE.pdf (with a SHA256SUMS manifest), "
         "mails it to the organisation's contact when smtp.host is set, tries again the mails that failed for now, "
         "and renders the sector report of every period that changed. Over unchanged data it does nothing. "
         "--at runs as if at that time; --scheduled runs only when the schedule (nightly.time in nightly.timezone, "
         "once per local day) says a run is due, for cron or a timer that starts it often. One run at a time across "
         "processes sharing the store: a second one says so and exits 0, or waits with --wait. --history N lists the "
         "latest runs. --resend CODE mails the organisation's latest archived board report again, on purpose, as a "
         "new message (its own Message-ID), and does nothing else; with --period, its report for that period as "
         "archived, if it is still there. Recorded in the history and in profkpi deliveries as \"resent\". "
         "Exit status: 0 success (or nothing to do), 1 something failed (it is tried again next run), "
         "2 usage, configuration or store error.";
}

void NightlyCommand::defineOptions(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("at", "", "run as if at this time: 2026-03-29T02:30 (in nightly.timezone) or "
                                                  "with a zone, 2026-03-29T01:30:00Z")
                        .required(false)
                        .repeatable(false)
                        .argument("ISO-DATETIME"));
  options.addOption(Poco::Util::Option("scheduled", "", "run only when the schedule says a run is due, as serve would")
                        .required(false)
                        .repeatable(false));
  options.addOption(Poco::Util::Option("wait", "", "when another run is in progress, wait for it, then run")
                        .required(false)
                        .repeatable(false));
  options.addOption(Poco::Util::Option("resend", "", "mail this organisation's archived board report again, "
                                                      "and do nothing else")
                        .required(false)
                        .repeatable(false)
                        .argument("CODE"));
  options.addOption(Poco::Util::Option("period", "", "with --resend: the report's period (default: the latest archived)")
                        .required(false)
                        .repeatable(false)
                        .argument("P"));
  options.addOption(Poco::Util::Option("history", "", "list the latest N runs and exit")
                        .required(false)
                        .repeatable(false)
                        .argument("N"));
}

void NightlyCommand::handleOption(const std::string& name, const std::string& value) {
  if (name == "at") _at = value;
  if (name == "scheduled") _scheduled = true;
  if (name == "wait") _wait = true;
  if (name == "resend") _resend = value;
  if (name == "period") _period = parseReportPeriod(value).code();
  if (name == "history") {
    auto n = engine::lexical::nonNegativeInteger(value);
    if (!n || *n == 0 || *n > 100000) throw UsageError("--history takes a number of runs, not \"" + value + "\"");
    _history = static_cast<int>(*n);
  }
}

int NightlyCommand::run(const std::vector<std::string>& args, Services& services) {
  if (!args.empty()) throw UsageError("unexpected argument \"" + args.front() + "\"");
  StoreServices storeServices(services);
  NightlyComponents nightly(storeServices);
  if (_history > 0) return printHistory(nightly.ledger(), _history);
  if (!_period.empty() && _resend.empty()) throw UsageError("--period goes with --resend");
  if (!_resend.empty() && _scheduled) throw UsageError("--resend and --scheduled do not go together");

  std::optional<ShiftedClock> shifted;
  if (!_at.empty()) shifted.emplace(services.clock(), parseAt(_at, nightly.schedule()));
  const engine::Clock& clock = shifted ? static_cast<const engine::Clock&>(*shifted) : services.clock();
  std::unique_ptr<engine::NightlyRun> run = nightly.makeRun(clock);
  engine::NightlyScheduler scheduler(nightly.schedule(), nightly.ledger(), *run, clock);

  engine::RunRequest request;
  request.holder = NightlyComponents::holder();
  request.progress = printProgress;
  if (!_resend.empty()) request.resend = engine::ResendRequest{_resend, _period};
  Poco::Logger::get("nightly").information("nightly run at %s as %s; reports in %s; %s",
                                           nightly.schedule().localTime(clock.now()), request.holder,
                                           services.config().getString("reports.dir"),
                                           nightly.mailDescription());
  const auto started = std::chrono::steady_clock::now();
  engine::RunSummary summary;
  for (;;) {
    if (_scheduled) {
      engine::Poll poll = scheduler.poll(request);
      if (!poll.summary) {
        std::cout << (poll.armed ? "schedule armed; " : "no run due; ") << "the next run is due at "
                  << nightly.schedule().localTime(poll.next) << "\n";
        return STATUS_OK;
      }
      summary = *poll.summary;
    } else {
      summary = run->run(request);
    }
    if (summary.result != engine::RunSummary::Result::Busy || !_wait) break;
    std::this_thread::sleep_for(std::chrono::seconds(2));
  }

  switch (summary.result) {
    case engine::RunSummary::Result::Busy:
      std::cout << "another nightly run is in progress";
      if (summary.busyWith) {
        std::cout << " (" << summary.busyWith->holder << ", since " << engine::formatInstant(summary.busyWith->since)
                  << ", lease until " << engine::formatInstant(summary.busyWith->expires) << ")";
      }
      std::cout << "; not starting a second one (--wait waits for it)\n";
      return STATUS_OK;
    case engine::RunSummary::Result::AlreadyServed:
      std::cout << "the scheduled run for today has been made\n";
      return STATUS_OK;
    case engine::RunSummary::Result::Ran:
      break;
  }
  const engine::RunRecord& r = summary.run;
  std::cout << "nightly run " << r.id << " " << engine::outcomeName(r.outcome) << " in "
            << seconds(std::chrono::steady_clock::now() - started) << ": " << r.detail << "\n";
  for (const std::string& error : summary.errors) std::cout << "  " << error << "\n";
  return r.outcome == engine::RunOutcome::Succeeded ? STATUS_OK : STATUS_REFUSED;
}

}  // namespace profkpi::adapters::cli

#include "engine/nightly/RunLedger.h"

#include <array>
#include <utility>

namespace profkpi::engine {

namespace {

constexpr std::array<std::pair<RunOutcome, const char*>, 6> OUTCOMES{{
    {RunOutcome::Running, "running"},
    {RunOutcome::Succeeded, "succeeded"},
    {RunOutcome::Failed, "failed"},
    {RunOutcome::Interrupted, "interrupted"},
    {RunOutcome::Aborted, "aborted"},
    {RunOutcome::Armed, "armed"},
}};

}  // namespace

const char* outcomeName(RunOutcome outcome) {
  for (const auto& [value, name] : OUTCOMES) {
    if (value == outcome) return name;
  }
  return "running";
}

std::optional<RunOutcome> outcomeFromName(std::string_view name) {
  for (const auto& [value, text] : OUTCOMES) {
    if (name == text) return value;
  }
  return std::nullopt;
}

const char* triggerName(RunTrigger trigger) {
  return trigger == RunTrigger::Schedule ? "schedule" : "manual";
}

std::optional<RunTrigger> triggerFromName(std::string_view name) {
  if (name == "schedule") return RunTrigger::Schedule;
  if (name == "manual") return RunTrigger::Manual;
  return std::nullopt;
}

bool isMailAttempt(const RunItem& item) { return !item.recipient.empty(); }

std::string shownOutcome(const RunRecord& run, const std::optional<LeaseHolder>& lease) {
  if (run.outcome == RunOutcome::Running && (!lease || lease->holder != run.holder)) return "abandoned";
  return outcomeName(run.outcome);
}

}  // namespace profkpi::engine

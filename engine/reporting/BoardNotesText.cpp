#include "engine/reporting/BoardNotesText.h"

#include "engine/reporting/ReportText.h"

namespace profkpi::engine::report {

namespace {
const char* const DASH = "\xE2\x80\x93";  // "–"

std::string dueDate(Date day) { return ukDate(Instant{day}); }
}  // namespace

std::string actionKpi(const BoardAction& action) { return action.kpi.empty() ? DASH : action.kpi; }

std::string actionDue(const BoardAction& action, Date today) {
  if (!action.due) return DASH;
  return dueDate(*action.due) + (action.overdueOn(today) ? " (overdue)" : "");
}

std::string actionBesideKpi(const BoardAction& action, Date today) {
  std::string about = "owner " + action.owner;
  if (action.due) about += ", due " + dueDate(*action.due) + (action.overdueOn(today) ? ", overdue" : "");
  return "Action (" + about + "): " + action.text;
}

std::vector<const BoardAction*> actionsAbout(const BoardNotes& notes, const std::string& kpi) {
  std::vector<const BoardAction*> out;
  for (const BoardAction& a : notes.actions) {
    if (a.kpi == kpi) out.push_back(&a);
  }
  return out;
}

}  // namespace profkpi::engine::report

#include "engine/reporting/BoardNotesText.h"

#include "engine/reporting/ReportText.h"
#include "engine/reporting/Words.h"

namespace profkpi::engine::report {

namespace {
const char* const DASH = "\xE2\x80\x93";  // "–"

std::string dueDate(Date day) { return ukDate(Instant{day}); }
}  // namespace

// TRANSLATORS: board report, the heading of the council's own notes to its board (page one).
std::string boardNotesTitle() { return tr("board notes", "What the board is asked to note"); }
// TRANSLATORS: the same heading on the next page when the notes run over.
std::string boardNotesContinued() { return tr("board notes", "What the board is asked to note (continued)"); }
// TRANSLATORS: at the foot of a page where the board notes run over.
std::string continuedOverleaf() { return tr("board notes", "continued on the next page"); }
// TRANSLATORS: under the board notes' heading: the text below is the council's, not translated.
std::string boardNotesSource() { return tr("board notes", "In the council's own words, as sent with its submission."); }
// TRANSLATORS: the caption of the board notes' table of actions.
std::string actionsCaption() { return tr("board notes", "Actions"); }

std::vector<std::string> actionColumns() {
  return {tr("column", "KPI"),
          // TRANSLATORS: the board notes' actions table, column heading: the action the council plans.
          tr("column", "Action"),
          // TRANSLATORS: the actions table, column heading: who owns the action.
          tr("column", "Owner"),
          // TRANSLATORS: the actions table, column heading: when the action is due.
          tr("column", "Due")};
}

std::string actionKpi(const BoardAction& action) { return action.kpi.empty() ? DASH : action.kpi; }

std::string actionDue(const BoardAction& action, Date today) {
  if (!action.due) return DASH;
  // TRANSLATORS: an action's due date that has passed: {1} the date.
  return action.overdueOn(today) ? fill(tr("board notes", "{1} (overdue)"), {dueDate(*action.due)}) : dueDate(*action.due);
}

std::string actionBesideKpi(const BoardAction& action, Date today) {
  // The owner and the action are the council's words.
  if (!action.due) {
    // TRANSLATORS: an action in a KPI's detail panel: {1} its owner, {2} the action (the council's words).
    return fill(tr("board notes", "Action (owner {1}): {2}"), {action.owner, action.text});
  }
  if (action.overdueOn(today)) {
    // TRANSLATORS: as above with {3} the due date, which has passed.
    return fill(tr("board notes", "Action (owner {1}, due {3}, overdue): {2}"), {action.owner, action.text, dueDate(*action.due)});
  }
  // TRANSLATORS: as above with {3} the due date.
  return fill(tr("board notes", "Action (owner {1}, due {3}): {2}"), {action.owner, action.text, dueDate(*action.due)});
}

std::vector<const BoardAction*> actionsAbout(const BoardNotes& notes, const std::string& kpi) {
  std::vector<const BoardAction*> out;
  for (const BoardAction& a : notes.actions) {
    if (a.kpi == kpi) out.push_back(&a);
  }
  return out;
}

}  // namespace profkpi::engine::report

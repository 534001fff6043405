// The words around a council's board notes (format 1.1) in a board report, for
// every renderer: the box on page one and each Action beside its KPI. The
// council's own text is never reworded or shortened here.
#ifndef PROFKPI_ENGINE_REPORTING_BOARDNOTESTEXT_H
#define PROFKPI_ENGINE_REPORTING_BOARDNOTESTEXT_H

#include "engine/model/Submission.h"

#include <string>
#include <vector>

namespace profkpi::engine::report {

// The box's heading, its heading on a later page, the marker at the foot of a
// page it runs over, and the line under the heading; in the report's language.
std::string boardNotesTitle();
std::string boardNotesContinued();
std::string continuedOverleaf();
std::string boardNotesSource();
// The Actions table's caption and column headings: "Actions", "KPI", "Action", "Owner", "Due".
std::string actionsCaption();
std::vector<std::string> actionColumns();

// "K2", or "–" when the action is about no one KPI.
std::string actionKpi(const BoardAction& action);
// "31 December 2009", "31 December 2009 (overdue)", or "–" without a due date.
std::string actionDue(const BoardAction& action, Date today);
// "Action (owner Head of ICT, due 31 December 2009, overdue): TEXT", for a KPI's detail.
std::string actionBesideKpi(const BoardAction& action, Date today);
// The Actions about `kpi`, in document order.
std::vector<const BoardAction*> actionsAbout(const BoardNotes& notes, const std::string& kpi);

}  // namespace profkpi::engine::report

#endif

// The council's board notes (format 1.1) in the PDF board report: the box "What
// the board is asked to note" (the Summary, then the Actions: KPI, action,
// owner, due date, overdue ones marked) and each Action beside its KPI. The
// council's text is wrapped, never cut: a Summary longer than the page's room
// continues on the next page under a "continued" marker, and the Actions table
// continues as tables do. Not thread-safe (draws on one canvas).
#ifndef PROFKPI_REPORTS_BOARDNOTESBOX_H
#define PROFKPI_REPORTS_BOARDNOTESBOX_H

#include "engine/model/Submission.h"
#include "reports/Canvas.h"
#include "reports/PageFlow.h"

#include <string>

namespace profkpi::reports {

// What drawing the box did.
struct BoardNotesDrawn {
  int firstPage = 0;  // where it starts (1-based)
  int lastPage = 0;   // where it ends: later than firstPage when it continued
};

// Draws the box at the flow's cursor, across the width, starting a page first
// only when not even its heading and two lines fit; moves the cursor below it.
// Actions due before `today` are marked overdue.
BoardNotesDrawn drawBoardNotesBox(PageFlow& flow, const engine::BoardNotes& notes, engine::Date today);

// The height drawKpiActions takes for the Actions about `kpi` in `width`; 0 when there are none.
double kpiActionsHeight(Canvas& canvas, double width, const engine::BoardNotes& notes, const std::string& kpi,
                        engine::Date today);
// Draws those Actions with their top at `top`; returns the height used (kpiActionsHeight's).
double drawKpiActions(Canvas& canvas, double x, double top, double width, const engine::BoardNotes& notes,
                      const std::string& kpi, engine::Date today);

}  // namespace profkpi::reports

#endif

// The council's board notes (format 1.1) in the HTML board report: the section
// "What the board is asked to note" (Summary, then the Actions as a table with
// overdue ones marked in words) and each Action beside its KPI, matching the PDF
// (BoardNotesBox). Text goes through the renderer's own escaping.
#ifndef PROFKPI_REPORTS_BOARDNOTESHTML_H
#define PROFKPI_REPORTS_BOARDNOTESHTML_H

#include "engine/model/Submission.h"

#include <functional>
#include <string>
#include <string_view>

namespace profkpi::reports {

// Text to markup: cleaned and escaped for content and attributes.
using EscapeHtml = std::function<std::string(std::string_view)>;

// The section, ready to place after the scorecard.
std::string boardNotesSection(const engine::BoardNotes& notes, engine::Date today, const EscapeHtml& h);
// One paragraph per Action about `kpi`; empty when there is none.
std::string kpiActionsHtml(const engine::BoardNotes& notes, const std::string& kpi, engine::Date today,
                           const EscapeHtml& h);

}  // namespace profkpi::reports

#endif

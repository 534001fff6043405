#include "reports/BoardNotesHtml.h"

#include "engine/reporting/BoardNotesText.h"

namespace profkpi::reports {

namespace text = engine::report;

std::string boardNotesSection(const engine::BoardNotes& notes, engine::Date today, const EscapeHtml& h) {
  std::string out = "<section aria-labelledby=\"board-notes\">\n<h2 id=\"board-notes\">" +
                    h(text::boardNotesTitle()) + "</h2>\n<p class=\"note\">" + h(text::boardNotesSource()) + "</p>\n";
  if (!notes.summary.empty()) out += "<p>" + h(notes.summary) + "</p>\n";
  if (!notes.actions.empty()) {
    out += "<table>\n<caption>" + h(text::actionsCaption()) + "</caption>\n<thead><tr>";
    for (const std::string& column : text::actionColumns()) out += "<th scope=\"col\">" + h(column) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const engine::BoardAction& a : notes.actions) {
      std::string due = h(text::actionDue(a, today));
      if (a.overdueOn(today)) due = "<strong class=\"red\">" + due + "</strong>";
      out += "<tr><td>" + h(text::actionKpi(a)) + "</td><td>" + h(a.text) + "</td><td>" + h(a.owner) + "</td><td>" +
             due + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  return out + "</section>\n";
}

std::string kpiActionsHtml(const engine::BoardNotes& notes, const std::string& kpi, engine::Date today,
                           const EscapeHtml& h) {
  std::string out;
  for (const engine::BoardAction* a : text::actionsAbout(notes, kpi)) {
    std::string line = h(text::actionBesideKpi(*a, today));
    out += a->overdueOn(today) ? "<p><strong class=\"red\">" + line + "</strong></p>\n" : "<p>" + line + "</p>\n";
  }
  return out;
}

}  // namespace profkpi::reports

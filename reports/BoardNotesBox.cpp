#include "reports/BoardNotesBox.h"

#include "engine/reporting/BoardNotesText.h"
#include "reports/Style.h"
#include "reports/Table.h"
#include "reports/Tagged.h"

#include <algorithm>
#include <cmath>

namespace profkpi::reports {

using namespace style;
namespace text = engine::report;

namespace {

// Far more lines than 2,000 characters can need at any width the layouts use:
// wrapping never shortens the council's text.
constexpr std::size_t ALL_LINES = 100000;
constexpr double PADDING = 8;
constexpr double BAR = 4;  // the navy bar on the box's left, as on the cover's index panel

const TextStyle SUMMARY{Face::Regular, SIZE_BODY, INK, 1.35};
const TextStyle MARKER{Face::Regular, SIZE_SMALL, MUTED};
const TextStyle ACTION{Face::Regular, 8.2, INK, 1.3};

// The Summary on panels, as many lines on each page as fit, with the marker
// where it continues.
void drawSummary(PageFlow& flow, const std::string& summary) {
  Canvas& canvas = flow.canvas();
  const double textX = flow.left() + BAR + PADDING;
  const double textW = flow.width() - BAR - 2 * PADDING;
  const std::vector<std::string> lines = wrapFor(canvas, textW, summary, SUMMARY, ALL_LINES);
  const double lineH = SUMMARY.size * SUMMARY.leading;
  const double markerH = MARKER.size * 1.6;
  std::size_t next = 0;
  while (next < lines.size()) {
    const double room = flow.remaining() - 2 * PADDING - markerH;
    std::size_t fit = room > 0 ? static_cast<std::size_t>(std::floor(room / lineH)) : 0;
    if (fit < std::min<std::size_t>(2, lines.size() - next)) {  // no lone line at a page's foot
      flow.newPage();
      flow.heading(text::boardNotesContinued(), SIZE_H3, 2 * lineH);
      continue;
    }
    const std::size_t count = std::min(fit, lines.size() - next);
    const double height = static_cast<double>(count) * lineH + 2 * PADDING;
    canvas.fillRect(flow.left(), flow.y, flow.width(), height, PANEL);
    canvas.fillRect(flow.left(), flow.y, BAR, height, NAVY);
    double baseline = flow.y + PADDING + SUMMARY.size;
    {
      Tagged paragraph(canvas, Role::P);
      for (std::size_t i = next; i < next + count; ++i, baseline += lineH) {
        drawLine(canvas, textX, baseline, textW + 1, lines[i], SUMMARY);
      }
    }
    flow.y += height;
    next += count;
    if (next < lines.size()) {
      AsArtifact pagination(canvas);
      drawLine(canvas, flow.right(), flow.y + MARKER.size + 2, flow.width(), text::continuedOverleaf(), MARKER,
               Align::Right);
      flow.newPage();
      flow.heading(text::boardNotesContinued(), SIZE_H3, 2 * lineH);
    }
  }
  flow.y += 6;
}

void drawActions(PageFlow& flow, const std::vector<engine::BoardAction>& actions, engine::Date today) {
  std::vector<TableRow> rows;
  for (const engine::BoardAction& a : actions) {
    TableCell due = a.overdueOn(today) ? TableCell::marked(text::actionDue(a, today), engine::Status::Red, RED)
                                       : TableCell(text::actionDue(a, today));
    rows.push_back({{text::actionKpi(a), Face::Bold}, {a.text}, {a.owner}, due});
  }
  const std::vector<std::string> columns = text::actionColumns();
  drawTable(flow, {{columns[0], 34}, {columns[1], 250}, {columns[2], 110}, {columns[3], 106}}, rows,
            TableOptions{SIZE_TABLE, ALL_LINES, true});
}

std::vector<std::string> actionTexts(const engine::BoardNotes& notes, const std::string& kpi, engine::Date today) {
  std::vector<std::string> out;
  for (const engine::BoardAction* a : text::actionsAbout(notes, kpi)) out.push_back(text::actionBesideKpi(*a, today));
  return out;
}

}  // namespace

BoardNotesDrawn drawBoardNotesBox(PageFlow& flow, const engine::BoardNotes& notes, engine::Date today) {
  const double lineH = SUMMARY.size * SUMMARY.leading;
  flow.heading(text::boardNotesTitle(), SIZE_H2, 2 * lineH + 2 * PADDING + 20);
  BoardNotesDrawn drawn;
  drawn.firstPage = flow.canvas().pages();
  flow.paragraph(text::boardNotesSource(), TextStyle{Face::Regular, SIZE_SMALL, MUTED, 1.3}, 4);
  if (!notes.summary.empty()) drawSummary(flow, notes.summary);
  if (!notes.actions.empty()) drawActions(flow, notes.actions, today);
  drawn.lastPage = flow.canvas().pages();
  return drawn;
}

double kpiActionsHeight(Canvas& canvas, double width, const engine::BoardNotes& notes, const std::string& kpi,
                        engine::Date today) {
  double height = 0;
  for (const std::string& line : actionTexts(notes, kpi, today)) {
    height += static_cast<double>(wrapFor(canvas, width, line, ACTION, ALL_LINES).size()) * ACTION.size * ACTION.leading + 2;
  }
  return height;
}

double drawKpiActions(Canvas& canvas, double x, double top, double width, const engine::BoardNotes& notes,
                      const std::string& kpi, engine::Date today) {
  double y = top;
  for (const engine::BoardAction* a : text::actionsAbout(notes, kpi)) {
    TextStyle style = ACTION;
    if (a->overdueOn(today)) style.colour = RED;
    y += drawWrapped(canvas, x, y, width, text::actionBesideKpi(*a, today), style, ALL_LINES) + 2;
  }
  return y - top;
}

}  // namespace profkpi::reports

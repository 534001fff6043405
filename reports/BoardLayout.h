// The board report's pages, drawn on any canvas: a cover with the
// professionalisation index and the scorecard, one panel per KPI with its peer
// distribution and trend, data quality and provenance, and the method. The
// same drawing runs twice for a PDF (measure, then draw), so it depends only on
// the report and the canvas.
#ifndef PROFKPI_REPORTS_BOARDLAYOUT_H
#define PROFKPI_REPORTS_BOARDLAYOUT_H

#include "engine/reporting/Reports.h"
#include "reports/Canvas.h"

namespace profkpi::reports {

// REQUIRES: report.catalogue is set.
void drawBoardReport(Canvas& canvas, const engine::BoardReport& report);

}  // namespace profkpi::reports

#endif

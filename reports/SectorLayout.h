// The sector report's pages, drawn on any canvas: coverage and sector rates,
// the distribution of each KPI for the sector and each organisation type (with
// disclosure control), the league table by professionalisation index, the chase
// list, the submissions received and the method.
#ifndef PROFKPI_REPORTS_SECTORLAYOUT_H
#define PROFKPI_REPORTS_SECTORLAYOUT_H

#include "engine/reporting/Reports.h"
#include "reports/Canvas.h"

namespace profkpi::reports {

// REQUIRES: report.catalogue is set.
void drawSectorReport(Canvas& canvas, const engine::SectorReport& report);

}  // namespace profkpi::reports

#endif

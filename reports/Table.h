// Tables on report pages: a header row, cells wrapped by measuring (never
// overflowing), optional status marks, and rows that continue on a new page
// under a repeated header.
#ifndef PROFKPI_REPORTS_TABLE_H
#define PROFKPI_REPORTS_TABLE_H

#include "engine/kpi/KpiCalculator.h"
#include "reports/PageFlow.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace profkpi::reports {

struct TableColumn {
  std::string header;
  double width = 0;  // points; the columns are scaled to the page width
  Align align = Align::Left;
};

struct TableCell {
  TableCell() = default;
  TableCell(std::string t, Face f = Face::Regular) : text(std::move(t)), face(f) {}  // NOLINT: implicit on purpose
  TableCell(const char* t, Face f = Face::Regular) : text(t), face(f) {}          // NOLINT: implicit on purpose
  // The text after a status mark.
  static TableCell marked(std::string t, engine::Status s, std::optional<Colour> colour = std::nullopt) {
    TableCell c(std::move(t));
    c.status = s;
    c.colour = colour;
    return c;
  }

  std::string text;
  std::string detail;  // a smaller line under the text, muted ("2 of 21 staff")
  // A small drawing instead of text (a sparkline), in the cell's inner box.
  std::function<void(Canvas&, double x, double y, double w, double h)> figure;
  double figureHeight = 0;
  std::string figureAlt;  // the drawing in words (its Figure's Alt in a tagged PDF); none: decoration
  Face face = Face::Regular;
  std::optional<Colour> colour;          // the text colour; ink when absent
  std::optional<engine::Status> status;  // a status mark before the text
  std::string lang;  // the text's language when not the document's ("en" in a Welsh report); empty: the document's
};

using TableRow = std::vector<TableCell>;

struct TableOptions {
  double size = 8.8;          // text size
  std::size_t maxLines = 3;   // per cell; the last line shown ends with an ellipsis
  bool zebra = true;          // shade every other row
  bool rowHeaders = false;    // the first cell of each row heads it (tagged TH, Scope Row)
};

// Draws the table at the flow's cursor and moves the cursor below it, tagged
// Table, TR, TH (Scope Column for the header row) and TD; the header repeated
// on a later page is an Artifact.
void drawTable(PageFlow& flow, const std::vector<TableColumn>& columns, const std::vector<TableRow>& rows,
               const TableOptions& options = {});

}  // namespace profkpi::reports

#endif

#include "reports/Table.h"

#include "reports/Style.h"
#include "reports/Tagged.h"

#include <algorithm>

namespace profkpi::reports {

using namespace style;

namespace {

constexpr double PAD_X = 4;
constexpr double PAD_Y = 3.5;
// Rows kept together on each side of a page break: no single row stranded.
constexpr std::size_t KEEP_TOGETHER = 3;

struct Laid {
  std::vector<std::vector<std::string>> lines;  // per cell
  std::vector<std::vector<std::string>> details;  // per cell
  double height = 0;
};

double detailSize(double size) { return size * 0.82; }

double markSpace(double size) { return size * 1.35; }

Laid layRow(Canvas& canvas, const std::vector<double>& widths, const TableRow& row, const TableOptions& options,
            Face defaultFace) {
  Laid laid;
  double lineHeight = options.size * 1.25;
  std::size_t most = 1;
  double tallest = 0;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const TableCell empty;
    const TableCell& cell = c < row.size() ? row[c] : empty;
    double inner = widths[c] - 2 * PAD_X - (cell.status ? markSpace(options.size) : 0);
    TextStyle style{cell.face == Face::Bold ? Face::Bold : defaultFace, options.size};
    laid.lines.push_back(wrapFor(canvas, inner, cell.text, style, options.maxLines));
    TextStyle small{Face::Regular, detailSize(options.size)};
    laid.details.push_back(cell.detail.empty() ? std::vector<std::string>{}
                                               : wrapFor(canvas, inner, cell.detail, small, 3));
    double cellHeight = static_cast<double>(laid.lines.back().size()) * lineHeight +
                        static_cast<double>(laid.details.back().size()) * detailSize(options.size) * 1.2;
    cellHeight = std::max(cellHeight, cell.figure ? cell.figureHeight : 0.0);
    tallest = std::max(tallest, cellHeight);
    most = std::max(most, laid.lines.back().size());
  }
  laid.height = std::max(static_cast<double>(most) * lineHeight, tallest) + 2 * PAD_Y;
  return laid;
}

void drawRow(Canvas& canvas, double x, double y, const std::vector<double>& widths,
             const std::vector<TableColumn>& columns, const TableRow& row, const Laid& laid,
             const TableOptions& options, Face defaultFace, Colour defaultColour, bool header) {
  double lineHeight = options.size * 1.25;
  Tagged tr(canvas, Role::TR);
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const TableCell empty;
    const TableCell& cell = c < row.size() ? row[c] : empty;
    Tag tag{header || (options.rowHeaders && c == 0) ? Role::TH : Role::TD};
    if (tag.role == Role::TH) tag.scope = header ? Scope::Column : Scope::Row;
    Tagged td(canvas, std::move(tag));
    Face face = cell.face == Face::Bold ? Face::Bold : defaultFace;
    Colour colour = cell.colour.value_or(defaultColour);
    double left = x + PAD_X;
    double inner = widths[c] - 2 * PAD_X;
    if (cell.status) {
      drawStatusMark(canvas, left + options.size * 0.45, y + PAD_Y + options.size * 0.62, options.size * 0.8,
                     *cell.status);
      left += markSpace(options.size);
      inner -= markSpace(options.size);
    }
    if (cell.figure) {
      std::optional<Tagged> figure;
      if (!cell.figureAlt.empty()) figure.emplace(canvas, reports::figure(cell.figureAlt));
      cell.figure(canvas, left, y + PAD_Y, inner, laid.height - 2 * PAD_Y);
    }
    double baseline = y + PAD_Y + options.size;
    std::optional<Tagged> language;
    if (!cell.lang.empty()) language.emplace(canvas, inLanguage(cell.lang));
    auto put = [&](const std::string& line, Face f, double size, Colour ink) {
      double used = canvas.width(line, f, size);
      double at = columns[c].align == Align::Right    ? left + inner - used
                  : columns[c].align == Align::Centre ? left + (inner - used) / 2
                                                      : left;
      canvas.text(at, baseline, line, f, size, ink);
    };
    for (const std::string& line : laid.lines[c]) {
      put(line, face, options.size, colour);
      baseline += lineHeight;
    }
    if (!laid.details[c].empty()) baseline -= lineHeight - detailSize(options.size) * 1.2;
    for (const std::string& line : laid.details[c]) {
      put(line, Face::Regular, detailSize(options.size), MUTED);
      baseline += detailSize(options.size) * 1.2;
    }
    x += widths[c];
  }
}

}  // namespace

void drawTable(PageFlow& flow, const std::vector<TableColumn>& columns, const std::vector<TableRow>& rows,
               const TableOptions& options) {
  Canvas& canvas = flow.canvas();
  double total = 0;
  for (const TableColumn& c : columns) total += c.width;
  std::vector<double> widths;
  for (const TableColumn& c : columns) widths.push_back(c.width * flow.width() / total);

  TableRow header;
  for (const TableColumn& c : columns) header.push_back({c.header});
  TableOptions headerOptions = options;
  headerOptions.size = options.size * 0.9;
  headerOptions.maxLines = 3;
  const Laid headerLaid = layRow(canvas, widths, header, headerOptions, Face::Bold);
  std::vector<Laid> laid;
  for (const TableRow& row : rows) laid.push_back(layRow(canvas, widths, row, options, Face::Regular));

  Tagged table(canvas, Role::Table);
  bool repeated = false;
  auto drawHeader = [&] {
    // A header repeated on a later page is an artifact: the table has one.
    std::optional<AsArtifact> repeat;
    if (repeated) repeat.emplace(canvas);
    repeated = true;
    drawRow(canvas, flow.left(), flow.y, widths, columns, header, headerLaid, headerOptions, Face::Bold, MUTED, true);
    flow.y += headerLaid.height;
    canvas.line(flow.left(), flow.y, flow.right(), flow.y, 0.9, NAVY);
  };

  // Page by page: as many rows as fit under the header, but never fewer than
  // KEEP_TOGETHER on either side of a break (a short table moves whole); only
  // a page too short for that gets fewer, at least one.
  flow.need(headerLaid.height + (laid.empty() ? 0 : laid.front().height) + 2);
  bool pageTop = flow.y <= CONTENT_TOP;
  std::size_t r = 0;
  do {
    double room = CONTENT_BOTTOM - flow.y - headerLaid.height - 2;
    std::size_t fit = 0;
    for (double used = 0; r + fit < rows.size() && used + laid[r + fit].height <= room; ++fit) used += laid[r + fit].height;
    std::size_t left = rows.size() - r;
    std::size_t take = fit;
    if (take < left && left - take < KEEP_TOGETHER) take = left > KEEP_TOGETHER ? left - KEEP_TOGETHER : 0;
    if (take < std::min(KEEP_TOGETHER, left) && !pageTop) {
      flow.newPage();
      pageTop = true;
      continue;
    }
    if (take == 0 && left > 0) take = std::max<std::size_t>(fit, 1);
    drawHeader();
    for (std::size_t end = r + take; r < end; ++r) {
      if (options.zebra && r % 2 == 1) canvas.fillRect(flow.left(), flow.y, flow.width(), laid[r].height, PANEL);
      drawRow(canvas, flow.left(), flow.y, widths, columns, rows[r], laid[r], options, Face::Regular, INK, false);
      flow.y += laid[r].height;
      canvas.line(flow.left(), flow.y, flow.right(), flow.y, 0.4, RULE);
    }
    if (r < rows.size()) {
      flow.newPage();
      pageTop = true;
    }
  } while (r < rows.size());
  flow.y += 8;
}

}  // namespace profkpi::reports

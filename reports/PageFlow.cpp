#include "reports/PageFlow.h"

#include "engine/reporting/Words.h"

#include "reports/Style.h"
#include "reports/Tagged.h"

namespace profkpi::reports {

using namespace style;

PageFlow::PageFlow(Canvas& canvas, std::string band, std::string bandRight, std::string footer)
    : _canvas(canvas), _band(std::move(band)), _bandRight(std::move(bandRight)), _footer(std::move(footer)) {}

double PageFlow::left() const { return MARGIN_LEFT; }
double PageFlow::width() const { return CONTENT_WIDTH; }
double PageFlow::remaining() const { return CONTENT_BOTTOM - y; }

void PageFlow::newPage() {
  _canvas.newPage();
  AsArtifact band(_canvas);
  _canvas.fillRect(0, 0, PAGE_WIDTH, BAND_HEIGHT, NAVY);
  TextStyle bandStyle{Face::Bold, 8.5, WHITE};
  double rightWidth = drawLine(_canvas, right(), 19, width() / 2, _bandRight, bandStyle, Align::Right);
  drawLine(_canvas, left(), 19, width() - rightWidth - 12, _band, bandStyle);
  y = CONTENT_TOP;
}

void PageFlow::need(double height) {
  if (y + height > CONTENT_BOTTOM) newPage();
}

void PageFlow::heading(std::string_view text, double size, double keepWith) {
  TextStyle h{Face::Bold, size, NAVY, 1.25};
  std::vector<std::string> lines = wrapFor(_canvas, width(), text, h, 2);
  need(static_cast<double>(lines.size()) * size * 1.25 + keepWith);
  Tagged tag(_canvas, size >= SIZE_H2 ? Role::H2 : Role::H3);
  y += drawWrapped(_canvas, left(), y, width(), text, h, 2);
  y += size * 0.45;
}

void PageFlow::paragraph(std::string_view text, const TextStyle& style, double spaceAfter) {
  // Line by line, so that a long paragraph continues on the next page.
  std::vector<std::string> lines = wrapFor(_canvas, width(), text, style, 1000);
  double lineHeight = style.size * style.leading;
  Tagged tag(_canvas, Role::P);
  for (const std::string& line : lines) {
    need(lineHeight);
    _canvas.text(left(), y + style.size, line, style.face, style.size, style.colour);
    y += lineHeight;
  }
  y += spaceAfter;
}

void PageFlow::rule(double spaceAfter) {
  _canvas.line(left(), y, right(), y, 0.6, RULE);
  y += spaceAfter;
}

void PageFlow::finish() {
  int total = _canvas.pages();
  AsArtifact pagination(_canvas);
  TextStyle footerStyle{Face::Regular, SIZE_SMALL, MUTED};
  double baseline = PAGE_HEIGHT - 30;
  for (int page = 1; page <= total; ++page) {
    _canvas.goToPage(page);
    _canvas.line(left(), baseline - 11, right(), baseline - 11, 0.5, RULE);
    // TRANSLATORS: every page's footer, right: {1} this page, {2} the pages; the total chooses the form.
    std::string number = engine::report::fill(engine::report::trn("page foot", "page {1} of {2}", "page {1} of {2}", total),
                                              {std::to_string(page), std::to_string(total)});
    double used = drawLine(_canvas, right(), baseline, 90, number, footerStyle, Align::Right);
    drawLine(_canvas, left(), baseline, width() - used - 16, _footer, footerStyle);
  }
}

}  // namespace profkpi::reports

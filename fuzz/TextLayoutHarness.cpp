#include "fuzz/TextLayoutHarness.h"

#include "engine/kpi/Ratio.h"
#include "engine/reporting/ReportText.h"
#include "reports/Draw.h"
#include "reports/MeasureCanvas.h"
#include "reports/PageFlow.h"
#include "reports/PdfCanvas.h"
#include "reports/Table.h"
#include "reports/TextLayout.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace profkpi::fuzz {

using namespace profkpi::reports;

namespace {

// Takes the input apart; past its end every number is 0 and every text empty,
// so any input is a case (libFuzzer's FuzzedDataProvider is clang-only).
class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size) : _data(data), _size(size) {}

  template <typename T>
  T integral() {
    T value{};
    std::size_t n = std::min(sizeof(T), _size - _at);
    if (n > 0) std::memcpy(&value, _data + _at, n);
    _at += n;
    return value;
  }
  // In [low, high].
  std::size_t choice(std::size_t low, std::size_t high) { return low + integral<std::uint8_t>() % (high - low + 1); }
  // In [low, high], in 1/65535 steps.
  double inRange(double low, double high) { return low + (high - low) * integral<std::uint16_t>() / 65535.0; }
  // Any double, NaN and infinities included.
  double anyDouble() { return integral<double>(); }
  // A text of up to `most` bytes: its length first.
  std::string text(std::size_t most) {
    std::size_t n = std::min<std::size_t>({integral<std::uint16_t>() % (most + 1), _size - _at});
    std::string out(reinterpret_cast<const char*>(_data + _at), n);
    _at += n;
    return out;
  }
  std::string rest() { return text(_size); }

 private:
  const std::uint8_t* _data;
  std::size_t _size;
  std::size_t _at = 0;
};

[[noreturn]] void broken(const std::string& what, const std::string& text) {
  throw LayoutInvariantBroken("layout invariant broken: " + what + ": [" + text + "]");
}

struct Case {
  std::string name;    // a sender's organisation name, raw bytes
  std::string words;   // an explanation or other free text, raw bytes
  double width = 100;  // points; tight table columns leave narrow, zero and negative widths
  double size = 9.5;
  std::size_t maxLines = 2;
  Face face = Face::Regular;
  Align align = Align::Left;
  std::vector<double> columns;  // table column widths before scaling
  std::vector<std::string> figures;
  bool pdf = false;
};

std::string figure(Bytes& in) {
  switch (in.choice(0, 4)) {
    case 0: return engine::report::signedTenths(in.integral<std::int64_t>());
    case 1: return engine::report::changeInWords(in.integral<std::int64_t>());
    case 2: return engine::report::signedWhole(in.integral<std::int64_t>());
    case 3: return engine::report::oneDecimal(in.anyDouble());
    default: {
      auto numerator = in.integral<std::uint64_t>();
      auto denominator = std::max<std::uint64_t>(1, in.integral<std::uint64_t>());
      engine::Ratio ratio(numerator, denominator);
      return engine::report::value(ratio) + " / " + engine::report::number(ratio);
    }
  }
}

Case readCase(Bytes& in) {
  Case c;
  c.width = in.inRange(-20.0, 620.0);
  c.size = in.inRange(1.0, 48.0);
  c.maxLines = in.choice(1, 6);
  c.face = in.choice(0, 1) == 1 ? Face::Bold : Face::Regular;
  c.align = static_cast<Align>(in.choice(0, 2));
  c.pdf = in.choice(0, 7) == 7;  // one input in eight: a PDF page costs a hundred layouts
  std::size_t columns = in.choice(1, 8);
  for (std::size_t i = 0; i < columns; ++i) c.columns.push_back(in.inRange(0.0, 300.0));
  std::size_t figures = in.choice(0, 4);
  for (std::size_t i = 0; i < figures; ++i) c.figures.push_back(figure(in));
  c.name = in.text(400);
  c.words = in.rest();
  return c;
}

std::size_t codePoints(std::string_view text) { return decodeUtf8(text).size(); }
bool validUtf8(const std::string& text) { return encodeUtf8(decodeUtf8(text)) == text; }

// What must hold of any text laid out on the measuring canvas.
void check(MeasureCanvas& canvas, const Case& c, const std::string& raw) {
  std::string clean = cleanFor(canvas, raw);
  if (!validUtf8(clean)) broken("clean text is not valid UTF-8", clean);
  if (cleanFor(canvas, clean) != clean) broken("cleaning clean text changed it", clean);
  TextStyle style{c.face, c.size};
  std::vector<std::string> lines = wrapFor(canvas, c.width, raw, style, c.maxLines);
  if (lines.size() > c.maxLines) broken("more lines than allowed", clean);
  if (!clean.empty() && lines.empty()) broken("text vanished", clean);
  // A line may overflow only when the width cannot hold a character and an ellipsis.
  double widest = c.size * 2.1;  // wider than any DejaVu glyph
  double ellipsis = canvas.width(ellipsisFor([&](char32_t ch) { return canvas.has(ch); }), c.face, c.size);
  for (const std::string& line : lines) {
    if (line.empty()) broken("an empty line", clean);
    if (!validUtf8(line)) broken("a line is not valid UTF-8", line);
    if (c.width >= 2 * widest + ellipsis && canvas.width(line, c.face, c.size) > c.width + 1e-6) {
      broken("a line overflows its width", line);
    }
    if (codePoints(visualOrder(line)) != codePoints(line)) broken("visual order lost characters", line);
  }
  if (!clean.empty() && fitText(clean, c.width, measureWith(canvas, style), "...").empty()) {
    broken("fitted text vanished", clean);
  }
}

// The page a report would draw from the case: band, heading, paragraphs, a table.
void drawPage(Canvas& canvas, const Case& c) {
  TextStyle style{c.face, c.size};
  PageFlow flow(canvas, c.name, c.figures.empty() ? std::string() : c.figures.front(), c.words);
  flow.newPage();
  flow.heading(c.name, c.size);
  flow.paragraph(c.words, style);
  flow.y += drawWrapped(canvas, flow.left(), flow.y, c.width, c.name, style, c.maxLines, c.align);
  drawLine(canvas, flow.left(), flow.y + c.size, c.width, c.words, style, c.align);
  std::vector<TableColumn> columns;
  std::vector<TableRow> rows(2);
  for (std::size_t i = 0; i < c.columns.size(); ++i) {
    columns.push_back(TableColumn{c.name, c.columns[i], c.align});
    rows[0].push_back(i < c.figures.size() ? TableCell(c.figures[i]) : TableCell(c.name, c.face));
    rows[1].push_back(TableCell::marked(c.words, static_cast<engine::Status>(i % 4)));
  }
  drawTable(flow, columns, rows, TableOptions{c.size, c.maxLines, true});
  flow.finish();
}

}  // namespace

void layOut(const Fonts& fonts, const std::uint8_t* data, std::size_t size) {
  Bytes in(data, size);
  Case c = readCase(in);

  MeasureCanvas measure(*fonts.regular, *fonts.bold);
  check(measure, c, c.name);
  check(measure, c, c.words);
  for (const std::string& f : c.figures) check(measure, c, f);
  drawPage(measure, c);
  if (!c.pdf) return;

  // The second pass, as PdfReportRenderer does it: fonts subset to what the first one used.
  PdfCanvas pdf(*fonts.regular, *fonts.bold, measure.used(Face::Regular), measure.used(Face::Bold));
  drawPage(pdf, c);
  if (pdf.pages() != measure.pages()) broken("the two passes disagree on the pages", c.name);
  PdfInfo info;
  info.title = c.name;  // raw, as a board report's title holds the sender's name
  info.subject = c.words;
  info.creator = "profkpi text-layout-fuzzer";
  if (pdf.finish(info).compare(0, 5, "%PDF-") != 0) broken("not a PDF", c.name);
}

}  // namespace profkpi::fuzz

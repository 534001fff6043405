#include "bench/DrawingJson.h"

#include "reports/TextLayout.h"

#include <cstdio>

namespace profkpi::bench {

using reports::Colour;
using reports::Face;
using reports::Point;

namespace {

std::string num(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", v);
  return text;
}

std::string rgb(Colour c) { return "[" + num(c.r) + "," + num(c.g) + "," + num(c.b) + "]"; }

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
      out += escape;
    } else {
      out += c;  // UTF-8 passes through
    }
  }
  return out + "\"";
}

std::string points(const std::vector<Point>& ps) {
  std::string out = "[";
  for (std::size_t i = 0; i < ps.size(); ++i) {
    out += (i == 0 ? "[" : ",[") + num(ps[i].first) + "," + num(ps[i].second) + "]";
  }
  return out + "]";
}

}  // namespace

double DrawingJson::width(std::string_view text, Face face, double size) {
  const reports::FontFace& font = face == Face::Bold ? _bold : _regular;
  unsigned total = 0;
  for (char32_t c : reports::decodeUtf8(text)) total += static_cast<unsigned>(font.advance(c));
  return static_cast<double>(total) * size / 1000.0;
}

bool DrawingJson::has(char32_t codePoint) const { return _regular.has(codePoint) && _bold.has(codePoint); }

void DrawingJson::newPage() {
  _pages.emplace_back();
  _current = _pages.size() - 1;
}

void DrawingJson::text(double x, double baseline, std::string_view text, Face face, double size, Colour colour) {
  if (text.empty()) return;
  add("{\"op\":\"text\",\"x\":" + num(x) + ",\"y\":" + num(baseline) + ",\"bold\":" +
      (face == Face::Bold ? "true" : "false") + ",\"size\":" + num(size) + ",\"rgb\":" + rgb(colour) +
      ",\"s\":" + quoted(reports::visualOrder(text)) + "}");
}

void DrawingJson::line(double x1, double y1, double x2, double y2, double width, Colour colour, bool dashed) {
  add("{\"op\":\"line\",\"p\":" + points({{x1, y1}, {x2, y2}}) + ",\"w\":" + num(width) + ",\"rgb\":" + rgb(colour) +
      ",\"dashed\":" + (dashed ? "true" : "false") + "}");
}

void DrawingJson::fillRect(double x, double y, double w, double h, Colour fill) {
  add("{\"op\":\"fillRect\",\"x\":" + num(x) + ",\"y\":" + num(y) + ",\"w\":" + num(w) + ",\"h\":" + num(h) +
      ",\"rgb\":" + rgb(fill) + "}");
}

void DrawingJson::strokeRect(double x, double y, double w, double h, double width, Colour colour) {
  add("{\"op\":\"strokeRect\",\"x\":" + num(x) + ",\"y\":" + num(y) + ",\"w\":" + num(w) + ",\"h\":" + num(h) +
      ",\"lw\":" + num(width) + ",\"rgb\":" + rgb(colour) + "}");
}

void DrawingJson::fillCircle(double cx, double cy, double r, Colour fill) {
  add("{\"op\":\"circle\",\"x\":" + num(cx) + ",\"y\":" + num(cy) + ",\"r\":" + num(r) + ",\"rgb\":" + rgb(fill) + "}");
}

void DrawingJson::fillPolygon(const std::vector<Point>& ps, Colour fill) {
  if (ps.size() < 3) return;
  add("{\"op\":\"polygon\",\"p\":" + points(ps) + ",\"rgb\":" + rgb(fill) + "}");
}

void DrawingJson::polyline(const std::vector<Point>& ps, double width, Colour colour) {
  if (ps.size() < 2) return;
  add("{\"op\":\"polyline\",\"p\":" + points(ps) + ",\"w\":" + num(width) + ",\"rgb\":" + rgb(colour) + "}");
}

std::string DrawingJson::json() const {
  std::string out = "{\"pages\":[";
  for (std::size_t p = 0; p < _pages.size(); ++p) {
    out += p == 0 ? "\n[" : ",\n[";
    for (std::size_t i = 0; i < _pages[p].size(); ++i) out += (i == 0 ? "\n" : ",\n") + _pages[p][i];
    out += "]";
  }
  return out + "]}";
}

}  // namespace profkpi::bench

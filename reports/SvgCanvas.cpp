#include "reports/SvgCanvas.h"

#include "engine/common/XmlEscape.h"
#include "reports/PdfParts.h"
#include "reports/TextLayout.h"

#include <cmath>
#include <cstdio>

namespace profkpi::reports {

namespace {

// Attribute escaping for content too, as the HTML around it has (quotes as references).
std::string escaped(std::string_view text) { return engine::escapeXml(text, engine::XmlPlace::Attribute); }

std::string num(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", v);
  std::string s = text;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string rgb(Colour c) {
  char text[16];
  std::snprintf(text, sizeof text, "#%02x%02x%02x", static_cast<int>(std::lround(c.r * 255)),
                static_cast<int>(std::lround(c.g * 255)), static_cast<int>(std::lround(c.b * 255)));
  return text;
}

std::string points(const std::vector<Point>& list) {
  std::string out;
  for (const Point& p : list) {
    if (!out.empty()) out += ' ';
    out += num(p.first) + "," + num(p.second);
  }
  return out;
}

}  // namespace

SvgCanvas::SvgCanvas(const FontFace& regular, const FontFace& bold, double width, double height)
    : _regular(regular), _bold(bold), _width(width), _height(height) {}

double SvgCanvas::width(std::string_view text, Face face, double size) {
  const FontFace& font = face == Face::Bold ? _bold : _regular;
  unsigned total = 0;
  for (char32_t c : decodeUtf8(text)) total += static_cast<unsigned>(font.advance(c));
  return static_cast<double>(total) * size / 1000.0;
}

bool SvgCanvas::has(char32_t codePoint) const { return _regular.has(codePoint) && _bold.has(codePoint); }

void SvgCanvas::text(double x, double baseline, std::string_view text, Face face, double size, Colour colour) {
  _body += "<text x=\"" + num(x) + "\" y=\"" + num(baseline) + "\" font-size=\"" + num(size) + "\"";
  if (face == Face::Bold) _body += " font-weight=\"bold\"";
  _body += " fill=\"" + rgb(colour) + "\">" + escaped(text) + "</text>\n";
}

void SvgCanvas::line(double x1, double y1, double x2, double y2, double width, Colour colour, bool dashed) {
  _body += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
           "\" stroke=\"" + rgb(colour) + "\" stroke-width=\"" + num(width) + "\"" +
           (dashed ? " stroke-dasharray=\"3 2\"" : "") + "/>\n";
}

void SvgCanvas::fillRect(double x, double y, double w, double h, Colour fill) {
  _body += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
           "\" fill=\"" + rgb(fill) + "\"/>\n";
}

void SvgCanvas::strokeRect(double x, double y, double w, double h, double width, Colour colour) {
  _body += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
           "\" fill=\"none\" stroke=\"" + rgb(colour) + "\" stroke-width=\"" + num(width) + "\"/>\n";
}

void SvgCanvas::fillCircle(double cx, double cy, double r, Colour fill) {
  _body += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" fill=\"" + rgb(fill) + "\"/>\n";
}

void SvgCanvas::fillPolygon(const std::vector<Point>& list, Colour fill) {
  _body += "<polygon points=\"" + points(list) + "\" fill=\"" + rgb(fill) + "\"/>\n";
}

void SvgCanvas::polyline(const std::vector<Point>& list, double width, Colour colour) {
  _body += "<polyline points=\"" + points(list) + "\" fill=\"none\" stroke=\"" + rgb(colour) + "\" stroke-width=\"" +
           num(width) + "\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n";
}

std::string SvgCanvas::svg(const std::string& id, const std::string& title, const std::string& description) const {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + num(_width) + " " + num(_height) +
         "\" width=\"" + num(_width * 4 / 3) + "\" height=\"" + num(_height * 4 / 3) + "\" aria-labelledby=\"" + id +
         "-title " + id + "-desc\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">\n<title id=\"" + id +
         "-title\">" + escaped(title) + "</title>\n<desc id=\"" + id + "-desc\">" + escaped(description) +
         "</desc>\n" + _body + "</svg>";
}

}  // namespace profkpi::reports

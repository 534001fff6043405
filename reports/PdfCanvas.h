// The second pass of a PDF report: a canvas that draws with libharu into one
// HPDF_Doc of its own (so concurrent reports never share one), with the two
// faces subset to the characters the first pass recorded and embedded, and
// finishes the document as a tagged PDF (PDF/UA-1, PDF/A-1a): every piece of
// content is in the structure the layout opened (reports/Tagged.h) or an
// Artifact (reports/PdfStructure.h). Every libharu status is checked; a
// failure is recorded by the error handler and thrown as engine::RenderError
// after the call returns, never through libharu's C callback. Not thread-safe;
// libharu types stay inside the .cpp.
#ifndef PROFKPI_REPORTS_PDFCANVAS_H
#define PROFKPI_REPORTS_PDFCANVAS_H

#include "engine/common/Time.h"
#include "reports/Canvas.h"
#include "reports/FontFace.h"

#include <memory>
#include <set>
#include <string>

namespace profkpi::reports {

// The document information dictionary (and its XMP copy).
struct PdfInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string creator;  // the application, e.g. "profkpi 0.1.0"
  engine::Instant date;  // creation and modification date: from the data, not the clock
};

class PdfCanvas final : public Canvas {
 public:
  // The faces must outlive the canvas. `usedRegular` and `usedBold`: every
  // character the layout will draw in each face (MeasureCanvas::used).
  // `tagged` false ignores the tags and finishes as untagged PDF/A-1b (for the
  // benchmark's comparison). Throws engine::RenderError.
  PdfCanvas(const FontFace& regular, const FontFace& bold, const std::set<char32_t>& usedRegular,
            const std::set<char32_t>& usedBold, bool tagged = true);
  ~PdfCanvas() override;

  double width(std::string_view text, Face face, double size) override;
  bool has(char32_t codePoint) const override;
  void newPage() override;
  int pages() const override;
  void goToPage(int page) override;
  void text(double x, double baseline, std::string_view text, Face face, double size, Colour colour) override;
  void line(double x1, double y1, double x2, double y2, double width, Colour colour, bool dashed) override;
  void fillRect(double x, double y, double w, double h, Colour fill) override;
  void strokeRect(double x, double y, double w, double h, double width, Colour colour) override;
  void fillCircle(double cx, double cy, double r, Colour fill) override;
  void fillPolygon(const std::vector<Point>& points, Colour fill) override;
  void polyline(const std::vector<Point>& points, double width, Colour colour) override;
  void beginTag(Tag tag) override;
  void endTag() override;
  void beginArtifact() override;
  void endArtifact() override;

  // Completes the document as PDF/A-1a and PDF/UA-1 with this information and returns the
  // file's bytes. The document ID is a digest of everything drawn, so the same
  // drawing gives the same file. Call once, after all drawing. Throws engine::RenderError.
  std::string finish(const PdfInfo& info);

 private:
  struct Impl;
  std::unique_ptr<Impl> _impl;
};

}  // namespace profkpi::reports

#endif

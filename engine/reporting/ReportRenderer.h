// The report renderer port: turns an assembled board or sector report (plain
// data, engine/reporting/Reports.h) into a document, PDF or HTML. Renderers never read
// the store or the clock: the same report gives the same bytes. Implementations
// must be thread-safe (one document per call, nothing shared but immutable
// resources such as fonts) and throw RenderError (engine/ports/Errors.h) on failure.
#ifndef PROFKPI_ENGINE_REPORTING_REPORTRENDERER_H
#define PROFKPI_ENGINE_REPORTING_REPORTRENDERER_H

#include "engine/reporting/Reports.h"

#include <string>

namespace profkpi::engine {

class ReportRenderer {
 public:
  ReportRenderer() = default;
  ReportRenderer(const ReportRenderer&) = delete;
  ReportRenderer& operator=(const ReportRenderer&) = delete;
  virtual ~ReportRenderer() = default;

  // The whole document: "application/pdf", "text/html; charset=utf-8".
  virtual std::string mediaType() const = 0;
  // "pdf", "html": the file name extension the documents take.
  virtual std::string extension() const = 0;

  // The board report of one organisation for one period, as the document's
  // bytes. Throws RenderError.
  virtual std::string renderBoard(const BoardReport& report) const = 0;
  // The sector benchmark report of one period. Throws RenderError.
  virtual std::string renderSector(const SectorReport& report) const = 0;
};

}  // namespace profkpi::engine

#endif

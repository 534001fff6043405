// A report renderer for engine tests: a few lines of text naming what the
// report says, so tests can tell documents apart; can be told to fail for one
// organisation.
#ifndef PROFKPI_TESTS_FAKES_FAKERENDERER_H
#define PROFKPI_TESTS_FAKES_FAKERENDERER_H

#include "engine/ports/Errors.h"
#include "engine/reporting/ReportRenderer.h"

#include <atomic>

namespace profkpi::tests {

class FakeRenderer final : public engine::ReportRenderer {
 public:
  std::string mediaType() const override { return "application/pdf"; }
  std::string extension() const override { return "pdf"; }
  std::string renderBoard(const engine::BoardReport& report) const override {
    if (report.organisationCode == failFor) throw engine::RenderError("scripted render failure");
    ++boards;
    return "%PDF board " + report.organisationCode + " " + report.period + " index " +
           (report.results.scorecard.index ? std::to_string(*report.results.scorecard.index) : "n/a") + " seq " +
           std::to_string(report.results.record.sequence) + (report.language == "en" ? "" : " lang " + report.language);
  }
  std::string renderSector(const engine::SectorReport& report) const override {
    ++sectors;
    return "%PDF sector " + report.period + " " + std::to_string(report.submitted.size()) +
           (report.language == "en" ? "" : " lang " + report.language);
  }

  std::string failFor;
  mutable std::atomic<int> boards{0};
  mutable std::atomic<int> sectors{0};
};

}  // namespace profkpi::tests

#endif

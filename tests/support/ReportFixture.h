// A fresh real store with the engine's reporting on it (the shipped catalogue
// and registry) and both renderers: what the report rendering tests build on.
// Header-only, as IntakeFixture.h: test_support does not link the renderers;
// the test programs that include this do.
#ifndef PROFKPI_TESTS_SUPPORT_REPORTFIXTURE_H
#define PROFKPI_TESTS_SUPPORT_REPORTFIXTURE_H

#include "engine/intake/xml/CatalogueLoader.h"
#include "engine/reporting/Reports.h"
#include "reports/FontFace.h"
#include "reports/HtmlReportRenderer.h"
#include "reports/PdfReportRenderer.h"
#include "tests/support/IntakeFixture.h"
#include "tests/support/StoreFixture.h"

namespace profkpi::tests {

// The shipped fonts, loaded once per test program.
inline const reports::Fonts& reportFonts() {
  static reports::Fonts loaded = reports::loadFonts();
  return loaded;
}

struct ReportFixture : StoreFixture {
  engine::Catalogue catalogue = engine::xml::loadCatalogue(sharedSchemas());
  engine::KpiCalculator calculator{catalogue};
  engine::ResultsService results{*store, calculator, shippedRegistry()};
  engine::Reports reports{*store, results};
  profkpi::reports::PdfReportRenderer pdf{reportFonts()};
  profkpi::reports::HtmlReportRenderer html{reportFonts()};
};

}  // namespace profkpi::tests

#endif

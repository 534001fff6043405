// Which marked-content operators the structure recorder asks for, as the
// layouts open and close tags: content tied to its element by MCID, shapes
// outside figures and everything inside an Artifact marked as Artifacts, text
// outside any element left unmarked (for the checker to find).
#include "engine/ports/Errors.h"
#include "reports/PdfStructure.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi;
using namespace profkpi::reports;
using Kind = PdfStructure::Kind;

BOOST_AUTO_TEST_SUITE(PdfStructureTest)

BOOST_AUTO_TEST_CASE(contentIsTiedToItsElementByMcidPerPage) {
  PdfStructure s;
  s.begin(Tag{Role::H1});
  BOOST_TEST(s.markFor(0, Kind::Text) == "/H1 <</MCID 0>> BDC\n");
  BOOST_TEST(s.markFor(0, Kind::Text) == "");  // the same sequence goes on
  s.end();
  s.begin(Tag{Role::P});
  BOOST_TEST(s.markFor(0, Kind::Text) == "EMC\n/P <</MCID 1>> BDC\n");
  BOOST_TEST(s.close() == "EMC\n");
  BOOST_TEST(s.markFor(1, Kind::Text) == "/P <</MCID 0>> BDC\n");  // MCIDs count per page
  s.end();
  BOOST_TEST(s.close() == "EMC\n");
  BOOST_TEST(s.close() == "");
}

BOOST_AUTO_TEST_CASE(shapesAreArtifactsExceptInAFigure) {
  PdfStructure s;
  s.begin(Tag{Role::P});
  BOOST_TEST(s.markFor(0, Kind::Shape) == "/Artifact BMC\n");
  BOOST_TEST(s.markFor(0, Kind::Text) == "EMC\n/P <</MCID 0>> BDC\n");
  s.end();
  Tag figure{Role::Figure};
  figure.alt = "A chart";
  s.begin(figure);
  BOOST_TEST(s.markFor(0, Kind::Shape) == "EMC\n/Figure <</MCID 1>> BDC\n");
  BOOST_TEST(s.markFor(0, Kind::Text) == "");
  s.end();
  BOOST_TEST(s.markFor(0, Kind::Shape) == "EMC\n/Artifact BMC\n");
}

BOOST_AUTO_TEST_CASE(anArtifactOverridesTheOpenElementAndTagsInsideItAreIgnored) {
  PdfStructure s;
  s.begin(Tag{Role::Table});
  s.beginArtifact();
  s.begin(Tag{Role::TR});  // a repeated header row
  BOOST_TEST(s.markFor(0, Kind::Text) == "/Artifact BMC\n");
  BOOST_TEST(!s.textIsContent());
  s.end();
  s.endArtifact();
  s.begin(Tag{Role::TR});
  BOOST_TEST(s.textIsContent());
  BOOST_TEST(s.markFor(0, Kind::Text) == "EMC\n/TR <</MCID 0>> BDC\n");
  s.end();
  s.end();
}

BOOST_AUTO_TEST_CASE(textOutsideEveryElementIsLeftUnmarked) {
  PdfStructure s;
  BOOST_TEST(!s.textIsContent());
  BOOST_TEST(s.markFor(0, Kind::Text) == "");
  BOOST_TEST(s.markFor(0, Kind::Shape) == "/Artifact BMC\n");
  BOOST_TEST(s.markFor(0, Kind::Text) == "EMC\n");
}

BOOST_AUTO_TEST_CASE(unbalancedTagsAreRenderErrors) {
  PdfStructure s;
  BOOST_CHECK_THROW(s.end(), engine::RenderError);
  BOOST_CHECK_THROW(s.endArtifact(), engine::RenderError);
}

BOOST_AUTO_TEST_SUITE_END()

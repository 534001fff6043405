// The KPI catalogue's Welsh titles and definitions (issue 25): a second Title
// and Description with xml:lang="cy", checked by the schema and the loader.
#include "engine/intake/xml/CatalogueLoader.h"
#include "engine/intake/xml/DocumentTree.h"
#include "tests/support/Documents.h"
#include "tests/support/IntakeFixture.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

// A one-KPI catalogue with `texts` as the Kpi's Title and Description elements.
std::string catalogueWith(const std::string& texts) {
  return "<Catalogue xmlns=\"urn:profkpi:catalogue:1\" version=\"1.0\">"
         "<Kpi id=\"K1\" scaling=\"percent\" unit=\"%\" target=\"90\" amberRatio=\"0.8\" direction=\"higher\" "
         "jumpThreshold=\"25\">" +
         texts + "<Numerator>RolesMapped</Numerator><Denominator>RolesTotal</Denominator></Kpi></Catalogue>";
}

Catalogue load(const std::string& document) {
  std::string path = PROFKPI_TEST_TMP "/catalogue-languages.xml";
  writeFile(path, document);
  return xml::loadCatalogue(sharedSchemas(), path);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(CatalogueLanguagesTest)

BOOST_AUTO_TEST_CASE(theShippedCatalogueHasEveryKpiInWelsh) {
  Catalogue catalogue = xml::loadCatalogue(sharedSchemas());
  for (const KpiDefinition& k : catalogue.kpis()) {
    BOOST_TEST_CONTEXT(k.id) {
      BOOST_TEST(!k.welshTitle.empty());
      BOOST_TEST(!k.welshDescription.empty());
      BOOST_TEST(k.welshTitle != k.title);
    }
  }
  BOOST_TEST(catalogue.kpis().at(1).title == "Staff assessed against their role profile");
  BOOST_TEST(catalogue.kpis().at(1).welshTitle == "Staff a aseswyd yn erbyn proffil eu r\xC3\xB4l");
}

BOOST_AUTO_TEST_CASE(welshIsOptionalAndEitherOrderReads) {
  Catalogue english = load(catalogueWith("<Title>Roles</Title><Description>D.</Description>"));
  BOOST_TEST(english.kpis().front().welshTitle.empty());
  Catalogue both = load(catalogueWith("<Title xml:lang=\"cy\">Rolau</Title><Title>Roles</Title>"
                                      "<Description>D.</Description><Description xml:lang=\"cy\">Dd.</Description>"));
  BOOST_TEST(both.kpis().front().title == "Roles");
  BOOST_TEST(both.kpis().front().welshTitle == "Rolau");
  BOOST_TEST(both.kpis().front().welshDescription == "Dd.");
}

BOOST_AUTO_TEST_CASE(otherLanguagesTwoOfOneAndNoEnglishAreRefused) {
  BOOST_CHECK_THROW(load(catalogueWith("<Title>Roles</Title><Title xml:lang=\"fr\">R\xC3\xB4les</Title>"
                                       "<Description>D.</Description>")),
                    xml::DocumentError);
  BOOST_CHECK_THROW(load(catalogueWith("<Title xml:lang=\"cy\">Rolau</Title><Title xml:lang=\"cy\">Rolau 2</Title>"
                                       "<Description>D.</Description>")),
                    xml::DocumentError);
  BOOST_CHECK_THROW(load(catalogueWith("<Title xml:lang=\"cy\">Rolau</Title><Description>D.</Description>")),
                    xml::DocumentError);
  // The schema allows two of each at most, and no other attribute.
  BOOST_CHECK_THROW(load(catalogueWith("<Title>A</Title><Title xml:lang=\"cy\">B</Title><Title>C</Title>"
                                       "<Description>D.</Description>")),
                    xml::DocumentError);
  BOOST_CHECK_THROW(load(catalogueWith("<Title lang=\"cy\">A</Title><Description>D.</Description>")), xml::DocumentError);
}

BOOST_AUTO_TEST_SUITE_END()

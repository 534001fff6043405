#include "engine/intake/xml/DocumentTree.h"
#include "tests/support/IntakeFixture.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

// Equal names, attributes, lines and leaf text, at every depth. The text
// between child elements is not read by any loader.
void checkSameTree(const xml::XmlNode& read, const xml::XmlNode& validated) {
  BOOST_TEST(read.name == validated.name);
  BOOST_TEST(read.line == validated.line);
  BOOST_TEST((read.attributes == validated.attributes), read.name << " line " << read.line);
  if (validated.children.empty()) BOOST_TEST(read.text == validated.text);
  BOOST_TEST_REQUIRE(read.children.size() == validated.children.size());
  for (std::size_t i = 0; i < read.children.size(); ++i) checkSameTree(read.children[i], validated.children[i]);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(RegistryLoaderTest)

// The shipped documents are validated once per process, by Schemas' warm-up,
// and then read without validation: the trees must be the validated ones.
BOOST_AUTO_TEST_CASE(shippedDocumentsReadAsTheirValidatedTrees) {
  const xml::Schemas& schemas = sharedSchemas();
  checkSameTree(xml::readShippedDocument(schemas, xml::Schemas::defaultRegistry(), xml::REGISTRY_NAMESPACE, "r"),
                xml::readValidatedDocument(schemas, xml::Schemas::defaultRegistry(), xml::REGISTRY_NAMESPACE, "r"));
  checkSameTree(xml::readShippedDocument(schemas, xml::Schemas::defaultCatalogue(), xml::CATALOGUE_NAMESPACE, "c"),
                xml::readValidatedDocument(schemas, xml::Schemas::defaultCatalogue(), xml::CATALOGUE_NAMESPACE, "c"));
}

BOOST_AUTO_TEST_CASE(shippedRegistryHoldsTheRequiredCouncils) {
  const Registry& registry = shippedRegistry();
  for (const char* code : {"E06000001", "E06000002", "E06000003", "E06000004", "E06000005", "E07000008",
                           "E08000003", "E08000025", "E09000001", "E09000033", "E10000003", "W06000001",
                           "W06000002", "W06000015", "S12000036", "N09000003"}) {
    BOOST_TEST(registry.find(code) != nullptr, code);
  }
  const Organisation* anglesey = registry.find("W06000001");
  BOOST_TEST(anglesey->welshName == "Cyngor Sir Ynys Môn");
  BOOST_TEST(anglesey->type == "welsh-unitary");
  BOOST_TEST(anglesey->contact.find("example.org") != std::string::npos);
  BOOST_TEST(registry.find("E06999999") == nullptr);
}

BOOST_AUTO_TEST_CASE(invalidRegistryFileIsRefusedWithItsPosition) {
  std::string path = PROFKPI_TEST_TMP "/bad-registry.xml";
  writeFile(path, "<Registry xmlns=\"urn:profkpi:registry:1\" version=\"1\">"
                  "<Organisation code=\"E0600000\" type=\"unitary\"><Name>X</Name>"
                  "<Contact>a@b.example.org</Contact></Organisation></Registry>");
  BOOST_CHECK_THROW(xml::loadRegistry(sharedSchemas(), path), xml::DocumentError);
  BOOST_CHECK_THROW(xml::loadRegistry(sharedSchemas(), "/nonexistent.xml"), xml::DocumentError);
  writeFile(path, "<Submission xmlns=\"urn:profkpi:submission:1\" schemaVersion=\"1.0\"/>");
  BOOST_CHECK_THROW(xml::loadRegistry(sharedSchemas(), path), xml::DocumentError);
}

namespace {

// A one-organisation registry whose Organisation carries `languageAttribute`.
std::string registryWith(const std::string& languageAttribute) {
  std::string path = PROFKPI_TEST_TMP "/languages-registry.xml";
  writeFile(path, "<Registry xmlns=\"urn:profkpi:registry:1\" version=\"1\">\n"
                  "<Organisation code=\"W06000001\" type=\"welsh-unitary\" " + languageAttribute + ">"
                  "<Name>Isle of Anglesey County Council</Name><Contact>a@b.example.org</Contact>"
                  "</Organisation></Registry>");
  return path;
}

std::string refusal(const std::string& languageAttribute) {
  try {
    xml::loadRegistry(sharedSchemas(), registryWith(languageAttribute));
  } catch (const xml::DocumentError& e) {
    return e.what();
  }
  return "accepted";
}

}  // namespace

BOOST_AUTO_TEST_CASE(welshCouncilsAskForWelshThenEnglishAndTheRestForEnglish) {
  const Registry& registry = shippedRegistry();
  std::size_t welsh = 0;
  for (const Organisation& o : registry.all()) {
    if (o.code.rfind("W06", 0) == 0) {
      ++welsh;
      BOOST_TEST(o.reportLanguages == (std::vector<std::string>{"cy", "en"}), boost::test_tools::per_element());
    } else {
      BOOST_TEST(o.reportLanguages == std::vector<std::string>{"en"}, o.code);
    }
  }
  BOOST_TEST(welsh == 22u);
}

BOOST_AUTO_TEST_CASE(reportLanguagesAreReadInTheirOrder) {
  BOOST_TEST(xml::loadRegistry(sharedSchemas(), registryWith("reportLanguages=\"en  cy\"")).all().front().reportLanguages ==
                 (std::vector<std::string>{"en", "cy"}),
             boost::test_tools::per_element());
  BOOST_TEST(xml::loadRegistry(sharedSchemas(), registryWith("reportLanguages=\"cy\"")).all().front().reportLanguages ==
                 std::vector<std::string>{"cy"},
             boost::test_tools::per_element());
  BOOST_TEST(xml::loadRegistry(sharedSchemas(), registryWith("")).all().front().reportLanguages ==
                 std::vector<std::string>{"en"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(badReportLanguagesAreRefusedWithTheOrganisationAndLine) {
  std::string twice = refusal("reportLanguages=\"cy cy\"");
  BOOST_TEST(twice.find("languages-registry.xml:2: Organisation W06000001: reportLanguages \"cy cy\": \"cy\" is listed "
                        "twice") != std::string::npos,
             twice);
  // The schema refuses the rest, at the attribute's line.
  for (const char* bad : {"reportLanguages=\"fr\"", "reportLanguages=\"\"", "reportLanguages=\"cy,en\"",
                          "reportLanguages=\"EN\"", "reportLanguages=\"cy en en\""}) {
    std::string message = refusal(bad);
    BOOST_TEST(message != "accepted", bad);
    BOOST_TEST(message.find("languages-registry.xml:2:") != std::string::npos, bad << ": " << message);
  }
}

BOOST_AUTO_TEST_SUITE_END()

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

BOOST_AUTO_TEST_SUITE_END()

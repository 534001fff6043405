// docs/openapi.yaml passes the pinned `redocly lint` (recommended rules, examples
// checked strictly against their schemas) with no error and no warning.
#include "tests/openapi/OpenApiDescription.h"
#include "tests/support/Documents.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include <boost/test/unit_test.hpp>

using namespace profkpi::tests;

namespace {

// The totals of `redocly lint --format=json` on a description.
Poco::JSON::Object::Ptr lintTotals(const std::string& path) {
  ProcessResult r = runRedocly({"lint", path, "--config", redoclyConfigPath(), "--format=json"});
  BOOST_TEST_INFO("redocly lint: exit " << r.exitCode << "\n" << r.out << r.err);
  BOOST_REQUIRE(r.out.find('{') != std::string::npos);
  Poco::JSON::Parser parser;
  auto report = parser.parse(r.out.substr(r.out.find('{'))).extract<Poco::JSON::Object::Ptr>();
  BOOST_TEST_MESSAGE(r.out);
  return report->getObject("totals");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(DescriptionLintTest)

BOOST_AUTO_TEST_CASE(pinnedLinterIsInstalled) {
  ProcessResult r = runRedocly({"--version"});
  BOOST_TEST(r.exitCode == 0);
  BOOST_TEST(Poco::trim(r.out) == "1.34.20");
}

BOOST_AUTO_TEST_CASE(descriptionLintsWithoutErrorsOrWarnings) {
  auto totals = lintTotals(descriptionPath());
  BOOST_TEST(totals->getValue<int>("errors") == 0);
  BOOST_TEST(totals->getValue<int>("warnings") == 0);
}

BOOST_AUTO_TEST_CASE(lintRefusesAnExampleThatDisagreesWithItsSchema) {
  std::string text = readFile(descriptionPath());
  const std::string revision = "revision: 2\n";
  BOOST_REQUIRE(text.find(revision) != std::string::npos);
  Poco::replaceInPlace(text, revision, std::string("revision: two\n"));
  TempDir dir;
  writeFile(dir.file("openapi.yaml"), text);
  BOOST_TEST(lintTotals(dir.file("openapi.yaml"))->getValue<int>("errors") > 0);
}

BOOST_AUTO_TEST_SUITE_END()

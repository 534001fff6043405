#include "engine/model/ReportLanguage.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;

namespace {

std::string refusal(const std::string& list) {
  std::string error;
  std::vector<std::string> languages = parseLanguageList(list, error);
  BOOST_TEST(languages.empty(), list);
  return error;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ReportLanguageTest)

BOOST_AUTO_TEST_CASE(aListIsReadInItsOrderWhateverTheSpaces) {
  std::string error;
  BOOST_TEST(parseLanguageList("cy en", error) == (std::vector<std::string>{"cy", "en"}),
             boost::test_tools::per_element());
  BOOST_TEST(parseLanguageList(" en\tcy\n", error) == (std::vector<std::string>{"en", "cy"}),
             boost::test_tools::per_element());
  BOOST_TEST(parseLanguageList("cy", error) == std::vector<std::string>{"cy"}, boost::test_tools::per_element());
  BOOST_TEST(error.empty());
}

BOOST_AUTO_TEST_CASE(unsupportedRepeatedOrNoLanguagesAreRefusedByName) {
  BOOST_TEST(refusal("cy fr") == "\"fr\" is not a report language (en or cy)");
  BOOST_TEST(refusal("CY") == "\"CY\" is not a report language (en or cy)");
  BOOST_TEST(refusal("en cy en") == "\"en\" is listed twice");
  BOOST_TEST(refusal("  ") == "no language is listed (en, cy or both)");
  BOOST_TEST(refusal("") == "no language is listed (en, cy or both)");
}

BOOST_AUTO_TEST_CASE(englishKeepsItsFileNamesAndOtherLanguagesAreTagged) {
  BOOST_TEST(fileNameIn("en", "W06000001", "pdf") == "W06000001.pdf");
  BOOST_TEST(fileNameIn("cy", "W06000001", "pdf") == "W06000001.cy.pdf");
  BOOST_TEST(fileNameIn("cy", "W06000001-2009-10-Q2", "html") == "W06000001-2009-10-Q2.cy.html");
  BOOST_TEST(isSupportedLanguage("cy"));
  BOOST_TEST(!isSupportedLanguage("cy-GB"));
  BOOST_TEST(!isSupportedLanguage(""));
}

BOOST_AUTO_TEST_SUITE_END()

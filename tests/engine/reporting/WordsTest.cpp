// The report's words in its language (engine/reporting/Words.h): placeholders,
// the per-thread language, and a fake catalogue standing in for the port.
#include "engine/ports/Messages.h"
#include "engine/reporting/ReportText.h"
#include "engine/reporting/Words.h"

#include <boost/test/unit_test.hpp>

#include <future>

using namespace profkpi::engine;
using namespace profkpi::engine::report;

namespace {

// Upper-cases every message and takes the plural form by n > 1; names months "M1".."M12".
class ShoutingWords final : public Messages {
 public:
  std::string text(const char*, const char* msgid) const override { return upper(msgid); }
  std::string plural(const char*, const char* singular, const char* plural, std::int64_t n) const override {
    return upper(n > 1 ? plural : singular);
  }
  std::string monthName(int month, bool abbreviated) const override {
    return (abbreviated ? "m" : "M") + std::to_string(month);
  }

 private:
  static std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return s;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(WordsTest)

BOOST_AUTO_TEST_CASE(placeholdersTakeTheirArgumentsInAnyOrder) {
  BOOST_TEST(fill("{2} before {1}", {"one", "two"}) == "two before one");
  BOOST_TEST(fill("{1}{1}", {"x"}) == "xx");
  // A placeholder without an argument, and braces that are no placeholder, stay.
  BOOST_TEST(fill("{3} {0} {a} {", {"x"}) == "{3} {0} {a} {");
  // Arguments are not read for placeholders themselves.
  BOOST_TEST(fill("{1} and {2}", {"{2}", "b"}) == "{2} and b");
}

BOOST_AUTO_TEST_CASE(withoutACatalogueTheSourceWordsAreShown) {
  LanguageScope scope("xx");  // no catalogue installed for it
  BOOST_TEST(language() == "xx");
  BOOST_TEST(tr("status", "Green") == "Green");
  BOOST_TEST(trn("count", "{1} KPI", "{1} KPIs", 1) == "{1} KPI");
  BOOST_TEST(trn("count", "{1} KPI", "{1} KPIs", 0) == "{1} KPIs");
  BOOST_TEST(monthName(7) == "July");
  BOOST_TEST(monthName(7, true) == "Jul");
  BOOST_TEST(periodInWords("2009-10-Q4") == "January to March 2010 (Q4 2009/10)");
}

BOOST_AUTO_TEST_CASE(eachThreadWritesInItsOwnLanguageAndScopesNest) {
  installMessages("zz", std::make_shared<ShoutingWords>());
  BOOST_TEST(language() == "en");
  {
    LanguageScope outer("zz");
    BOOST_TEST(statusWord(Status::Amber) == "AMBER");
    BOOST_TEST(periodInWords("2009-10-Q2") == "M7 TO M9 2009 (Q2 2009/10)");
    // Another thread is in English meanwhile.
    BOOST_TEST(std::async(std::launch::async, [] { return statusWord(Status::Amber); }).get() == "Amber");
    {
      LanguageScope inner("en");
      BOOST_TEST(statusWord(Status::Amber) == "Amber");
    }
    BOOST_TEST(statusWord(Status::Amber) == "AMBER");
  }
  BOOST_TEST(language() == "en");
  BOOST_TEST(statusWord(Status::Amber) == "Amber");
}

BOOST_AUTO_TEST_SUITE_END()

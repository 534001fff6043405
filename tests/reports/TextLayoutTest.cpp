// Cleaning and fitting untrusted text: nothing overflows, nothing vanishes.
#include "reports/TextLayout.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::reports;

namespace {

// One point per character: easy to reason about.
const MeasureText byCharacters = [](std::string_view text) { return static_cast<double>(decodeUtf8(text).size()); };
const auto everything = [](char32_t c) { return c < 0x10000; };
const auto asciiOnly = [](char32_t c) { return c < 0x80 || c == 0xFFFD; };

}  // namespace

BOOST_AUTO_TEST_SUITE(TextLayoutTest)

BOOST_AUTO_TEST_CASE(controlCharactersAreRemovedAndSpacesCollapsed) {
  BOOST_TEST(cleanText("  Cyngor\tSir\n\nYnys\x01\x07 M\xC3\xB4n\x1B ", everything) == "Cyngor Sir Ynys M\xC3\xB4n");
  BOOST_TEST(cleanText("a\xE2\x80\xAE" "b\xE2\x80\x8B" "c\xC2\x9B" "d", everything) == "abcd");  // RLO, ZWSP, CSI
  BOOST_TEST(cleanText("", everything).empty());
}

BOOST_AUTO_TEST_CASE(charactersTheFontLacksBecomeAVisibleSubstitute) {
  // An emoji is outside the Basic Multilingual Plane: never silently dropped.
  BOOST_TEST(cleanText("Fun \xF0\x9F\x8F\xB0 Council", everything) == "Fun \xEF\xBF\xBD Council");
  BOOST_TEST(cleanText("M\xC3\xB4n", asciiOnly) == "M\xEF\xBF\xBDn");
  BOOST_TEST(cleanText("M\xC3\xB4n", [](char32_t c) { return c < 0x80; }) == "M?n");
}

BOOST_AUTO_TEST_CASE(invalidUtf8BecomesReplacementCharacters) {
  BOOST_CHECK(decodeUtf8("a\xFF" "b") == std::u32string(U"a\uFFFDb"));
  BOOST_CHECK(decodeUtf8("\xC0\xAF") == std::u32string(U"\uFFFD\uFFFD"));  // overlong "/"
  BOOST_CHECK(decodeUtf8("\xED\xA0\x80").front() == U'\uFFFD');              // a surrogate
  BOOST_CHECK(decodeUtf8("x\xE2\x82") == std::u32string(U"x\uFFFD\uFFFD"));  // cut short
  BOOST_TEST(encodeUtf8(decodeUtf8("Ynys M\xC3\xB4n \xF0\x9F\x8F\xB0")) == "Ynys M\xC3\xB4n \xF0\x9F\x8F\xB0");
}

BOOST_AUTO_TEST_CASE(wrappedLinesNeverExceedTheWidth) {
  std::string text = "The share of IT staff in post at the end of the period who were assessed against their role";
  std::vector<std::string> lines = wrapText(text, 20, 100, byCharacters, "...");
  BOOST_TEST(lines.size() > 1u);
  std::string joined;
  for (const std::string& line : lines) {
    BOOST_TEST(byCharacters(line) <= 20);
    joined += (joined.empty() ? "" : " ") + line;
  }
  BOOST_TEST(joined == text);
}

BOOST_AUTO_TEST_CASE(aWordWiderThanTheLineIsBrokenNotDropped) {
  std::string word(300, 'W');
  std::vector<std::string> lines = wrapText("Council " + word + " end", 50, 100, byCharacters, "...");
  std::string joined;
  for (const std::string& line : lines) {
    BOOST_TEST(byCharacters(line) <= 50);
    joined += line;
  }
  BOOST_TEST(joined.find(word) != std::string::npos);
  BOOST_TEST(lines.front() == "Council");
}

// The chase list's contacts: an address wider than its column breaks before an
// '@' or a '.', never inside a word of it.
BOOST_AUTO_TEST_CASE(anAddressBreaksBeforeItsAtSignOrDots) {
  std::vector<std::string> lines = wrapText("kpi@bridgend-county-borough.example.org", 30, 5, byCharacters, "...");
  BOOST_TEST(lines == std::vector<std::string>({"kpi@bridgend-county-borough", ".example.org"}),
             boost::test_tools::per_element());
  lines = wrapText("kpi@gwynedd.example.org", 14, 5, byCharacters, "...");
  BOOST_TEST(lines == std::vector<std::string>({"kpi@gwynedd", ".example.org"}), boost::test_tools::per_element());
  // No '@' nor '.' that fits: between characters, as before.
  lines = wrapText("abcdefghij.k", 4, 5, byCharacters, "...");
  BOOST_TEST(lines.front() == "abcd");
}

// A tight table column can leave no width, or less (found by text-layout-fuzzer:
// a negative width read past the end of the text and threw std::out_of_range).
BOOST_AUTO_TEST_CASE(noWidthOrLessPutsEachCharacterOnItsOwnLine) {
  for (double width : {0.0, -0.5, -20.0}) {
    BOOST_TEST_CONTEXT("width " << width) {
      std::vector<std::string> lines;
      BOOST_REQUIRE_NO_THROW(lines = wrapText("ab c", width, 10, byCharacters, "..."));
      BOOST_TEST(lines == (std::vector<std::string>{"a", "b", "c"}), boost::test_tools::per_element());
      BOOST_REQUIRE_NO_THROW(lines = wrapText("ab c", width, 2, byCharacters, "..."));
      BOOST_TEST(lines.size() == 2u);
      BOOST_TEST(lines.front() == "a");
      BOOST_TEST(fitText("ab", width, byCharacters, "...") == "a...");
    }
  }
}

BOOST_AUTO_TEST_CASE(tooManyLinesEndWithAnEllipsisWithinTheWidth) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "word ";
  std::vector<std::string> lines = wrapText(text, 23, 3, byCharacters, "\xE2\x80\xA6");
  BOOST_REQUIRE(lines.size() == 3u);
  BOOST_TEST(lines.back().substr(lines.back().size() - 3) == "\xE2\x80\xA6");
  for (const std::string& line : lines) BOOST_TEST(byCharacters(line) <= 23);
}

BOOST_AUTO_TEST_CASE(combiningMarksStayWithTheirLetter) {
  // "e" + COMBINING ACUTE repeated: a break never separates a mark from its base.
  std::string text;
  for (int i = 0; i < 10; ++i) text += "e\xCC\x81";
  for (const std::string& line : wrapText(text, 5, 100, byCharacters, "...")) {
    BOOST_TEST(line.substr(0, 2) != "\xCC\x81");
  }
}

BOOST_AUTO_TEST_CASE(rightToLeftRunsAreDrawnInVisualOrder) {
  // Hebrew "shalom" (shin lamed vav mem-final) is drawn from its last letter.
  BOOST_TEST(visualOrder("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D") == "\xD7\x9D\xD7\x95\xD7\x9C\xD7\xA9");
  // Latin stays; numbers inside a right-to-left run keep their order.
  BOOST_TEST(visualOrder("Council \xD7\x90 12 \xD7\x91 end") == "Council \xD7\x91 12 \xD7\x90 end");
  BOOST_TEST(visualOrder("plain (text) 2009") == "plain (text) 2009");
}

BOOST_AUTO_TEST_CASE(fitShortensWithAnEllipsis) {
  BOOST_TEST(fitText("short", 10, byCharacters, "...") == "short");
  BOOST_TEST(fitText("a rather long name", 10, byCharacters, "...") == "a rathe...");
  BOOST_TEST(byCharacters(fitText(std::string(300, 'x'), 10, byCharacters, "...")) <= 10);
}

BOOST_AUTO_TEST_SUITE_END()

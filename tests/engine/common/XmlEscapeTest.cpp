// The one XML escaper behind the demo data, the converter and the reports:
// what a parser would change (markup, quotes, normalised white space) goes as
// a reference; everything else, UTF-8 included, is copied.
#include "engine/common/XmlEscape.h"

#include <boost/test/unit_test.hpp>

using profkpi::engine::escapeXml;
using profkpi::engine::XmlPlace;

BOOST_AUTO_TEST_SUITE(XmlEscapeTest)

BOOST_AUTO_TEST_CASE(markupCharactersBecomeReferencesInBothPlaces) {
  BOOST_TEST(escapeXml("a & <b> c", XmlPlace::Text) == "a &amp; &lt;b&gt; c");
  BOOST_TEST(escapeXml("a & <b> c", XmlPlace::Attribute) == "a &amp; &lt;b&gt; c");
  BOOST_TEST(escapeXml("&amp;", XmlPlace::Text) == "&amp;amp;");
}

BOOST_AUTO_TEST_CASE(quotesAreEscapedInAttributesOnly) {
  BOOST_TEST(escapeXml("\"St John's\"", XmlPlace::Text) == "\"St John's\"");
  BOOST_TEST(escapeXml("\"St John's\"", XmlPlace::Attribute) == "&quot;St John&apos;s&quot;");
}

BOOST_AUTO_TEST_CASE(whiteSpaceAParserWouldNormaliseBecomesReferences) {
  // In content only CR is normalised (to LF); in attributes tab, LF and CR become spaces.
  BOOST_TEST(escapeXml("x\ty\nz\r", XmlPlace::Text) == "x\ty\nz&#13;");
  BOOST_TEST(escapeXml("x\ty\nz\r", XmlPlace::Attribute) == "x&#9;y&#10;z&#13;");
  BOOST_TEST(escapeXml("\r\n", XmlPlace::Text) == "&#13;\n");
}

BOOST_AUTO_TEST_CASE(nonAsciiTextIsCopiedByteForByte) {
  const std::string welsh = "Cyngor Sir Ynys M\xC3\xB4n \xE2\x80\x93 \xF0\x9F\x93\x8A";  // ô, en dash, a 4-byte emoji
  BOOST_TEST(escapeXml(welsh, XmlPlace::Text) == welsh);
  BOOST_TEST(escapeXml(welsh, XmlPlace::Attribute) == welsh);
  BOOST_TEST(escapeXml("\xC3\xB4<", XmlPlace::Attribute) == "\xC3\xB4&lt;");
}

BOOST_AUTO_TEST_CASE(emptyTextStaysEmpty) {
  BOOST_TEST(escapeXml("", XmlPlace::Text).empty());
  BOOST_TEST(escapeXml("", XmlPlace::Attribute).empty());
}

BOOST_AUTO_TEST_CASE(embeddedNulIsCopiedNotTreatedAsTheEnd) {
  // string_view, not a C string: the caller's cleaning decides what may be in XML.
  BOOST_TEST(escapeXml(std::string_view("a\0&", 3), XmlPlace::Text) == std::string("a\0&amp;", 7));
}

BOOST_AUTO_TEST_SUITE_END()

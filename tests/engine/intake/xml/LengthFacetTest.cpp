// SUBMISSION.md: text limits are in characters, "any Unicode". Xerces 3.2 counts
// UTF-16 units, so an emoji counted twice and a 200-character name was refused.
#include "engine/intake/xml/LengthFacet.h"
#include "tests/support/IntakeFixture.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

std::string repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

const std::string EMOJI = "\xF0\x9F\x98\x80";  // U+1F600, two UTF-16 units
const std::string W_CIRCUMFLEX = "\xC5\xB5";     // U+0175 (Welsh), one unit

}  // namespace

BOOST_FIXTURE_TEST_SUITE(LengthFacetTest, IntakeFixture)

BOOST_AUTO_TEST_CASE(organisationNameIsCountedInCharacters) {
  HeaderFields h;
  h.organisationName = repeat(EMOJI, 200);
  BOOST_TEST(read(aggregateDocument(h)).accepted(), allMessages(read(aggregateDocument(h))));
  h.organisationName = repeat(EMOJI, 199) + "a";
  BOOST_TEST(read(aggregateDocument(h)).accepted());
  h.organisationName = repeat(EMOJI, 201);
  IntakeResult over = read(aggregateDocument(h));
  BOOST_TEST(errorCodes(over) == Codes{"XSD"});
  BOOST_TEST(allMessages(over).find("has length '201' characters, which exceeds maxLength facet value '200'") !=
                 std::string::npos,
             allMessages(over));
  h.organisationName = repeat(W_CIRCUMFLEX, 200);
  BOOST_TEST(read(aggregateDocument(h)).accepted());
  h.organisationName = repeat(W_CIRCUMFLEX, 201);
  BOOST_TEST(errorCodes(read(aggregateDocument(h))) == Codes{"XSD"});
}

BOOST_AUTO_TEST_CASE(attributesAndTitlesAreCountedInCharacters) {
  HeaderFields h;
  h.extra = "    <PreparedBy>" + repeat(EMOJI, 200) + "</PreparedBy>\n    <SourceSystem name=\"" + repeat(EMOJI, 100) +
            "\" version=\"" + repeat(EMOJI, 50) + "\"/>\n";
  IntakeResult r = read(aggregateDocument(h));
  BOOST_TEST(r.accepted(), allMessages(r));
  h.extra = "    <SourceSystem name=\"" + repeat(EMOJI, 101) + "\"/>\n";
  BOOST_TEST(errorCodes(read(aggregateDocument(h))) == Codes{"XSD"});

  auto withRoleTitle = [&](const std::string& title) {
    std::string xml = workforceDocument({}, {RoleFields{}}, plainMembers(1));
    std::size_t at = xml.find(">Role R1</Role>");
    BOOST_REQUIRE(at != std::string::npos);
    return xml.replace(at + 1, 7, title);
  };
  IntakeResult workforce = read(withRoleTitle(repeat(EMOJI, 200)));
  BOOST_TEST(workforce.accepted(), allMessages(workforce));
  BOOST_TEST(errorCodes(read(withRoleTitle(repeat(EMOJI, 201)))) == Codes{"XSD"});
}

BOOST_AUTO_TEST_CASE(otherFindingsPassUnchanged) {
  using xml::recountedLengthFinding;
  std::u16string plain = u"value 'aaa' has length '3' which exceeds maxLength facet value '2'";
  BOOST_TEST((recountedLengthFinding(plain) == plain));
  std::u16string other = u"value 'x' does not match regular expression facet '[A-Z]{4}'";
  BOOST_TEST((recountedLengthFinding(other) == other));
  std::u16string cut = u"value '\U0001F600\U0001F600\U0001F600";  // Xerces cut the message short
  BOOST_TEST((recountedLengthFinding(cut) == cut));
  BOOST_TEST(!recountedLengthFinding(u"value '\U0001F600\U0001F600' has length '4' which exceeds maxLength facet value '2'"));
  BOOST_TEST((recountedLengthFinding(u"value '\U0001F600\U0001F600' has length '4' which exceeds maxLength facet value '1'") ==
              std::u16string(u"value '\U0001F600\U0001F600' has length '2' characters, which exceeds maxLength facet value '1'")));
}

// Xerces cuts its message at 2,047 UTF-16 units, so a long value's finding
// cannot be recounted from the message: the text is judged in characters.
BOOST_AUTO_TEST_CASE(longExplanationIsJudgedInCharactersWhateverTheMessage) {
  const std::string FRAKTUR_U = "\xF0\x9D\x94\x98";  // U+1D518, two UTF-16 units
  auto explained = [](const std::string& text) {
    return aggregateDocument({}, {}, "<Explanation code=\"PQ102\" kpi=\"K5\">" + text + "</Explanation>");
  };
  IntakeResult astral = read(explained(repeat(FRAKTUR_U, 1001)));
  BOOST_TEST(astral.accepted(), allMessages(astral));
  IntakeResult mixed = read(explained(std::string(1999, 'a') + FRAKTUR_U));
  BOOST_TEST(mixed.accepted(), allMessages(mixed));
  IntakeResult full = read(explained(repeat(FRAKTUR_U, 2000)));
  BOOST_TEST(full.accepted(), allMessages(full));

  IntakeResult over = read(explained(repeat(FRAKTUR_U, 2001)));
  BOOST_TEST(errorCodes(over) == Codes{"XSD"});
  BOOST_TEST(allMessages(over).find("has length '2001' characters, which exceeds maxLength facet value '2000'") !=
                 std::string::npos,
             allMessages(over));
  IntakeResult ascii = read(explained(std::string(2001, 'a')));
  BOOST_TEST(errorCodes(ascii) == Codes{"XSD"});
  BOOST_TEST(allMessages(ascii).find("has length '2001' characters, which exceeds maxLength facet value '2000'") !=
                 std::string::npos,
             allMessages(ascii));
  BOOST_TEST(allMessages(ascii).size() < 400u, allMessages(ascii));  // the value is quoted, not copied whole
}

BOOST_AUTO_TEST_CASE(cutFindingsAreRecognised) {
  using xml::isCutValueFinding;
  BOOST_TEST(isCutValueFinding(u"value '" + std::u16string(2040, u'a')));
  BOOST_TEST(!isCutValueFinding(u"value 'aaa' has length '3' which exceeds maxLength facet value '2'"));
  BOOST_TEST(!isCutValueFinding(u"element 'x' is not allowed"));
  BOOST_TEST(!xml::judgedLength(u"\U0001D518\U0001D518", 2));
  BOOST_TEST((*xml::judgedLength(u"\U0001D518\U0001D518\U0001D518", 2) ==
              u"value '\U0001D518\U0001D518\U0001D518' has length '3' characters, "
              u"which exceeds maxLength facet value '2'"));
}

BOOST_AUTO_TEST_SUITE_END()

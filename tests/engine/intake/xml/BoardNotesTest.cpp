// Submission format 1.1 (SUBMISSION.md section 7): BoardNotes read, every facet
// of its elements judged, 1.0 documents judged as before, PK008.
#include "tests/support/IntakeFixture.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

// The shipped Aggregate as 1.1, with `notes` (the whole BoardNotes element) after the figures.
std::string version11(const std::string& notes, const std::string& explanations = {}) {
  std::string xml = aggregateDocument({}, {}, explanations);
  xml.replace(xml.find("schemaVersion=\"1.0\""), 19, "schemaVersion=\"1.1\"");
  xml.insert(xml.rfind("</Submission>"), notes);
  return xml;
}

std::string withAction(const std::string& attributes, const std::string& text = "Do it.") {
  return version11("<BoardNotes><Action " + attributes + ">" + text + "</Action></BoardNotes>\n");
}

std::string repeat(const std::string& unit, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

long lineOf(const std::string& xml, const std::string& text) {
  return 1 + static_cast<long>(std::count(xml.begin(), xml.begin() + static_cast<long>(xml.find(text)), '\n'));
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(BoardNotesTest, IntakeFixture)

BOOST_AUTO_TEST_CASE(notesAreReadAsWritten) {
  std::string xml = version11(
      "<BoardNotes>\n<Summary>Môn: ŵ ŷ &amp; more</Summary>\n"
      "<Action kpi=\"K2\" owner=\"Pennaeth TGCh\" due=\"2009-12-31\">Assess  everyone.</Action>\n"
      "<Action owner=\"Board\">Report back.</Action>\n</BoardNotes>\n");
  IntakeResult r = read(xml);
  BOOST_TEST(r.accepted(), allMessages(r));
  BOOST_REQUIRE(r.submission.boardNotes.has_value());
  const BoardNotes& n = *r.submission.boardNotes;
  BOOST_TEST(n.summary == "Môn: ŵ ŷ & more");
  BOOST_REQUIRE(n.actions.size() == 2u);
  BOOST_TEST(n.actions[0].kpi == "K2");
  BOOST_TEST(n.actions[0].owner == "Pennaeth TGCh");
  BOOST_TEST(formatDate(*n.actions[0].due) == "2009-12-31");
  BOOST_TEST(n.actions[0].text == "Assess  everyone.");
  BOOST_TEST(n.actions[0].position.line == lineOf(xml, "kpi=\"K2\""));
  BOOST_TEST(n.actions[1].kpi.empty());
  BOOST_TEST(!n.actions[1].due.has_value());
  BOOST_TEST(r.submission.header.schemaVersion == "1.1");
}

BOOST_AUTO_TEST_CASE(version11WithoutNotesIsAccepted) {
  IntakeResult r = read(version11(""));
  BOOST_TEST(r.accepted(), allMessages(r));
  BOOST_TEST(!r.submission.boardNotes.has_value());
  BOOST_TEST(!read(aggregateDocument()).submission.boardNotes.has_value());
}

BOOST_AUTO_TEST_CASE(boardNotesInVersion10AreOneSchemaErrorNamingVersion11) {
  std::string xml = version11("<BoardNotes><Summary>x</Summary><Action owner=\"o\">y</Action></BoardNotes>\n");
  xml.replace(xml.find("schemaVersion=\"1.1\""), 19, "schemaVersion=\"1.0\"");
  IntakeResult r = read(xml);
  BOOST_TEST(errorCodes(r) == Codes{"XSD"}, allMessages(r));
  BOOST_TEST(r.diagnostics.at(0).message.find("BoardNotes needs schemaVersion=\"1.1\"") != std::string::npos,
             allMessages(r));
  BOOST_TEST(r.diagnostics.at(0).line == lineOf(xml, "<BoardNotes>"));
  BOOST_TEST(!r.submission.boardNotes.has_value());
  // Another 1.0 fault after it is still reported.
  xml.insert(xml.rfind("</Submission>"), "<Extra/>");
  BOOST_TEST(errorCodes(read(xml)).size() == 2u, allMessages(read(xml)));
}

BOOST_AUTO_TEST_CASE(unknownVersionNamesEverySupportedOne) {
  std::string xml = version11("");
  xml.replace(xml.find("schemaVersion=\"1.1\""), 19, "schemaVersion=\"1.2\"");
  IntakeResult r = read(xml);
  BOOST_TEST(errorCodes(r) == Codes{"XSD"});
  BOOST_TEST(r.diagnostics.at(0).message.find("\"1.2\"") != std::string::npos);
  BOOST_TEST(r.diagnostics.at(0).message.find("supported: 1.0, 1.1") != std::string::npos, allMessages(r));
}

BOOST_AUTO_TEST_CASE(emptyOrMisorderedNotesAreSchemaErrors) {
  for (const char* notes : {"<BoardNotes/>", "<BoardNotes></BoardNotes>",
                            "<BoardNotes><Action owner=\"o\">a</Action><Summary>s</Summary></BoardNotes>",
                            "<BoardNotes><Summary>s</Summary><Summary>t</Summary></BoardNotes>",
                            "<BoardNotes><Summary/></BoardNotes>", "<BoardNotes><Other/></BoardNotes>"}) {
    IntakeResult r = read(version11(notes));
    BOOST_TEST(!r.accepted(), notes);
    BOOST_TEST(errorCodes(r).front() == "XSD", notes);
  }
  // BoardNotes comes last: not before the Explanations.
  std::string xml = version11("", "<Explanation code=\"PQ103\">x</Explanation>");
  xml.insert(xml.find("<Explanations>"), "<BoardNotes><Summary>s</Summary></BoardNotes>");
  BOOST_TEST(errorCodes(read(xml)).front() == "XSD");
  BOOST_TEST(read(version11("<BoardNotes><Summary>s</Summary></BoardNotes>",
                            "<Explanation code=\"PQ103\">x</Explanation>"))
                 .accepted());
}

// Lengths are in characters (ŵ is two UTF-8 bytes, one UTF-16 unit; 𝔸 two units).
BOOST_AUTO_TEST_CASE(lengthsAreJudgedInCharacters) {
  for (const std::string& unit : {std::string("a"), std::string("ŵ"), std::string("\xF0\x9D\x94\xB8")}) {
    BOOST_TEST(read(version11("<BoardNotes><Summary>" + repeat(unit, 2000) + "</Summary></BoardNotes>")).accepted(), unit);
    BOOST_TEST(!read(version11("<BoardNotes><Summary>" + repeat(unit, 2001) + "</Summary></BoardNotes>")).accepted(), unit);
    BOOST_TEST(read(withAction("owner=\"o\"", repeat(unit, 500))).accepted(), unit);
    BOOST_TEST(!read(withAction("owner=\"o\"", repeat(unit, 501))).accepted(), unit);
    BOOST_TEST(read(withAction("owner=\"" + repeat(unit, 100) + "\"")).accepted(), unit);
    BOOST_TEST(!read(withAction("owner=\"" + repeat(unit, 101) + "\"")).accepted(), unit);
  }
  IntakeResult tooLong = read(withAction("owner=\"o\"", repeat("ŵ", 501)));
  BOOST_TEST(tooLong.diagnostics.at(0).message.find("501") != std::string::npos, allMessages(tooLong));
  BOOST_TEST(!read(withAction("owner=\"o\"", "")).accepted());
  BOOST_TEST(!read(withAction("owner=\"\"")).accepted());
}

BOOST_AUTO_TEST_CASE(actionAttributesFollowTheirFacets) {
  for (const char* good : {"owner=\"o\"", "owner=\"o\" kpi=\"K1\"", "owner=\"o\" kpi=\"K5\" due=\"2010-02-28\"",
                           "owner=\"o\" due=\"2009-12-31Z\""}) {
    IntakeResult r = read(withAction(good));
    BOOST_TEST(r.accepted(), good << ": " << allMessages(r));
  }
  for (const char* bad : {"kpi=\"K1\"", "owner=\"o\" kpi=\"K0\"", "owner=\"o\" kpi=\"K10\"", "owner=\"o\" kpi=\"k1\"",
                          "owner=\"o\" kpi=\"\"", "owner=\"o\" due=\"2009-02-30\"", "owner=\"o\" due=\"31/12/2009\"",
                          "owner=\"o\" status=\"done\""}) {
    IntakeResult r = read(withAction(bad));
    BOOST_TEST(errorCodes(r) == Codes{"XSD"}, bad << ": " << allMessages(r));
  }
}

BOOST_AUTO_TEST_CASE(pk008NamesAKpiOutsideTheCatalogueWhereItStands) {
  std::string xml = withAction("owner=\"o\" kpi=\"K7\"");
  IntakeResult r = read(xml);
  BOOST_TEST(errorCodes(r) == Codes{"PK008"}, allMessages(r));
  BOOST_TEST(r.diagnostics.at(0).line == lineOf(xml, "kpi=\"K7\""));
  BOOST_TEST(r.diagnostics.at(0).column > 1);
  BOOST_TEST(r.diagnostics.at(0).message.find("K7") != std::string::npos);
  BOOST_TEST(r.diagnostics.at(0).message.find("K1, K2, K3, K4, K5") != std::string::npos);

  std::string explained = version11("", "<Explanation code=\"PQ101\" kpi=\"K9\">x</Explanation>");
  BOOST_TEST(errorCodes(read(explained)) == Codes{"PK008"});
  // A 1.0 document is judged as before: no PK008.
  std::string before = aggregateDocument({}, {}, "<Explanation code=\"PQ101\" kpi=\"K9\">x</Explanation>");
  BOOST_TEST(read(before).accepted(), allMessages(read(before)));
}

// One reader moves between versions (its second parse after a change of version)
// and gives what a fresh reader gives.
BOOST_AUTO_TEST_CASE(aReaderMovesBetweenVersions) {
  std::string v10 = aggregateDocument();
  std::string v11 = withAction("owner=\"o\" kpi=\"K7\"");
  for (int round = 0; round < 3; ++round) {
    BOOST_TEST(read(v10).accepted());
    BOOST_TEST(errorCodes(read(v11)) == Codes{"PK008"});
    BOOST_TEST(read(v11).diagnostics.size() == 1u);
  }
  IntakeFixture fresh;
  BOOST_TEST(fresh.read(v11).diagnostics.at(0).line == read(v11).diagnostics.at(0).line);
}

BOOST_AUTO_TEST_SUITE_END()

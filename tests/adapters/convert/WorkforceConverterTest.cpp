// The converter on real files, its output read back by the real intake
// (schema, identity constraints, business rules): what it writes validates, and
// what it refuses is named by CSV line and column.
#include "adapters/convert/WorkforceConverter.h"
#include "tests/support/IntakeFixture.h"
#include "tests/support/Process.h"

#include <Poco/AutoPtr.h>
#include <Poco/File.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <random>
#include <sstream>

using namespace profkpi::adapters::convert;
using namespace profkpi::tests;
namespace engine = profkpi::engine;

namespace {

const std::string MAPPING =
    "member.id = Id\nmember.role = Role\nmember.fte = FTE\nmember.assessment = Appraised\nmember.pdp = PDP\n"
    "member.cpd = CPD\nrole.title = Title\nrole.mapped = Mapped\nrole.sfiaCode = Skill\nrole.sfiaLevel = Level\n"
    "dates.format = %d/%m/%Y\n"
    "recognition.1.body = Body\nrecognition.1.kind = Kind\nrecognition.1.grade = Grade\n"
    "recognition.1.kind.membership = Member\n";
const std::string HEADER = "Id,Role,Title,Mapped,Skill,Level,FTE,Appraised,PDP,CPD,Body,Kind,Grade\n";

struct Fixture {
  TempDir dir;
  ManualClock clock{"2025-10-06T00:00:00Z"};
  engine::xml::SubmissionReader reader{sharedSchemas(), shippedRegistry(), shippedCatalogue(), clock};
  std::string mappingText = MAPPING;

  static HeaderValues header() {
    HeaderValues h;
    h.submissionId = "6a1f0c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b";
    h.organisation = "E06000001";
    h.organisationName = "Hartlepool Borough Council";
    h.period = "2025-26-Q2";
    h.preparedAt = "2025-10-05T09:00:00+01:00";
    return h;
  }

  Mapping mapping() {
    std::istringstream in(mappingText);
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config(new Poco::Util::PropertyFileConfiguration(in));
    return loadMapping(*config);
  }

  ConversionResult convert(const std::string& csv, std::size_t maxProblems = 100) {
    std::string in = dir.file("in.csv");
    std::ofstream(in, std::ios::binary) << csv;
    Mapping m = mapping();
    WorkforceConverter converter(m, header(), engine::Date(date::year{2025} / 10 / 5), maxProblems);
    return converter.convert(in, out());
  }

  std::string out() const { return dir.file("out.xml"); }

  engine::IntakeResult validate() { return reader.readFile(out()); }

  static std::string messages(const ConversionResult& r) {
    std::string text;
    for (const RowProblem& p : r.problems) text += std::to_string(p.line) + ": " + p.message + "\n";
    return text;
  }
};

std::string diagnostics(const engine::IntakeResult& r) {
  std::string text;
  for (const auto& d : r.diagnostics) text += std::to_string(d.line) + " " + d.code + ": " + d.message + "\n";
  return text;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(WorkforceConverterTest, Fixture)

BOOST_AUTO_TEST_CASE(rowsBecomeMembersAndDistinctRolesBecomeRoles) {
  ConversionResult r = convert(HEADER +
                               "E1,DEV,Developer,yes,PROG,4,1,12/03/2025,01/04/2025,3.5,BCS,Member,MBCS\n"
                               "E2,DEV,Developer,yes,PROG,4,0.5,,,,,,\n"
                               "E3,SD,\"Analyst, Desk\",no,,,0.8,01/10/2024,,0,ISC2,qualification,\n");
  BOOST_REQUIRE_MESSAGE(r.ok(), messages(r));
  BOOST_TEST(r.members == 3u);
  BOOST_TEST(r.roles == 2u);
  engine::IntakeResult v = validate();
  BOOST_TEST(v.accepted(), diagnostics(v));
  const engine::Measures& m = v.submission.measures;
  BOOST_TEST(m.itHeadcount == 3);
  BOOST_TEST(m.itFte.toString() == "2.3");
  BOOST_TEST(m.rolesTotal == 2);
  BOOST_TEST(m.rolesMapped == 1);
  BOOST_TEST(m.staffAssessed == 2);
  BOOST_TEST(m.staffWithPdp == 1);
  BOOST_TEST(m.staffRecognised == 2);
  BOOST_TEST(m.cpdDays.toString() == "3.5");
  std::ifstream in(out());
  std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  BOOST_TEST(xml.find("<Member id=\"E1\" roleId=\"DEV\" fte=\"1\">\n        <Assessment date=\"2025-03-12\"/>\n"
                      "        <Pdp agreed=\"2025-04-01\"/>\n") != std::string::npos);
  BOOST_TEST(xml.find("<Role id=\"SD\" mapped=\"false\">Analyst, Desk</Role>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(badCellsAreNamedByLineColumnAndValue) {
  ConversionResult r = convert(HEADER +
                               "E1,DEV,Developer,yes,PROG,4,abc,,,,,,\n"
                               "E2,DEV,Developer,yes,PROG,4,1,31/02/2025,,,,,\n"
                               "Jane Smith,DEV,Developer,yes,PROG,4,1.5,,,-2,,,\n"
                               "E4,DEV,Developer,yes,PROG,4,1,,,,BCS,Fellow,\n");
  BOOST_TEST(!r.ok());
  BOOST_TEST(messages(r) ==
             "2: column \"FTE\": \"abc\" is not a number\n"
             "3: column \"Appraised\": \"31/02/2025\" is not a calendar date\n"
             "4: column \"Id\": \"Jane Smith\" is not an id (1 to 32 of A-Z a-z 0-9 _ -; map another column or clean "
             "the export)\n"
             "4: column \"FTE\": \"1.5\" is more than 1 FTE\n"
             "4: column \"CPD\": \"-2\" is negative\n"
             "5: column \"Kind\": \"Fellow\" is not a recognition kind (membership, registration, qualification, or a "
             "value listed in recognition.1.kind.membership/.registration/.qualification)\n");
  BOOST_TEST(r.problemCount == 6u);
}

BOOST_AUTO_TEST_CASE(messagesGiveThePhysicalLineAfterMultiLineFields) {
  ConversionResult r = convert(HEADER + "E1,DEV,\"Developer\nsecond line\",yes,PROG,4,1,,,,,,\n"
                                        "E2,DEV,\"Developer\nsecond line\",yes,PROG,4,zero,,,,,,\n");
  // The row starts on line 4; its FTE cell is on line 5, after the title's line break.
  BOOST_TEST(messages(r) == "5: column \"FTE\": \"zero\" is not a number\n");
}

BOOST_AUTO_TEST_CASE(missingColumnsAreAllNamedWithTheirKeys) {
  ConversionResult r = convert("Id,Role,Title,Mapped,Skill,Level,Appraised,PDP,Body,Kind,Grade\nE1,DEV,D,yes,,,,,,,\n");
  BOOST_TEST(messages(r) ==
             "1: column \"FTE\" (member.fte) is not in the header\n"
             "1: column \"CPD\" (member.cpd) is not in the header\n");
}

BOOST_AUTO_TEST_CASE(headerNamesMatchWithoutRegardToCase) {
  ConversionResult r = convert("id,role,title,mapped,skill,level,fte,appraised,pdp,cpd,body,kind,grade\n"
                               "E1,DEV,Developer,yes,PROG,4,1,,,,,,\n");
  BOOST_TEST(r.ok(), messages(r));
}

BOOST_AUTO_TEST_CASE(anEmptyFileHasNoHeader) {
  BOOST_TEST(messages(convert("")) == "1: the file is empty: there is no header row\n");
}

BOOST_AUTO_TEST_CASE(aHeaderWithoutRowsHasNoRolesUnlessATableDeclaresThem) {
  BOOST_TEST(messages(convert(HEADER)).find("no staff rows") != std::string::npos);
  mappingText = "member.id = Id\nmember.role = Role\nmember.fte = FTE\nrole.table.1.match = Dev\nrole.table.1.id = D\n";
  ConversionResult r = convert("Id,Role,FTE\n");
  BOOST_REQUIRE(r.ok());
  engine::IntakeResult v = validate();
  BOOST_TEST(v.accepted(), diagnostics(v));
  BOOST_TEST(v.submission.measures.rolesTotal == 1);
  BOOST_TEST(v.diagnostics.size() == 1u);  // PQ103: headcount 0
}

BOOST_AUTO_TEST_CASE(rowsWithTooManyOrTooFewFieldsAreRefused) {
  ConversionResult r = convert(HEADER + "E1,DEV,Developer,yes,PROG,4,1,,,,,\n"
                                        "E2,DEV,Developer,yes,PROG,4,1,,,,,,,\n"
                                        "E3,DEV,Developer,yes,PROG,4,1,,,,,,\n");
  BOOST_TEST(messages(r) ==
             "2: the row has 12 fields where the header has 13 (check the delimiter and the quoting)\n"
             "3: the row has 14 fields where the header has 13 (check the delimiter and the quoting)\n");
}

BOOST_AUTO_TEST_CASE(duplicateMemberIdsNameBothLines) {
  ConversionResult r = convert(HEADER + "E1,DEV,Developer,yes,PROG,4,1,,,,,,\n"
                                        "E2,DEV,Developer,yes,PROG,4,1,,,,,,\n"
                                        "E1,DEV,Developer,yes,PROG,4,0.5,,,,,,\n"
                                        "E2,DEV,Developer,yes,PROG,4,abc,,,,,,\n");
  BOOST_TEST(messages(r) ==
             "4: column \"Id\": member id \"E1\" is also on line 2 (member ids must be unique)\n"
             "5: column \"Id\": member id \"E2\" is also on line 3 (member ids must be unique)\n"
             "5: column \"FTE\": \"abc\" is not a number\n");
}

BOOST_AUTO_TEST_CASE(oneRoleDescribedTwoWaysIsRefused) {
  ConversionResult r = convert(HEADER + "E1,DEV,Developer,yes,PROG,4,1,,,,,,\n"
                                        "E2,DEV,Programmer,yes,PROG,4,1,,,,,,\n");
  BOOST_TEST(messages(r) ==
             "3: role \"DEV\" has title \"Programmer\" here but title \"Developer\" on line 2 (one role, one "
             "description)\n");
}

BOOST_AUTO_TEST_CASE(datesAfterPreparedAtAreRefusedAsPk006Would) {
  ConversionResult r = convert(HEADER + "E1,DEV,Developer,yes,PROG,4,1,06/10/2025,05/10/2025,,,,\n");
  BOOST_TEST(messages(r) ==
             "2: column \"Appraised\": 2025-10-06 is later than the PreparedAt date 2025-10-05 (rule PK006)\n");
}

BOOST_AUTO_TEST_CASE(problemsBeyondTheCapAreCountedNotKept) {
  std::string csv = HEADER;
  for (int i = 0; i < 50; ++i) csv += "E" + std::to_string(i) + ",DEV,Developer,yes,PROG,4,x,,,,,,\n";
  ConversionResult r = convert(csv, 10);
  BOOST_TEST(r.problems.size() == 10u);
  BOOST_TEST(r.problemCount == 50u);
  BOOST_TEST(r.problems.back().line == 11);
}

BOOST_AUTO_TEST_CASE(windows1252ExportsAreConverted) {
  mappingText += "csv.encoding = windows-1252\n";
  ConversionResult r = convert(HEADER + "E1,DEV,Caf\xE9 \x96 Developer,yes,PROG,4,1,,,,,,\n");
  BOOST_REQUIRE_MESSAGE(r.ok(), messages(r));
  std::ifstream in(out());
  std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  BOOST_TEST(xml.find("Café – Developer") != std::string::npos);
  BOOST_TEST(validate().accepted());
}

BOOST_AUTO_TEST_CASE(invalidUtf8IsRefusedWithAHint) {
  ConversionResult r = convert(HEADER + "E1,DEV,Caf\xE9,yes,PROG,4,1,,,,,,\n");
  BOOST_TEST(messages(r) == "2: column \"Title\" is not valid UTF-8 (check csv.encoding)\n");
}

BOOST_AUTO_TEST_CASE(headerlessExportsNameColumnsByNumber) {
  mappingText = "csv.header = false\nmember.id = 1\nmember.role = 2\nmember.fte = 3\n";
  ConversionResult r = convert("E1,DEV,1\nE2,DEV\n");
  BOOST_TEST(messages(r) == "2: the row has no column 3\n");
  r = convert("E1,DEV,1\nE2,DEV,0.5\n");
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(validate().submission.measures.itHeadcount == 2);
}

// Property: rows of random but legal values, with every awkward character a
// cell may hold, always convert into a document the intake accepts, and the
// intake counts what was written.
BOOST_AUTO_TEST_CASE(randomLegalRowsAlwaysValidate) {
  std::mt19937 random(20261127);
  auto pick = [&](std::initializer_list<std::string> options) {
    std::vector<std::string> v(options);
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(random)];
  };
  auto chance = [&](int percent) { return std::uniform_int_distribution<int>(0, 99)(random) < percent; };
  auto quote = [](const std::string& cell) {
    std::string q = "\"";
    for (char c : cell) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  const std::string idChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  for (int round = 0; round < 40; ++round) {
    std::ostringstream csv;
    csv << (chance(50) ? "\xEF\xBB\xBF" : "") << HEADER;
    std::string eol = chance(50) ? "\r\n" : "\n";
    int rows = std::uniform_int_distribution<int>(1, 60)(random);
    std::map<std::string, std::string> roleTitles;
    std::int64_t fteHundredths = 0;
    int recognised = 0;
    for (int i = 0; i < rows; ++i) {
      std::string id = "M" + std::to_string(i) + "_";  // the digits end at the first _, so ids stay distinct
      for (int k = std::uniform_int_distribution<int>(0, 29 - static_cast<int>(id.size()))(random); k > 0; --k) {
        id += idChars[std::uniform_int_distribution<std::size_t>(0, idChars.size() - 1)(random)];
      }
      std::string role = pick({"R1", "dev-2", "SD_3", "x"});
      if (roleTitles.count(role) == 0) {
        roleTitles[role] = pick({"Developer", "Analyst, \"Senior\"", "Swyddog Diogelwch ŵŷ", "A & B <C>",
                                 "Line one\nline two", "Tab\there", std::string(200, 'z'), "'quoted'"}) +
                           " " + role;
        if (roleTitles[role].size() > 200) roleTitles[role] = std::string(200 - role.size(), 'z') + role;
      }
      int hundredths = std::uniform_int_distribution<int>(1, 100)(random);
      fteHundredths += hundredths;
      std::string fte = std::to_string(hundredths / 100) + "." + (hundredths % 100 < 10 ? "0" : "") +
                        std::to_string(hundredths % 100);
      auto day = [&] {
        return std::to_string(std::uniform_int_distribution<int>(1, 28)(random)) + "/" +
               std::to_string(std::uniform_int_distribution<int>(1, 12)(random)) + "/" +
               std::to_string(std::uniform_int_distribution<int>(2015, 2024)(random));
      };
      bool recognition = chance(40);
      recognised += recognition ? 1 : 0;
      csv << (chance(30) ? quote(id) : id) << "," << role << "," << quote(roleTitles[role]) << ","
          << (role == "x" ? "no" : "YES") << "," << (role == "x" ? "" : "ABCD") << "," << (role == "x" ? "" : "7")
          << "," << (chance(20) ? quote(" " + fte + " ") : fte) << "," << (chance(50) ? day() : "") << ","
          << (chance(50) ? day() : "") << "," << (chance(50) ? std::to_string(i % 7) + ".25" : "") << ","
          << (recognition ? quote(pick({"BCS", "Institute of \"Things\", Ltd", "Sefydliad <Cymru> & Co"})) : "")
          << "," << (recognition ? pick({"Member", "registration", "QUALIFICATION"}) : "") << ","
          << (recognition && chance(50) ? quote(std::string(50, 'g')) : "") << eol;
    }
    ConversionResult r = convert(csv.str());
    BOOST_REQUIRE_MESSAGE(r.ok(), "round " << round << ":\n" << messages(r));
    engine::IntakeResult v = validate();
    BOOST_REQUIRE_MESSAGE(v.accepted(), "round " << round << ":\n" << diagnostics(v));
    BOOST_TEST(v.submission.measures.itHeadcount == rows);
    BOOST_TEST(v.submission.measures.itFte.hundredths() == fteHundredths);
    BOOST_TEST(v.submission.measures.rolesTotal == static_cast<std::int64_t>(roleTitles.size()));
    BOOST_TEST(v.submission.measures.staffRecognised == recognised);
  }
}

BOOST_AUTO_TEST_SUITE_END()

// Our compact Role/Member id checks must give the verdicts Xerces' own
// identity-constraint checking gives on the published XSD.
#include "tests/support/IntakeFixture.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

struct Case {
  const char* name;
  std::vector<RoleFields> roles;
  std::vector<MemberFields> members;
  bool valid;
};

std::vector<Case> cases() {
  auto member = [](const char* id, const char* roleId) {
    MemberFields m;
    m.id = id;
    m.roleId = roleId;
    return m;
  };
  return {
      {"distinct ids", {{"R1", "true", ""}, {"R2", "false", ""}}, {member("m1", "R1"), member("m2", "R2")}, true},
      {"duplicate member", {{"R1", "true", ""}}, {member("m1", "R1"), member("m1", "R1")}, false},
      {"duplicate role", {{"R1", "true", ""}, {"R1", "false", ""}}, {member("m1", "R1")}, false},
      {"unknown role", {{"R1", "true", ""}}, {member("m1", "R9")}, false},
      {"ids differ in case", {{"R1", "true", ""}, {"r1", "true", ""}}, {member("m1", "r1"), member("M1", "R1")},
       true},
      {"member id equals a role id", {{"X", "true", ""}}, {member("X", "X")}, true},
      {"token whitespace collapses", {{"R1", "true", ""}}, {member(" m1", "R1 "), member("m1", "R1")}, false},
      {"no staff", {{"R1", "true", ""}}, {}, true},
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(IdentityConstraintTest)

BOOST_AUTO_TEST_CASE(compactChecksAgreeWithXercesIdentityConstraints) {
  ManualClock clock;
  xml::ReaderLimits xercesOwn;
  xercesOwn.xercesIdentityConstraints = true;
  xml::SubmissionReader ours(sharedSchemas(), shippedRegistry(), shippedCatalogue(), clock);
  xml::SubmissionReader theirs(sharedSchemas(), shippedRegistry(), shippedCatalogue(), clock, xercesOwn);
  for (const Case& c : cases()) {
    std::string doc = workforceDocument({}, c.roles, c.members);
    IntakeResult a = ours.read(doc.data(), doc.size());
    IntakeResult b = theirs.read(doc.data(), doc.size());
    BOOST_TEST(a.accepted() == c.valid, c.name << ": " << IntakeFixture::allMessages(a));
    BOOST_TEST(b.accepted() == c.valid, c.name << ": " << IntakeFixture::allMessages(b));
    BOOST_TEST(IntakeFixture::errorCodes(a) == IntakeFixture::errorCodes(b), c.name);
  }
}

// The same for the 1.1 schema, which keeps 1.0's constraints: each document as
// 1.1 with BoardNotes after its Workforce.
BOOST_AUTO_TEST_CASE(compactChecksAgreeWithXercesIdentityConstraintsInVersion11) {
  ManualClock clock;
  xml::ReaderLimits xercesOwn;
  xercesOwn.xercesIdentityConstraints = true;
  xml::SubmissionReader ours(sharedSchemas(), shippedRegistry(), shippedCatalogue(), clock);
  xml::SubmissionReader theirs(sharedSchemas(), shippedRegistry(), shippedCatalogue(), clock, xercesOwn);
  for (const Case& c : cases()) {
    std::string doc = workforceDocument({}, c.roles, c.members);
    doc.replace(doc.find("schemaVersion=\"1.0\""), 19, "schemaVersion=\"1.1\"");
    doc.insert(doc.rfind("</Submission>"), "<BoardNotes><Action owner=\"o\" kpi=\"K1\">a</Action></BoardNotes>");
    IntakeResult a = ours.read(doc.data(), doc.size());
    IntakeResult b = theirs.read(doc.data(), doc.size());
    BOOST_TEST(a.accepted() == c.valid, c.name << ": " << IntakeFixture::allMessages(a));
    BOOST_TEST(b.accepted() == c.valid, c.name << ": " << IntakeFixture::allMessages(b));
    BOOST_TEST(IntakeFixture::errorCodes(a) == IntakeFixture::errorCodes(b), c.name);
    BOOST_TEST(a.submission.boardNotes.has_value(), c.name);
  }
}

BOOST_AUTO_TEST_CASE(duplicateIsReportedAtTheSecondMember) {
  ManualClock clock;
  xml::SubmissionReader reader(sharedSchemas(), shippedRegistry(), shippedCatalogue(), clock);
  std::vector<MemberFields> members = plainMembers(3);
  members[2].id = "m1";
  std::string doc = workforceDocument({}, {{}}, members);
  IntakeResult r = reader.read(doc.data(), doc.size());
  BOOST_REQUIRE(r.diagnostics.size() == 1u);
  BOOST_TEST(r.diagnostics[0].line == 16);
  BOOST_TEST(r.diagnostics[0].message.find("\"m1\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

#include "engine/intake/Lexical.h"
#include "tests/support/IntakeFixture.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace profkpi::engine;
using namespace profkpi::tests;

BOOST_FIXTURE_TEST_SUITE(SubmissionReaderTest, IntakeFixture)

BOOST_AUTO_TEST_CASE(validAggregateYieldsItsMeasures) {
  HeaderFields h;
  h.extra = "    <PreparedBy>HR team</PreparedBy>\n    <SourceSystem name=\"iTrent\" version=\"10.2\"/>\n";
  IntakeResult r = read(aggregateDocument(h));
  BOOST_TEST(r.accepted(), allMessages(r));
  BOOST_TEST(r.diagnostics.empty());
  const Submission& s = r.submission;
  BOOST_TEST((s.kind == SubmissionKind::Aggregate));
  BOOST_TEST(s.header.submissionId == "3f2c8a1e-5b7d-4c9e-8f10-2a3b4c5d6e7f");
  BOOST_TEST(s.header.organisationCode == "E06000001");
  BOOST_TEST(s.header.period->code() == "2009-10-Q2");
  BOOST_TEST(s.header.preparedBy == "HR team");
  BOOST_TEST(s.header.sourceSystemName == "iTrent");
  BOOST_TEST(s.header.sourceSystemVersion == "10.2");
  BOOST_TEST(s.measures.itHeadcount == 41);
  BOOST_TEST(s.measures.itFte.hundredths() == 3850);
  BOOST_TEST(s.measures.rolesMapped == 24);
  BOOST_TEST(s.measures.cpdDays.hundredths() == 4850);
}

BOOST_AUTO_TEST_CASE(shippedWorkforceSampleCountsAsSpecified) {
  std::string xml = readFile(samplesDir() + "/valid/workforce-anglesey-2009-10-Q2.xml");
  IntakeResult r = read(xml);
  BOOST_TEST(r.accepted(), allMessages(r));
  const Measures& m = r.submission.measures;
  BOOST_TEST(m.itHeadcount == 12);
  BOOST_TEST(m.itFte.hundredths() == 930);
  BOOST_TEST(m.rolesTotal == 6);
  BOOST_TEST(m.rolesMapped == 4);
  BOOST_TEST(m.staffAssessed == 6);
  BOOST_TEST(m.staffWithPdp == 7);
  BOOST_TEST(m.staffRecognised == 7);
  BOOST_TEST(m.cpdDays.hundredths() == 2600);
  BOOST_TEST(r.submission.header.organisationName == "Cyngor Sir Ynys Môn");
}

BOOST_AUTO_TEST_CASE(workforceWindowCountsOnlyTheTwelveMonthsToPeriodEnd) {
  std::vector<MemberFields> members = plainMembers(5);
  members[0].assessment = "2008-09-30";  // end - 12 months: outside
  members[1].assessment = "2008-10-01";  // first day inside
  members[2].assessment = "2009-09-30";  // period end: inside
  members[3].pdp = "2009-10-01";         // after period end (but before PreparedAt): outside
  members[4].pdp = "2009-01-01";
  members[4].recognitions = 2;
  members[4].cpdDays = "2.25";
  members[0].cpdDays = "0.75";
  IntakeResult r = read(workforceDocument({}, {{"R1", "true", ""}, {"R2", "0", ""}, {"R3", "1", ""}}, members));
  BOOST_TEST(r.accepted(), allMessages(r));
  const Measures& m = r.submission.measures;
  BOOST_TEST((r.submission.kind == SubmissionKind::Workforce));
  BOOST_TEST(m.itHeadcount == 5);
  BOOST_TEST(m.itFte.hundredths() == 500);
  BOOST_TEST(m.rolesTotal == 3);
  BOOST_TEST(m.rolesMapped == 2);
  BOOST_TEST(m.staffAssessed == 2);
  BOOST_TEST(m.staffWithPdp == 1);
  BOOST_TEST(m.staffRecognised == 1);
  BOOST_TEST(m.cpdDays.hundredths() == 300);
}

BOOST_AUTO_TEST_CASE(pk001SecondYearMustFollowFirst) {
  HeaderFields h;
  h.period = "2009-11-Q2";
  IntakeResult r = read(aggregateDocument(h));
  BOOST_TEST(errorCodes(r) == Codes{"PK001"});
  BOOST_TEST(r.diagnostics[0].line == 6);
  h.period = "1999-00-Q2";
  h.preparedAt = "1999-10-05T09:00:00+01:00";
  BOOST_TEST(read(aggregateDocument(h)).accepted());
}

BOOST_AUTO_TEST_CASE(pk002OrganisationMustBeInRegistry) {
  HeaderFields h;
  h.organisationCode = "E06999999";
  IntakeResult r = read(aggregateDocument(h));
  BOOST_TEST(errorCodes(r) == Codes{"PK002"});
  BOOST_TEST(r.diagnostics[0].line == 5);
  h.organisationCode = "W06000015";
  BOOST_TEST(read(aggregateDocument(h)).accepted());
}

BOOST_AUTO_TEST_CASE(pk003PartsMustNotExceedWholes) {
  auto codesWith = [&](auto change) {
    AggregateFields f;
    change(f);
    return errorCodes(read(aggregateDocument({}, f)));
  };
  BOOST_TEST(codesWith([](AggregateFields& f) { f.rolesMapped = "31"; }) == Codes{"PK003"});
  BOOST_TEST(codesWith([](AggregateFields& f) { f.staffAssessed = "42"; }) == Codes{"PK003"});
  BOOST_TEST(codesWith([](AggregateFields& f) { f.staffWithPdp = "42"; }) == Codes{"PK003"});
  BOOST_TEST(codesWith([](AggregateFields& f) { f.staffRecognised = "42"; }) == Codes{"PK003"});
  BOOST_TEST(codesWith([](AggregateFields& f) {
               f.rolesMapped = "30";
               f.staffAssessed = f.staffWithPdp = f.staffRecognised = "41";
             }).empty());
}

BOOST_AUTO_TEST_CASE(pk004FteBoundedByHeadcountAndPositiveWithStaff) {
  AggregateFields f;
  f.itFte = "41.01";
  BOOST_TEST(errorCodes(read(aggregateDocument({}, f))) == Codes{"PK004"});
  f.itFte = "41";
  BOOST_TEST(read(aggregateDocument({}, f)).accepted());
  f.itFte = "0";
  BOOST_TEST(errorCodes(read(aggregateDocument({}, f))) == Codes{"PK004"});
  f.itFte = "0.01";
  BOOST_TEST(read(aggregateDocument({}, f)).accepted());
}

BOOST_AUTO_TEST_CASE(pk005PreparedAtAtMostFiveMinutesAhead) {
  clock.set("2009-10-05T08:00:00Z");
  HeaderFields h;
  h.preparedAt = "2009-10-05T09:05:00+01:00";  // exactly 5 minutes ahead
  BOOST_TEST(read(aggregateDocument(h)).accepted());
  h.preparedAt = "2009-10-05T08:05:01Z";
  BOOST_TEST(errorCodes(read(aggregateDocument(h))) == Codes{"PK005"});
}

BOOST_AUTO_TEST_CASE(pk005PreparedAtNotBeforeUkPeriodStart) {
  HeaderFields h;
  h.preparedAt = "2009-06-30T23:00:00Z";  // 00:00 BST on 1 July
  BOOST_TEST(read(aggregateDocument(h)).accepted());
  h.preparedAt = "2009-06-30T22:59:59Z";
  IntakeResult r = read(aggregateDocument(h));
  BOOST_TEST(errorCodes(r) == Codes{"PK005"});
  BOOST_TEST(r.diagnostics[0].line == 7);
  h.period = "2009-10-Q4";  // 1 January: GMT
  h.preparedAt = "2010-01-01T00:00:00Z";
  BOOST_TEST(read(aggregateDocument(h)).accepted());
  h.preparedAt = "2009-12-31T23:59:59Z";
  BOOST_TEST(errorCodes(read(aggregateDocument(h))) == Codes{"PK005"});
}

BOOST_AUTO_TEST_CASE(pk006NoAssessmentOrPdpAfterPreparedAt) {
  HeaderFields h;
  h.preparedAt = "2009-10-05T23:30:00-05:00";  // 6 October in UTC, 5 October where written
  std::vector<MemberFields> members = plainMembers(2);
  members[0].assessment = "2009-10-05";
  members[1].pdp = "2009-10-05";
  BOOST_TEST(read(workforceDocument(h, {{}}, members)).accepted());
  members[0].assessment = "2009-10-06";
  members[1].pdp = "2009-10-06";
  IntakeResult r = read(workforceDocument(h, {{}}, members));
  BOOST_TEST(errorCodes(r) == (Codes{"PK006", "PK006"}));
}

BOOST_AUTO_TEST_CASE(pq102WarnsAboveThirtyCpdDaysPerFte) {
  AggregateFields f;
  f.itHeadcount = "1";
  f.itFte = "1";
  f.rolesTotal = f.rolesMapped = f.staffAssessed = f.staffWithPdp = f.staffRecognised = "1";
  f.cpdDays = "7.5";  // 7.5 / 1 x 12 / 3 = 30.0
  BOOST_TEST(read(aggregateDocument({}, f)).diagnostics.empty());
  f.cpdDays = "7.51";
  IntakeResult r = read(aggregateDocument({}, f));
  BOOST_TEST(r.accepted());
  BOOST_TEST(warningCodes(r) == Codes{"PQ102"});
  BOOST_TEST(r.diagnostics[0].kpi == "K5");
}

BOOST_AUTO_TEST_CASE(pq103WarnsOnZeroHeadcountAndExplanationsMarkIt) {
  AggregateFields f;
  f.itHeadcount = f.staffAssessed = f.staffWithPdp = f.staffRecognised = "0";
  f.itFte = f.cpdDays = "0";
  IntakeResult r = read(aggregateDocument({}, f));
  BOOST_TEST(r.accepted());
  BOOST_TEST(warningCodes(r) == Codes{"PQ103"});
  BOOST_TEST(!r.diagnostics[0].explained);
  r = read(aggregateDocument({}, f, "<Explanation code=\"PQ103\">Service outsourced in 2008</Explanation>"));
  BOOST_TEST(r.diagnostics[0].explained);
  BOOST_TEST(r.diagnostics[0].explanation == "Service outsourced in 2008");
  BOOST_TEST(r.submission.explanations.size() == 1u);
}

BOOST_AUTO_TEST_CASE(explainedWarningNeedsTheSameKpi) {
  AggregateFields f;
  f.itHeadcount = f.itFte = f.rolesTotal = f.rolesMapped = f.staffAssessed = f.staffWithPdp = "2";
  f.staffRecognised = "2";
  f.cpdDays = "40";
  IntakeResult wrongKpi = read(aggregateDocument({}, f, "<Explanation code=\"PQ102\" kpi=\"K4\">x</Explanation>"));
  BOOST_TEST(!wrongKpi.diagnostics.at(0).explained);
  IntakeResult rightKpi = read(aggregateDocument({}, f, "<Explanation code=\"PQ102\" kpi=\"K5\">x</Explanation>"));
  BOOST_TEST(rightKpi.diagnostics.at(0).explained);
}

BOOST_AUTO_TEST_CASE(everyFaultOfADocumentIsReportedInOnePass) {
  IntakeResult r = read(readFile(samplesDir() + "/refused/multiple-faults.xml"));
  BOOST_TEST(errorCodes(r) == (Codes{"PK001", "PK003", "XSD"}));
  BOOST_TEST(r.diagnostics[0].line == 13);
  BOOST_TEST(r.diagnostics[1].line == 22);
  BOOST_TEST(r.diagnostics[2].line == 24);
}

BOOST_AUTO_TEST_CASE(schemaFaultsCarryLineAndColumn) {
  HeaderFields h;
  h.submissionId = "not-a-uuid";
  IntakeResult r = read(aggregateDocument(h));
  BOOST_TEST(errorCodes(r) == Codes{"XSD"});
  BOOST_TEST(r.diagnostics[0].line == 4);
  BOOST_TEST(r.diagnostics[0].column > 0);
}

BOOST_AUTO_TEST_CASE(schemaTypesAreEnforced) {
  auto refusedWith = [&](auto change) {
    AggregateFields f;
    change(f);
    return errorCodes(read(aggregateDocument({}, f)));
  };
  BOOST_TEST(refusedWith([](AggregateFields& f) { f.itFte = "38.505"; }) == Codes{"XSD"});
  BOOST_TEST(refusedWith([](AggregateFields& f) { f.cpdDays = "-1"; }) == Codes{"XSD"});
  BOOST_TEST(refusedWith([](AggregateFields& f) { f.itHeadcount = "41.0"; }) == Codes{"XSD"});
  BOOST_TEST(refusedWith([](AggregateFields& f) { f.rolesTotal = ""; }) == Codes{"XSD"});
  HeaderFields h;
  h.preparedAt = "2009-10-05T09:00:00";  // no time zone
  BOOST_TEST(errorCodes(read(aggregateDocument(h))) == Codes{"XSD"});
  h = {};
  h.organisationName = std::string(201, 'x');
  BOOST_TEST(errorCodes(read(aggregateDocument(h))) == Codes{"XSD"});
  h.organisationName = std::string(200, 'x');
  BOOST_TEST(read(aggregateDocument(h)).accepted());
  h.organisationCode = "X06000001";
  BOOST_TEST(errorCodes(read(aggregateDocument(h))) == (Codes{"XSD", "PK002"}));
}

BOOST_AUTO_TEST_CASE(workforceAttributesAreEnforced) {
  auto refusedWith = [&](auto change) {
    std::vector<MemberFields> members = plainMembers(1);
    std::vector<RoleFields> roles{{}};
    change(roles[0], members[0]);
    return errorCodes(read(workforceDocument({}, roles, members)));
  };
  BOOST_TEST(refusedWith([](RoleFields&, MemberFields& m) { m.fte = "0"; }) == Codes{"XSD"});
  BOOST_TEST(refusedWith([](RoleFields&, MemberFields& m) { m.fte = "1.01"; }) == Codes{"XSD"});
  BOOST_TEST(refusedWith([](RoleFields&, MemberFields& m) { m.id = "has space"; }) == Codes{"XSD"});
  BOOST_TEST(refusedWith([](RoleFields&, MemberFields& m) { m.id = std::string(33, 'a'); }) == Codes{"XSD"});
  BOOST_TEST(refusedWith([](RoleFields&, MemberFields& m) { m.assessment = "2009-02-30"; }) == Codes{"XSD"});
  BOOST_TEST(refusedWith([](RoleFields& r, MemberFields&) { r.extraAttributes = "sfiaLevel=\"8\""; }) ==
             Codes{"XSD"});
  BOOST_TEST(refusedWith([](RoleFields& r, MemberFields&) { r.extraAttributes = "sfiaCode=\"itmg\""; }) ==
             Codes{"XSD"});
  BOOST_TEST(refusedWith([](RoleFields& r, MemberFields&) { r.mapped = "yes"; }) == Codes{"XSD"});
  BOOST_TEST(refusedWith([](RoleFields&, MemberFields& m) { m.id = std::string(32, 'a'); }).empty());
}

BOOST_AUTO_TEST_CASE(countsBeyondTheEngineLimitAreRefusedNotWrapped) {
  AggregateFields f;
  f.itHeadcount = "99999999999999999999999";
  IntakeResult r = read(aggregateDocument({}, f));
  BOOST_TEST(!r.accepted());
  BOOST_TEST(allMessages(r).find("outside the range") != std::string::npos);
}

// Xerces 3.2 takes "." and "+." as decimals and 60 as seconds; the finding must say what is wrong.
BOOST_AUTO_TEST_CASE(valuesXercesLetsThroughAreRefusedForWhatTheyAre) {
  for (const char* dot : {".", "+.", " . "}) {
    AggregateFields f;
    f.itFte = dot;
    IntakeResult r = read(aggregateDocument({}, f));
    BOOST_TEST(errorCodes(r) == Codes{"XSD"}, dot);
    std::string expected = "ItFte \"" + std::string(lexical::trim(dot)) + "\" is not a decimal number";
    BOOST_TEST(allMessages(r).find(expected) != std::string::npos, allMessages(r));
  }
  std::vector<MemberFields> members = plainMembers(1);
  members[0].cpdDays = ".";
  IntakeResult cpd = read(workforceDocument({}, {{}}, members));
  BOOST_TEST(errorCodes(cpd) == Codes{"XSD"});
  BOOST_TEST(allMessages(cpd).find("days \".\" is not a decimal number") != std::string::npos, allMessages(cpd));
  AggregateFields ok;
  ok.itFte = "38.";
  ok.cpdDays = "+.5";
  BOOST_TEST(read(aggregateDocument({}, ok)).accepted());

  HeaderFields h;
  h.preparedAt = "2009-10-05T09:15:60+01:00";
  IntakeResult leap = read(aggregateDocument(h));
  BOOST_TEST(errorCodes(leap) == Codes{"XSD"});
  BOOST_TEST(allMessages(leap).find("seconds must be 00 to 59") != std::string::npos, allMessages(leap));
}

BOOST_AUTO_TEST_CASE(documentWithoutARootElementSaysSo) {
  for (const std::string& text : {std::string(), std::string("  \n"), std::string("\xEF\xBB\xBF"),
                                   std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
                                   std::string("<?xml version=\"1.0\"?>\n<!-- nothing -->\n"), std::string("hello")}) {
    IntakeResult r = read(text);
    BOOST_TEST(errorCodes(r) == Codes{"XML"}, text);
    BOOST_TEST(allMessages(r).find("no root element") != std::string::npos, allMessages(r));
    BOOST_TEST(allMessages(r).find("DOCTYPE") == std::string::npos, allMessages(r));
  }
}

BOOST_AUTO_TEST_CASE(everyShippedSampleGetsItsVerdict) {
  for (const char* name : {"aggregate-hartlepool-2009-10-Q2", "aggregate-zero-headcount",
                           "workforce-anglesey-2009-10-Q2", "workforce-explained-warning",
                           "v1.1-board-notes-hartlepool"}) {
    IntakeResult r = read(readFile(samplesDir() + "/valid/" + name + ".xml"));
    BOOST_TEST(r.accepted(), name << ": " << allMessages(r));
  }
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"pk001-period-years", "PK001"},         {"pk002-unknown-organisation", "PK002"},
      {"pk003-mapped-over-total", "PK003"},    {"pk003-assessed-over-headcount", "PK003"},
      {"pk004-fte-over-headcount", "PK004"},   {"pk004-zero-fte-with-staff", "PK004"},
      {"pk005-prepared-in-future", "PK005"},   {"pk005-prepared-before-period", "PK005"},
      {"pk006-assessment-after-prepared", "PK006"},
      {"xsd-bad-uuid", "XSD"},                 {"xsd-missing-element", "XSD"},
      {"xsd-unknown-element", "XSD"},          {"xsd-duplicate-member-id", "XSD"},
      {"xsd-duplicate-role-id", "XSD"},        {"xsd-unknown-role-reference", "XSD"},
      {"xsd-fte-three-decimals", "XSD"},       {"xsd-aggregate-and-workforce", "XSD"},
      {"xml-truncated", "XML"},                {"xml-trailing-content", "XML"},
      {"version-2.0", "XSD"},                  {"wrong-namespace", "XSD"},
      {"doctype", "XML"},                      {"xml-latin1-encoding", "XML"},
      {"xsd-board-notes-in-1.0", "XSD"},       {"xsd-empty-board-notes", "XSD"},
      {"pk008-unknown-kpi", "PK008"},          {"version-1.2", "XSD"},
  };
  clock.set("2026-01-01T00:00:00Z");
  for (const auto& [name, code] : refused) {
    IntakeResult r = read(readFile(samplesDir() + "/refused/" + name + ".xml"));
    Codes codes = errorCodes(r);
    BOOST_TEST(!r.accepted(), name);
    BOOST_TEST((std::find(codes.begin(), codes.end(), code) != codes.end()), name << ": " << allMessages(r));
  }
}

BOOST_AUTO_TEST_CASE(readerIsReusableAfterARefusal) {
  BOOST_TEST(!read("<Submission").accepted());
  BOOST_TEST(!read(readFile(samplesDir() + "/refused/doctype.xml")).accepted());
  BOOST_TEST(read(aggregateDocument()).accepted());
}

BOOST_AUTO_TEST_CASE(missingFileIsAnXmlFinding) {
  IntakeResult r = reader.readFile("/nonexistent/submission.xml");
  BOOST_TEST(errorCodes(r) == Codes{"XML"});
}

// xsi:type is obeyed by Xerces even when the type is not derived from the
// declared one (cvc-elt.4.3); a submission gains nothing from xsi: attributes.
BOOST_AUTO_TEST_CASE(xsiAttributesAreRefusedAsSchemaErrors) {
  const std::string XSI = " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
  auto onOrganisation = [&](const std::string& attribute) {
    std::string xml = aggregateDocument();
    xml.replace(xml.find("<Organisation "), 14, "<Organisation" + XSI + " " + attribute + " ");
    return xml;
  };
  for (const char* attribute : {"xsi:type=\"p:Text200Type\"", "xsi:nil=\"false\"", "xsi:foo=\"1\""}) {
    std::string xml = onOrganisation(attribute);
    xml.replace(xml.find("<Submission "), 12, "<Submission xmlns:p=\"urn:profkpi:submission:1\" ");
    IntakeResult r = read(xml);
    std::string name = std::string(attribute).substr(0, std::string(attribute).find('='));
    BOOST_TEST_CONTEXT(attribute) {
      BOOST_TEST(!r.accepted());
      Codes codes = errorCodes(r);
      BOOST_TEST(codes.front() == "XSD", allMessages(r));
      BOOST_TEST(std::count(codes.begin(), codes.end(), "XML") == 0, allMessages(r));
      BOOST_TEST(allMessages(r).find("attribute '" + name + "' is not allowed") != std::string::npos, allMessages(r));
      BOOST_TEST(r.diagnostics.front().line == 5);
    }
  }
  // Any prefix bound to the namespace, on the elements of every Member.
  std::vector<MemberFields> members = plainMembers(2);
  members[1].assessment = "2009-06-01";
  std::string workforce = workforceDocument({}, {RoleFields{}}, members);
  workforce.replace(workforce.find("<Submission "), 12,
                    "<Submission xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" ");
  for (const char* element : {"<Role ", "<Member ", "<Assessment "}) {
    std::string xml = workforce;
    std::size_t at = xml.find(element) + std::string(element).size();
    xml.insert(at, "i:type=\"xs:string\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" ");
    IntakeResult r = read(xml);
    BOOST_TEST_CONTEXT(element) {
      BOOST_TEST(!r.accepted());
      BOOST_TEST(allMessages(r).find("XSD: attribute 'i:type' is not allowed") != std::string::npos, allMessages(r));
    }
  }
  // Schema location hints stay ignored.
  IntakeResult hinted = read(onOrganisation("xsi:noNamespaceSchemaLocation=\"x.xsd\""));
  BOOST_TEST(hinted.accepted(), allMessages(hinted));
}

// SUBMISSION.md section 8: a year the calendar cannot hold is an implementation
// limit (XSD). XSD 1.0 and 1.1 disagree about years before 1, and no
// submission's date lies there: the message says which years are supported.
BOOST_AUTO_TEST_CASE(yearsBeforeOneAreOutsideTheCalendar) {
  for (const char* date : {"-0004-02-29", "-0004-02-28", "-0001-01-01"}) {
    std::vector<MemberFields> members = plainMembers(1);
    members[0].assessment = date;
    IntakeResult r = read(workforceDocument({}, {RoleFields{}}, members));
    BOOST_TEST_CONTEXT(date) {
      BOOST_TEST(errorCodes(r) == Codes{"XSD"});
      BOOST_TEST(allMessages(r).find("Assessment date \"" + std::string(date) +
                                     "\" is outside the calendar profkpi supports: years 0001 to 32767") !=
                     std::string::npos,
                 allMessages(r));
    }
  }
  std::vector<MemberFields> members = plainMembers(1);
  members[0].pdp = "32768-01-01";
  IntakeResult late = read(workforceDocument({}, {RoleFields{}}, members));
  BOOST_TEST(allMessages(late).find("Pdp agreed \"32768-01-01\" is outside the calendar") != std::string::npos,
             allMessages(late));
}

BOOST_AUTO_TEST_SUITE_END()

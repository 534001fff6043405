// Mapping files: the shipped examples load, and every mistake is named by its key.
#include "adapters/convert/Mapping.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace profkpi::adapters::convert;

namespace {

const std::string MINIMAL = "member.id = Id\nmember.role = Role\nmember.fte = FTE\n";

Mapping load(const std::string& text) {
  std::istringstream in(text);
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config(new Poco::Util::PropertyFileConfiguration(in));
  return loadMapping(*config);
}

Mapping loadFile(const std::string& path) {
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config(new Poco::Util::PropertyFileConfiguration(path));
  return loadMapping(*config);
}

// The MappingError's message, or "" when the text loads.
std::string refusal(const std::string& text) {
  try {
    load(text);
    return "";
  } catch (const MappingError& e) {
    return e.what();
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(MappingTest)

BOOST_AUTO_TEST_CASE(aMinimalMappingTakesTheDefaults) {
  Mapping m = load(MINIMAL);
  BOOST_TEST(m.dialect.delimiter == ',');
  BOOST_TEST(m.dialect.quote == '"');
  BOOST_TEST(m.header);
  BOOST_TEST(!m.windows1252);
  BOOST_TEST(m.assessmentFormat == "%Y-%m-%d");
  BOOST_TEST(m.roleTable.empty());
  BOOST_TEST(m.columns().size() == 3u);
}

BOOST_AUTO_TEST_CASE(theShippedExamplesLoad) {
  Mapping itrent = loadFile(std::string(PROFKPI_SOURCE_DIR) + "/etc/mappings/itrent-staff.properties");
  BOOST_TEST(itrent.assessmentFormat == "%d/%m/%Y");
  BOOST_TEST(itrent.recognitions.size() == 2u);
  BOOST_TEST(itrent.organisation == "W06000001");
  Mapping sap = loadFile(std::string(PROFKPI_SOURCE_DIR) + "/etc/mappings/sap-hr-staff.properties");
  BOOST_TEST(sap.dialect.delimiter == ';');
  BOOST_TEST(sap.fteFormat.percent);
  BOOST_TEST(sap.fteFormat.decimalSeparator == ',');
  BOOST_TEST(sap.roleTable.size() == 5u);
  BOOST_TEST(sap.roleTable[0].mapped);   // an SFIA code and no .mapped: mapped
  BOOST_TEST(!sap.roleTable[2].mapped);
}

BOOST_AUTO_TEST_CASE(requiredKeysAreNamed) {
  BOOST_TEST(refusal("member.role = R\nmember.fte = F\n").find("member.id is required") != std::string::npos);
  BOOST_TEST(refusal("member.id = I\nmember.fte = F\n").find("member.role is required") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknownKeysAreRefusedSoTyposShow) {
  BOOST_TEST(refusal(MINIMAL + "member.assesment = Last\n").find("unknown key member.assesment") != std::string::npos);
  BOOST_TEST(refusal(MINIMAL + "recognition.1.body = B\nrecognition.1.kind = K\nrecognition.1.grde = G\n")
                 .find("unknown key recognition.1.grde") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(badValuesAreRefusedByKey) {
  BOOST_TEST(refusal(MINIMAL + "csv.delimiter = ::\n").find("csv.delimiter") != std::string::npos);
  BOOST_TEST(refusal(MINIMAL + "csv.encoding = EBCDIC\n").find("csv.encoding") != std::string::npos);
  BOOST_TEST(refusal(MINIMAL + "dates.format = %d/%m\n").find("dates.format") != std::string::npos);
  BOOST_TEST(refusal(MINIMAL + "member.fte.format = hours\n").find("member.fte.format") != std::string::npos);
  BOOST_TEST(refusal(MINIMAL + "numbers.decimal = ,\n").find("use ; as the delimiter") != std::string::npos);
  BOOST_TEST(refusal(MINIMAL + "role.mapped = M\nrole.mapped.value = true\n").find("exclude each other") !=
             std::string::npos);
  BOOST_TEST(refusal(MINIMAL + "csv.header = maybe\n").find("csv.header") != std::string::npos);
  BOOST_TEST(refusal(MINIMAL + "csv.header = false\n").find("not a column number") != std::string::npos);
  BOOST_TEST(refusal("csv.header = false\nmember.id = 1\nmember.role = 2\nmember.fte = 3\n").empty());
}

BOOST_AUTO_TEST_CASE(roleTablesAreChecked) {
  std::string table = MINIMAL + "role.table.1.match = Developer\nrole.table.1.id = DEV\n";
  BOOST_TEST(refusal(table).empty());
  BOOST_TEST(load(table).roleTable[0].title == "Developer");
  BOOST_TEST(refusal(table + "role.table.2.match = Coder\nrole.table.2.id = DEV\n").find("used twice") !=
             std::string::npos);
  BOOST_TEST(refusal(table + "role.table.2.match = developer\nrole.table.2.id = D2\n").find("matched twice") !=
             std::string::npos);
  BOOST_TEST(refusal(MINIMAL + "role.table.1.match = Senior Developer\n").find("role.table.1.id") != std::string::npos);
  BOOST_TEST(refusal(table + "role.table.1.sfiaLevel = 9\n").find("1 to 7") != std::string::npos);
  BOOST_TEST(refusal(table + "role.title = Title\n").find("exclude each other") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(recognitionsNeedABodyAKindAndAWayToTell) {
  BOOST_TEST(refusal(MINIMAL + "recognition.1.body = Body\n").find("recognition.1.kind") != std::string::npos);
  BOOST_TEST(refusal(MINIMAL + "recognition.1.body.value = BCS\nrecognition.1.kind.value = membership\n")
                 .find(".when") != std::string::npos);
  BOOST_TEST(refusal(MINIMAL + "recognition.1.body.value = BCS\nrecognition.1.kind.value = fellowship\n"
                               "recognition.1.when = Fellow\n")
                 .find("not membership, registration or qualification") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

#include "adapters/opendata/CsvTables.h"
#include "adapters/opendata/CsvwMetadata.h"

#include <Poco/JSON/Parser.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>

using namespace profkpi;
using profkpi::engine::OpenDataTableId;

BOOST_AUTO_TEST_SUITE(CsvTablesTest)

BOOST_AUTO_TEST_CASE(fieldsAreQuotedOnlyWhenRfc4180NeedsIt) {
  std::string out;
  adapters::opendata::appendCsvRecord(out, {"plain", "a,b", "say \"hi\"", "two\r\nlines", "Ynys Môn", "[c]"});
  BOOST_TEST(out == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",Ynys Môn,[c]\r\n");
}

BOOST_AUTO_TEST_CASE(eachTableStartsWithItsHeaderAndExcelsByteOrderMark) {
  std::map<OpenDataTableId, std::string> texts;
  adapters::opendata::CsvTables tables([&](OpenDataTableId id, std::string_view text) { texts[id] += text; }, true);
  tables.row(OpenDataTableId::Coverage, {"2025-26-Q2", "W06000001", "Isle of Anglesey", "welsh-unitary", "false", "[z]",
                                         "[z]", "[z]", "[z]"});
  tables.finish();
  BOOST_TEST(texts.size() == 3u);
  const std::string& coverage = texts[OpenDataTableId::Coverage];
  BOOST_TEST(coverage.rfind("\xEF\xBB\xBFperiod,organisation,name,organisation_type,submitted,", 0) == 0u);
  BOOST_TEST(coverage.find("\r\n2025-26-Q2,W06000001,Isle of Anglesey,") != std::string::npos);
  std::string plain;
  adapters::opendata::CsvTables noBom([&](OpenDataTableId, std::string_view text) { plain += text; }, false);
  noBom.finish();
  BOOST_TEST(plain.rfind("period,", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(metadataDescribesEveryColumnOnceWithLicenceAndPublisher) {
  adapters::opendata::MetadataOptions options;
  options.publisher = "Programme Team";
  options.minimumGroupSize = 7;
  for (OpenDataTableId id : engine::openDataTableIds()) {
    const engine::OpenDataTable& table = engine::openDataTable(id);
    Poco::JSON::Parser parser;
    auto json = parser.parse(adapters::opendata::csvwMetadata(table, options)).extract<Poco::JSON::Object::Ptr>();
    BOOST_TEST(json->getValue<std::string>("url") == table.file);
    BOOST_TEST(json->getObject("dc:license")->getValue<std::string>("@id") == adapters::opendata::OGL_V3);
    BOOST_TEST(json->getObject("dc:publisher")->getValue<std::string>("schema:name") == "Programme Team");
    auto columns = json->getObject("tableSchema")->getArray("columns");
    BOOST_TEST_REQUIRE(columns->size() == table.columns.size());
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      auto column = columns->getObject(static_cast<unsigned>(i));
      BOOST_TEST(column->getValue<std::string>("name") == table.columns[i].name);
      // Key columns are required; every other may hold a marker, declared as null.
      bool key = std::find(table.primaryKey.begin(), table.primaryKey.end(), table.columns[i].name) !=
                 table.primaryKey.end();
      BOOST_TEST(column->has("null") == !key, table.columns[i].name);
    }
    std::string notes;
    auto comments = json->getArray("rdfs:comment");
    for (std::size_t i = 0; i < comments->size(); ++i) {
      notes += comments->getElement<std::string>(static_cast<unsigned>(i));
    }
    for (const char* marker : {"[x]", "[c]", "[z]", "fewer than 7"}) {
      BOOST_TEST(notes.find(marker) != std::string::npos, marker);
    }
  }
  options.publisher.clear();
  Poco::JSON::Parser parser;
  auto json = parser.parse(adapters::opendata::csvwMetadata(engine::openDataTable(OpenDataTableId::Peers), options))
                  .extract<Poco::JSON::Object::Ptr>();
  BOOST_TEST(!json->has("dc:publisher"));
}

BOOST_AUTO_TEST_SUITE_END()

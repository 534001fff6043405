#include "adapters/opendata/CsvwMetadata.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <sstream>

namespace profkpi::adapters::opendata {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Array::Ptr strings(const std::vector<std::string>& values) {
  Array::Ptr array = new Array;
  for (const std::string& v : values) array->add(v);
  return array;
}

const char* datatypeName(engine::CellType type) {
  switch (type) {
    case engine::CellType::String: return "string";
    case engine::CellType::Integer: return "integer";
    case engine::CellType::Decimal: return "decimal";
    case engine::CellType::Boolean: return "boolean";
    case engine::CellType::Date: return "date";
    case engine::CellType::DateTime: return "dateTime";
  }
  return "string";
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Object::Ptr column(const engine::OpenDataColumn& c, bool key) {
  Object::Ptr json = object();
  json->set("name", c.name);
  // The header names the column too: CSVW matches a header cell against the titles.
  json->set("titles", strings({c.title, c.name}));
  json->set("datatype", datatypeName(c.type));
  // Key columns always hold a value; any other cell may hold a marker, read as null.
  if (key) {
    json->set("required", true);
  } else {
    json->set("null", strings({engine::CELL_NOT_AVAILABLE, engine::CELL_CONFIDENTIAL, engine::CELL_NOT_APPLICABLE}));
  }
  json->set("dc:description", c.description);
  if (!c.unit.empty()) json->set("schema:unitText", c.unit);
  return json;
}

}  // namespace

std::string csvwMetadata(const engine::OpenDataTable& table, const MetadataOptions& options) {
  Object::Ptr json = object();
  Array::Ptr context = new Array;
  context->add("http://www.w3.org/ns/csvw");
  Object::Ptr language = object();
  language->set("@language", "en");
  context->add(language);
  json->set("@context", context);
  json->set("url", table.file);
  json->set("dc:title", table.title);
  json->set("dc:description", table.description);
  Object::Ptr licence = object();
  licence->set("@id", OGL_V3);
  json->set("dc:license", licence);
  if (!options.publisher.empty()) {
    Object::Ptr publisher = object();
    publisher->set("schema:name", options.publisher);
    json->set("dc:publisher", publisher);
  }
  if (!options.periods.empty()) json->set("dc:temporal", options.periods);
  std::vector<std::string> notes;
  for (const auto& [marker, meaning] : engine::shorthandMeanings()) notes.push_back(meaning);
  notes.push_back("Groups of fewer than " + std::to_string(options.minimumGroupSize) +
                  " organisations are withheld (benchmark.minimumGroupSize).");
  json->set("rdfs:comment", strings(notes));

  Object::Ptr dialect = object();
  dialect->set("encoding", "utf-8");
  dialect->set("lineTerminators", strings({"\r\n"}));
  dialect->set("header", true);
  dialect->set("doubleQuote", true);
  json->set("dialect", dialect);

  Object::Ptr schema = object();
  Array::Ptr columns = new Array;
  for (const engine::OpenDataColumn& c : table.columns) columns->add(column(c, contains(table.primaryKey, c.name)));
  schema->set("columns", columns);
  schema->set("primaryKey", strings(table.primaryKey));
  if (!table.foreignKeys.empty()) {
    Array::Ptr keys = new Array;
    for (const engine::ForeignKey& fk : table.foreignKeys) {
      Object::Ptr key = object();
      key->set("columnReference", strings(fk.columns));
      Object::Ptr reference = object();
      reference->set("resource", engine::openDataTable(fk.references).file);
      reference->set("columnReference", strings(fk.referencedColumns));
      key->set("reference", reference);
      keys->add(key);
    }
    schema->set("foreignKeys", keys);
  }
  json->set("tableSchema", schema);

  std::ostringstream out;
  json->stringify(out, 2);
  out << '\n';
  return out.str();
}

}  // namespace profkpi::adapters::opendata

// JSON text written straight into a string, byte for byte as
// Poco::JSON::Stringifier::condense prints the same values (same escaping, same
// number format), without building Poco::JSON objects first: a receipt is
// written for every submission, and building and printing it through
// Poco::JSON cost more than validating the document.
#ifndef PROFKPI_ADAPTERS_JSON_JSONWRITER_H
#define PROFKPI_ADAPTERS_JSON_JSONWRITER_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace profkpi::adapters::json {

class JsonWriter {
 public:
  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& beginArray();
  JsonWriter& endArray();
  // The next member's name (inside an object, before its value).
  JsonWriter& key(std::string_view name);

  JsonWriter& string(std::string_view text);
  JsonWriter& integer(std::int64_t value);
  JsonWriter& number(double value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();

  // The text so far (the writer is left empty).
  std::string take();

 private:
  void beforeValue();
  void quoted(std::string_view text);

  std::string _out;
  std::vector<bool> _empty;  // per open object/array: nothing written in it yet
  bool _afterKey = false;
};

}  // namespace profkpi::adapters::json

#endif

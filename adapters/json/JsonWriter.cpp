#include "adapters/json/JsonWriter.h"

#include <Poco/Dynamic/Var.h>

namespace profkpi::adapters::json {

void JsonWriter::beforeValue() {
  if (_afterKey) {
    _afterKey = false;
    return;
  }
  if (!_empty.empty()) {
    if (!_empty.back()) _out += ',';
    _empty.back() = false;
  }
}

JsonWriter& JsonWriter::beginObject() {
  beforeValue();
  _out += '{';
  _empty.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::endObject() {
  _out += '}';
  _empty.pop_back();
  return *this;
}

JsonWriter& JsonWriter::beginArray() {
  beforeValue();
  _out += '[';
  _empty.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::endArray() {
  _out += ']';
  _empty.pop_back();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  beforeValue();
  quoted(name);
  _out += ':';
  _afterKey = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
  beforeValue();
  quoted(text);
  return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t value) {
  beforeValue();
  _out += std::to_string(value);
  return *this;
}

JsonWriter& JsonWriter::number(double value) {
  beforeValue();
  _out += Poco::Dynamic::Var(value).convert<std::string>();  // Poco's own number format
  return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
  beforeValue();
  _out += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  beforeValue();
  _out += "null";
  return *this;
}

std::string JsonWriter::take() {
  std::string out;
  out.swap(_out);
  _empty.clear();
  _afterKey = false;
  return out;
}

// As Poco 1.11 prints strings (no JSON_ESCAPE_UNICODE): control characters,
// '"' and '\' escaped; everything else, '/' and UTF-8 included, as it is.
void JsonWriter::quoted(std::string_view text) {
  static const char* const HEX = "0123456789ABCDEF";
  _out += '"';
  std::size_t plainFrom = 0;  // runs of characters printed as they are go in at once
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto u = static_cast<unsigned char>(text[i]);
    if (u >= 0x20 && u != '"' && u != '\\') continue;
    _out.append(text, plainFrom, i - plainFrom);
    plainFrom = i + 1;
    switch (u) {
      case '"': _out += "\\\""; break;
      case '\\': _out += "\\\\"; break;
      case '\b': _out += "\\b"; break;
      case '\f': _out += "\\f"; break;
      case '\n': _out += "\\n"; break;
      case '\r': _out += "\\r"; break;
      case '\t': _out += "\\t"; break;
      default:
        _out += "\\u00";
        _out += HEX[u >> 4];
        _out += HEX[u & 0xF];
    }
  }
  _out.append(text, plainFrom, text.size() - plainFrom);
  _out += '"';
}

}  // namespace profkpi::adapters::json

#include "adapters/json/DiagnosticJson.h"

#include <Poco/JSON/Parser.h>

#include <optional>
#include <sstream>
#include <string_view>

namespace profkpi::adapters::json {

using engine::Diagnostic;

Poco::JSON::Object::Ptr diagnosticToJson(const Diagnostic& d) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("severity", std::string(engine::severityName(d.severity)));
  json->set("code", d.code);
  json->set("line", d.line);
  json->set("column", d.column);
  json->set("message", d.message);
  if (!d.kpi.empty()) json->set("kpi", d.kpi);
  if (!d.isError()) {
    json->set("explained", d.explained);
    if (d.explained) json->set("explanation", d.explanation);
  }
  return json;
}

Poco::JSON::Array::Ptr diagnosticsToJson(const engine::Diagnostics& diagnostics) {
  Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
  for (const Diagnostic& d : diagnostics) array->add(diagnosticToJson(d));
  return array;
}

std::string stringify(const Poco::Dynamic::Var& value) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(value, out);
  return out.str();
}

void writeDiagnostics(JsonWriter& out, const engine::Diagnostics& diagnostics) {
  out.beginArray();
  for (const Diagnostic& d : diagnostics) {
    out.beginObject();
    out.key("severity").string(engine::severityName(d.severity));
    out.key("code").string(d.code);
    out.key("line").integer(d.line);
    out.key("column").integer(d.column);
    out.key("message").string(d.message);
    if (!d.kpi.empty()) out.key("kpi").string(d.kpi);
    if (!d.isError()) {
      out.key("explained").boolean(d.explained);
      if (d.explained) out.key("explanation").string(d.explanation);
    }
    out.endObject();
  }
  out.endArray();
}

std::string diagnosticsToText(const engine::Diagnostics& diagnostics) {
  JsonWriter out;
  writeDiagnostics(out, diagnostics);
  return out.take();
}

namespace {

// Reads the text diagnosticsToText writes, and nothing else: every submission's
// history look-ups read two records' warnings back, and Poco's parser cost
// more than all the look-ups' SQL. Returns nothing on anything unexpected
// (other spacing, other escapes), and the caller falls back to Poco's parser.
class WrittenDiagnosticsReader {
 public:
  explicit WrittenDiagnosticsReader(const std::string& text) : _p(text.data()), _end(text.data() + text.size()) {}

  std::optional<engine::Diagnostics> read() {
    engine::Diagnostics out;
    if (!take('[')) return std::nullopt;
    if (take(']')) return _p == _end ? std::optional(out) : std::nullopt;
    do {
      Diagnostic d;
      if (!object(d)) return std::nullopt;
      out.push_back(std::move(d));
    } while (take(','));
    if (!take(']') || _p != _end) return std::nullopt;
    return out;
  }

 private:
  bool take(char c) {
    if (_p == _end || *_p != c) return false;
    ++_p;
    return true;
  }

  bool object(Diagnostic& d) {
    if (!take('{')) return false;
    bool severity = false, code = false, line = false, column = false, message = false;
    do {
      std::string name;
      if (!string(name) || !take(':')) return false;
      if (name == "severity") {
        std::string value;
        if (!string(value)) return false;
        d.severity = value == "error" ? engine::Severity::Error : engine::Severity::Warning;
        severity = true;
      } else if (name == "code") {
        code = string(d.code);
      } else if (name == "line") {
        line = integer(d.line);
      } else if (name == "column") {
        column = integer(d.column);
      } else if (name == "message") {
        message = string(d.message);
      } else if (name == "kpi") {
        if (!string(d.kpi)) return false;
      } else if (name == "explained") {
        if (!boolean(d.explained)) return false;
      } else if (name == "explanation") {
        if (!string(d.explanation)) return false;
      } else {
        return false;
      }
    } while (take(','));
    return take('}') && severity && code && line && column && message;
  }

  bool string(std::string& out) {
    if (!take('"')) return false;
    while (_p != _end && *_p != '"') {
      char c = *_p++;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (_p == _end) return false;
      switch (*_p++) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {  // the writer escapes only control characters: \u00XX
          if (_end - _p < 4 || _p[0] != '0' || _p[1] != '0') return false;
          int value = 0;
          for (int i = 2; i < 4; ++i) {
            char h = _p[i];
            int digit = h >= '0' && h <= '9' ? h - '0' : h >= 'A' && h <= 'F' ? h - 'A' + 10 : h >= 'a' && h <= 'f' ? h - 'a' + 10 : -1;
            if (digit < 0) return false;
            value = value * 16 + digit;
          }
          if (value >= 0x80) return false;
          out += static_cast<char>(value);
          _p += 4;
          break;
        }
        default:
          return false;
      }
    }
    return take('"');
  }

  bool integer(long& out) {
    const char* start = _p;
    bool negative = take('-');
    long value = 0;
    while (_p != _end && *_p >= '0' && *_p <= '9') {
      if (_p - start > 18) return false;
      value = value * 10 + (*_p++ - '0');
    }
    if (_p == start + (negative ? 1 : 0)) return false;
    out = negative ? -value : value;
    return true;
  }

  bool boolean(bool& out) {
    auto literal = [this](const char* word, std::size_t n) {
      if (static_cast<std::size_t>(_end - _p) < n || std::string_view(_p, n) != word) return false;
      _p += n;
      return true;
    };
    if (literal("true", 4)) {
      out = true;
      return true;
    }
    if (literal("false", 5)) {
      out = false;
      return true;
    }
    return false;
  }

  const char* _p;
  const char* _end;
};

}  // namespace

std::optional<engine::Diagnostics> readWrittenDiagnostics(const std::string& text) {
  return WrittenDiagnosticsReader(text).read();
}

engine::Diagnostics diagnosticsFromText(const std::string& text) {
  if (auto written = readWrittenDiagnostics(text)) return std::move(*written);
  engine::Diagnostics out;
  Poco::JSON::Parser parser;
  auto array = parser.parse(text).extract<Poco::JSON::Array::Ptr>();
  for (std::size_t i = 0; i < array->size(); ++i) {
    auto o = array->getObject(static_cast<unsigned>(i));
    Diagnostic d;
    d.severity = o->getValue<std::string>("severity") == "error" ? engine::Severity::Error : engine::Severity::Warning;
    d.code = o->getValue<std::string>("code");
    d.line = o->getValue<long>("line");
    d.column = o->getValue<long>("column");
    d.message = o->getValue<std::string>("message");
    d.kpi = o->optValue<std::string>("kpi", "");
    d.explained = o->optValue<bool>("explained", false);
    d.explanation = o->optValue<std::string>("explanation", "");
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace profkpi::adapters::json

#include "adapters/json/DiagnosticJson.h"

#include <Poco/JSON/Parser.h>

#include <sstream>

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

engine::Diagnostics diagnosticsFromText(const std::string& text) {
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

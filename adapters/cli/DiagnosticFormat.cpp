#include "adapters/cli/DiagnosticFormat.h"

#include <Poco/JSON/Array.h>

#include <sstream>

namespace profkpi::adapters::cli {

using engine::Diagnostic;

namespace {
std::string oneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}
}  // namespace

std::string formatDiagnosticLine(const std::string& file, const Diagnostic& d) {
  std::string line = file;
  if (d.line > 0) line += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
  line += std::string(": ") + engine::severityName(d.severity) + " " + d.code + ": " + oneLine(d.message);
  if (d.explained) line += " (explained: " + oneLine(d.explanation) + ")";
  return line;
}

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

Poco::JSON::Object::Ptr intakeResultToJson(const std::string& file, const engine::IntakeResult& result) {
  const engine::Submission& s = result.submission;
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("file", file);
  json->set("status", std::string(result.accepted() ? "valid" : "refused"));
  json->set("submissionId", s.header.submissionId);
  json->set("organisation", s.header.organisationCode);
  json->set("period", s.header.periodText);
  if (result.accepted()) {
    json->set("kind", std::string(engine::kindName(s.kind)));
    Poco::JSON::Object::Ptr measures = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (engine::Measure m : engine::allMeasures()) {
      std::int64_t hundredths = s.measures.hundredths(m);
      if (m == engine::Measure::ItFte || m == engine::Measure::CpdDays) {
        measures->set(std::string(engine::measureName(m)), engine::Amount::fromHundredths(hundredths).toDouble());
      } else {
        measures->set(std::string(engine::measureName(m)), hundredths / 100);
      }
    }
    json->set("measures", measures);
  }
  Poco::JSON::Array::Ptr errors = new Poco::JSON::Array;
  Poco::JSON::Array::Ptr warnings = new Poco::JSON::Array;
  for (const Diagnostic& d : result.diagnostics) (d.isError() ? errors : warnings)->add(diagnosticToJson(d));
  json->set("errors", errors);
  json->set("warnings", warnings);
  return json;
}

std::string toJsonLine(const Poco::JSON::Object::Ptr& object) {
  std::ostringstream out;
  object->stringify(out);
  return out.str();
}

}  // namespace profkpi::adapters::cli

// Findings as JSON, one shape everywhere: validate --format json, receipts,
// problem documents and the store's copy of a receipt's warnings.
#ifndef PROFKPI_ADAPTERS_JSON_DIAGNOSTICJSON_H
#define PROFKPI_ADAPTERS_JSON_DIAGNOSTICJSON_H

#include "adapters/json/JsonWriter.h"
#include "engine/model/Diagnostic.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

namespace profkpi::adapters::json {

// {"severity","code","line","column","message"[,"kpi"][,"explained"[,"explanation"]]}
Poco::JSON::Object::Ptr diagnosticToJson(const engine::Diagnostic& diagnostic);
Poco::JSON::Array::Ptr diagnosticsToJson(const engine::Diagnostics& diagnostics);
// The same array, written (what diagnosticsToJson prints, byte for byte).
void writeDiagnostics(JsonWriter& out, const engine::Diagnostics& diagnostics);

// A JSON value on one line.
std::string stringify(const Poco::Dynamic::Var& value);

// The store's text form and back. Throws Poco::Exception on malformed text.
std::string diagnosticsToText(const engine::Diagnostics& diagnostics);
engine::Diagnostics diagnosticsFromText(const std::string& text);
// What diagnosticsToText wrote, read without Poco's parser (diagnosticsFromText
// tries this first); nothing when the text has any other form.
std::optional<engine::Diagnostics> readWrittenDiagnostics(const std::string& text);

}  // namespace profkpi::adapters::json

#endif

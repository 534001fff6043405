// A 1.1 submission's board notes as JSON, one shape everywhere: receipts, the
// KPI results and the store's copy.
// {"summary"?: text, "actions": [{"kpi"?, "owner", "due"?, "text"}]}
#ifndef PROFKPI_ADAPTERS_JSON_BOARDNOTESJSON_H
#define PROFKPI_ADAPTERS_JSON_BOARDNOTESJSON_H

#include "adapters/json/JsonWriter.h"
#include "engine/model/Submission.h"

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

namespace profkpi::adapters::json {

Poco::JSON::Object::Ptr boardNotesToJson(const engine::BoardNotes& notes);
// The same object, written (what boardNotesToJson prints, byte for byte).
void writeBoardNotes(JsonWriter& out, const engine::BoardNotes& notes);

// The store's text form and back: empty text when there are no notes. Throws
// Poco::Exception on malformed text.
std::string boardNotesToText(const std::optional<engine::BoardNotes>& notes);
std::optional<engine::BoardNotes> boardNotesFromText(const std::string& text);

}  // namespace profkpi::adapters::json

#endif

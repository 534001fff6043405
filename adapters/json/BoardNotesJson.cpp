#include "adapters/json/BoardNotesJson.h"

#include "engine/intake/Lexical.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

namespace profkpi::adapters::json {

using engine::BoardAction;
using engine::BoardNotes;

Poco::JSON::Object::Ptr boardNotesToJson(const BoardNotes& notes) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  if (!notes.summary.empty()) json->set("summary", notes.summary);
  Poco::JSON::Array::Ptr actions = new Poco::JSON::Array;
  for (const BoardAction& a : notes.actions) {
    Poco::JSON::Object::Ptr action = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    if (!a.kpi.empty()) action->set("kpi", a.kpi);
    action->set("owner", a.owner);
    if (a.due) action->set("due", engine::formatDate(*a.due));
    action->set("text", a.text);
    actions->add(action);
  }
  json->set("actions", actions);
  return json;
}

void writeBoardNotes(JsonWriter& out, const BoardNotes& notes) {
  out.beginObject();
  if (!notes.summary.empty()) out.key("summary").string(notes.summary);
  out.key("actions").beginArray();
  for (const BoardAction& a : notes.actions) {
    out.beginObject();
    if (!a.kpi.empty()) out.key("kpi").string(a.kpi);
    out.key("owner").string(a.owner);
    if (a.due) out.key("due").string(engine::formatDate(*a.due));
    out.key("text").string(a.text);
    out.endObject();
  }
  out.endArray();
  out.endObject();
}

std::string boardNotesToText(const std::optional<BoardNotes>& notes) {
  if (!notes) return {};
  JsonWriter out;
  writeBoardNotes(out, *notes);
  return out.take();
}

std::optional<BoardNotes> boardNotesFromText(const std::string& text) {
  if (text.empty()) return std::nullopt;
  Poco::JSON::Parser parser;
  Poco::JSON::Object::Ptr json = parser.parse(text).extract<Poco::JSON::Object::Ptr>();
  BoardNotes notes;
  notes.summary = json->optValue<std::string>("summary", "");
  Poco::JSON::Array::Ptr actions = json->getArray("actions");
  if (actions.isNull()) throw Poco::DataFormatException("board notes without actions");
  for (std::size_t i = 0; i < actions->size(); ++i) {
    Poco::JSON::Object::Ptr a = actions->getObject(static_cast<unsigned>(i));
    if (a.isNull()) throw Poco::DataFormatException("board notes: an action is not an object");
    BoardAction action;
    action.kpi = a->optValue<std::string>("kpi", "");
    action.owner = a->getValue<std::string>("owner");
    if (a->has("due")) {
      action.due = engine::lexical::date(a->getValue<std::string>("due"));
      if (!action.due) throw Poco::DataFormatException("board notes: an action's due date is not a date");
    }
    action.text = a->getValue<std::string>("text");
    notes.actions.push_back(std::move(action));
  }
  return notes;
}

}  // namespace profkpi::adapters::json

#include "adapters/json/ReceiptJson.h"

#include "adapters/json/BoardNotesJson.h"
#include "adapters/json/DiagnosticJson.h"

#include <Poco/JSON/Array.h>

namespace profkpi::adapters::json {

using engine::Diagnostic;

Poco::Dynamic::Var kpiNumber(const std::optional<engine::Ratio>& value) {
  if (!value) return Poco::Dynamic::Var();
  return static_cast<double>(value->roundedTenths()) / 10.0;
}

Poco::JSON::Object::Ptr measuresToJson(const engine::Measures& measures) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (engine::Measure m : engine::allMeasures()) {
    std::int64_t hundredths = measures.hundredths(m);
    if (m == engine::Measure::ItFte || m == engine::Measure::CpdDays) {
      json->set(std::string(engine::measureName(m)), engine::Amount::fromHundredths(hundredths).toDouble());
    } else {
      json->set(std::string(engine::measureName(m)), hundredths / 100);
    }
  }
  return json;
}

Poco::JSON::Object::Ptr receiptToJson(const engine::Receipt& receipt) {
  const engine::SubmissionRecord& r = receipt.record;
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("submissionId", r.submissionId);
  json->set("organisation", r.organisation);
  json->set("period", r.period);
  json->set("receivedAt", engine::formatInstant(r.receivedAt));
  json->set("sha256", r.sha256);
  json->set("status", std::string("accepted"));
  json->set("revision", r.revision);
  json->set("kind", r.kind);
  json->set("warnings", diagnosticsToJson(receipt.diagnostics));
  Poco::JSON::Object::Ptr kpis = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const engine::KpiValue& k : receipt.scorecard.kpis) {
    Poco::JSON::Object::Ptr kpi = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    kpi->set("value", kpiNumber(k.value));
    kpi->set("status", std::string(engine::statusName(k.status)));
    kpis->set(k.kpi->id, kpi);
  }
  json->set("kpis", kpis);
  json->set("index", receipt.scorecard.index ? Poco::Dynamic::Var(*receipt.scorecard.index) : Poco::Dynamic::Var());
  json->set("measures", measuresToJson(r.measures));
  if (r.boardNotes) json->set("boardNotes", boardNotesToJson(*r.boardNotes));  // 1.1 only: 1.0 receipts as before
  return json;
}

std::string receiptText(const engine::Receipt& receipt) {
  const engine::SubmissionRecord& r = receipt.record;
  JsonWriter out;
  out.beginObject();
  out.key("submissionId").string(r.submissionId);
  out.key("organisation").string(r.organisation);
  out.key("period").string(r.period);
  out.key("receivedAt").string(engine::formatInstant(r.receivedAt));
  out.key("sha256").string(r.sha256);
  out.key("status").string("accepted");
  out.key("revision").integer(r.revision);
  out.key("kind").string(r.kind);
  out.key("warnings");
  writeDiagnostics(out, receipt.diagnostics);
  out.key("kpis").beginObject();
  for (const engine::KpiValue& k : receipt.scorecard.kpis) {
    out.key(k.kpi->id).beginObject();
    out.key("value");
    if (k.value) {
      out.number(static_cast<double>(k.value->roundedTenths()) / 10.0);
    } else {
      out.null();
    }
    out.key("status").string(engine::statusName(k.status));
    out.endObject();
  }
  out.endObject();
  out.key("index");
  if (receipt.scorecard.index) {
    out.integer(*receipt.scorecard.index);
  } else {
    out.null();
  }
  out.key("measures").beginObject();
  for (engine::Measure m : engine::allMeasures()) {
    std::int64_t hundredths = r.measures.hundredths(m);
    out.key(engine::measureName(m));
    if (m == engine::Measure::ItFte || m == engine::Measure::CpdDays) {
      out.number(engine::Amount::fromHundredths(hundredths).toDouble());
    } else {
      out.integer(hundredths / 100);
    }
  }
  out.endObject();
  if (r.boardNotes) writeBoardNotes(out.key("boardNotes"), *r.boardNotes);
  out.endObject();
  return out.take();
}

Poco::JSON::Object::Ptr verdictToJson(const std::string& file, const engine::IntakeResult& result) {
  const engine::Submission& s = result.submission;
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("file", file);
  json->set("status", std::string(result.accepted() ? "valid" : "refused"));
  json->set("submissionId", s.header.submissionId);
  json->set("organisation", s.header.organisationCode);
  json->set("period", s.header.periodText);
  if (result.accepted()) {
    json->set("kind", std::string(engine::kindName(s.kind)));
    json->set("measures", measuresToJson(s.measures));
  }
  Poco::JSON::Array::Ptr errors = new Poco::JSON::Array;
  Poco::JSON::Array::Ptr warnings = new Poco::JSON::Array;
  for (const Diagnostic& d : result.diagnostics) (d.isError() ? errors : warnings)->add(diagnosticToJson(d));
  json->set("errors", errors);
  json->set("warnings", warnings);
  return json;
}

}  // namespace profkpi::adapters::json

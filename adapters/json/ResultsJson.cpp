#include "adapters/json/ResultsJson.h"

#include "adapters/json/BoardNotesJson.h"
#include "adapters/json/ReceiptJson.h"

#include <Poco/JSON/Array.h>

#include <cmath>

namespace profkpi::adapters::json {

namespace {

Poco::Dynamic::Var optionalInt(const std::optional<int>& value) {
  return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

Poco::JSON::Object::Ptr peersToJson(const engine::PeerComparison& c) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("group", c.group);
  json->set("organisations", static_cast<int>(c.organisations));
  json->set("disclosed", c.disclosed);
  if (c.distribution) {
    auto tenth = [](double v) { return std::round(v * 10) / 10; };
    json->set("min", tenth(c.distribution->min));
    json->set("lowerQuartile", tenth(c.distribution->lowerQuartile));
    json->set("median", tenth(c.distribution->median));
    json->set("upperQuartile", tenth(c.distribution->upperQuartile));
    json->set("max", tenth(c.distribution->max));
  }
  if (c.groupRate) json->set("rate", kpiNumber(c.groupRate));
  if (c.rank) json->set("rank", *c.rank);
  if (c.quartile) json->set("quartile", *c.quartile);
  return json;
}

}  // namespace

Poco::JSON::Object::Ptr resultsToJson(const engine::OrganisationResults& r, const engine::Period& period) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("organisation", r.record.organisation);
  json->set("name", r.organisation != nullptr ? r.organisation->name : r.record.organisationName);
  json->set("period", period.code());
  json->set("periodInWords", period.inWords());
  json->set("submissionId", r.record.submissionId);
  json->set("index", optionalInt(r.scorecard.index));
  json->set("previousIndex", optionalInt(r.previousIndex));
  Poco::JSON::Array::Ptr kpis = new Poco::JSON::Array;
  for (const engine::KpiResult& k : r.kpis) {
    Poco::JSON::Object::Ptr kpi = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    kpi->set("id", k.current.kpi->id);
    kpi->set("title", k.current.kpi->title);
    kpi->set("unit", k.current.kpi->unit);
    kpi->set("value", kpiNumber(k.current.value));
    kpi->set("status", std::string(engine::statusName(k.current.status)));
    kpi->set("target", kpiNumber(k.current.kpi->target));
    kpi->set("previous", kpiNumber(k.previous));
    kpi->set("change", k.changeTenths ? Poco::Dynamic::Var(static_cast<double>(*k.changeTenths) / 10.0)
                                      : Poco::Dynamic::Var());
    Poco::JSON::Array::Ptr trend = new Poco::JSON::Array;
    for (const engine::TrendPoint& p : k.trend) {
      Poco::JSON::Object::Ptr point = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      point->set("period", p.period);
      point->set("value", kpiNumber(p.value));
      trend->add(point);
    }
    kpi->set("trend", trend);
    kpi->set("sector", peersToJson(k.sector));
    if (!k.type.group.empty()) kpi->set("type", peersToJson(k.type));
    kpis->add(kpi);
  }
  json->set("kpis", kpis);
  if (r.record.boardNotes) json->set("boardNotes", boardNotesToJson(*r.record.boardNotes));  // 1.1 only
  return json;
}

}  // namespace profkpi::adapters::json

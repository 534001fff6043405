// Receipts (INTERFACE.md) and validation verdicts as JSON.
#ifndef PROFKPI_ADAPTERS_JSON_RECEIPTJSON_H
#define PROFKPI_ADAPTERS_JSON_RECEIPTJSON_H

#include "engine/intake/IntakeService.h"
#include "engine/intake/SubmissionBuilder.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace profkpi::adapters::json {

// {"submissionId","organisation","period","receivedAt","sha256","status","revision",
//  "warnings":[...],"kpis":{"K1":{"value":66.7,"status":"red"},...},"index":80}
// REQUIRES: receipt.outcome is Accepted or Duplicate.
Poco::JSON::Object::Ptr receiptToJson(const engine::Receipt& receipt);
// The same receipt as text (what stringify(receiptToJson(receipt)) prints, byte
// for byte), written directly: the answer to every submission.
std::string receiptText(const engine::Receipt& receipt);

// The eight measures by name; FTE and CPD days as decimals.
Poco::JSON::Object::Ptr measuresToJson(const engine::Measures& measures);

// A KPI value rounded to one decimal as a JSON number, or null for n/a.
Poco::Dynamic::Var kpiNumber(const std::optional<engine::Ratio>& value);

// validate --format json: {"file","status":"valid"|"refused","submissionId",
// "organisation","period"[,"kind","measures"],"errors":[...],"warnings":[...]}
Poco::JSON::Object::Ptr verdictToJson(const std::string& file, const engine::IntakeResult& result);

}  // namespace profkpi::adapters::json

#endif

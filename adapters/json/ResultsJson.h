// An organisation's results (GET .../kpis) as JSON.
#ifndef PROFKPI_ADAPTERS_JSON_RESULTSJSON_H
#define PROFKPI_ADAPTERS_JSON_RESULTSJSON_H

#include "engine/kpi/ResultsService.h"

#include <Poco/JSON/Object.h>

namespace profkpi::adapters::json {

// {"organisation","name","period","periodInWords","submissionId","index","previousIndex",
//  "kpis":[{"id","title","unit","value","status","target","previous","change",
//           "trend":[{"period","value"}],"sector":{...},"type":{...}}]}
// A peer group below the disclosure threshold shows only its size.
Poco::JSON::Object::Ptr resultsToJson(const engine::OrganisationResults& results, const engine::Period& period);

}  // namespace profkpi::adapters::json

#endif

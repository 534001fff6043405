// docs/openapi.yaml as the tests read it: bundled to JSON with every $ref
// resolved by the pinned redocly (tools/openapi, installed into the build folder
// by the openapi_tools test), and a small JSON Schema check for real answers.
#ifndef PROFKPI_TESTS_OPENAPI_OPENAPIDESCRIPTION_H
#define PROFKPI_TESTS_OPENAPI_OPENAPIDESCRIPTION_H

#include "tests/support/Process.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <set>
#include <string>
#include <vector>

namespace profkpi::tests {

// One path and method of the description.
struct Operation {
  std::string method;  // upper case: "GET"
  std::string path;    // the template: "/api/v1/submissions/{submissionId}"
  bool secured = false;  // needs the Bearer credential (the operation's or the global security)
  std::set<int> statuses;
  Poco::JSON::Object::Ptr object;
};

// The shipped description and the pinned linter.
std::string descriptionPath();
std::string redoclyConfigPath();
// Runs the installed redocly with the arguments (telemetry and update checks off).
ProcessResult runRedocly(const std::vector<std::string>& args);

// The description, dereferenced; read once. Throws std::runtime_error when redocly fails.
Poco::JSON::Object::Ptr description();
std::vector<Operation> operations();

// The path with each {name} replaced by its parameter's example.
std::string examplePath(const Operation& operation);
// The media types documented for a status (empty when the status has no body).
std::set<std::string> mediaTypes(const Operation& operation, int status);
// The schema documented for a status and media type; null when there is none.
Poco::JSON::Object::Ptr responseSchema(const Operation& operation, int status, const std::string& mediaType);
// The headers documented for a status, in lower case.
std::set<std::string> responseHeaders(const Operation& operation, int status);

// Where `value` disagrees with `schema` (type, enum, const, pattern, required,
// properties, additionalProperties, items, minimum, maximum); empty when it agrees.
std::vector<std::string> schemaViolations(const Poco::JSON::Object::Ptr& schema, const Poco::Dynamic::Var& value,
                                          const std::string& where = "$");

}  // namespace profkpi::tests

#endif

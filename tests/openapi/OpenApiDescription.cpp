#include "tests/openapi/OpenApiDescription.h"

#include "tests/support/Documents.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include <regex>
#include <stdexcept>

namespace profkpi::tests {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

bool isObject(const Poco::Dynamic::Var& v) { return v.type() == typeid(Object::Ptr); }
bool isArray(const Poco::Dynamic::Var& v) { return v.type() == typeid(Array::Ptr); }

bool hasType(const Poco::Dynamic::Var& v, const std::string& type) {
  if (type == "null") return v.isEmpty();
  if (v.isEmpty()) return false;
  if (type == "object") return isObject(v);
  if (type == "array") return isArray(v);
  if (type == "string") return v.isString();
  if (type == "boolean") return v.isBoolean();
  if (type == "integer") return v.isInteger() && !v.isBoolean();
  if (type == "number") return v.isNumeric() && !v.isBoolean();
  return false;
}

std::string shown(const Poco::Dynamic::Var& v) { return v.isEmpty() ? "null" : v.toString(); }

Object::Ptr response(const Operation& operation, int status) {
  Object::Ptr responses = operation.object->getObject("responses");
  return responses->getObject(std::to_string(status));
}

}  // namespace

std::string descriptionPath() { return std::string(PROFKPI_SOURCE_DIR) + "/docs/openapi.yaml"; }
std::string redoclyConfigPath() { return std::string(PROFKPI_SOURCE_DIR) + "/tools/openapi/redocly.yaml"; }

ProcessResult runRedocly(const std::vector<std::string>& args) {
  std::vector<std::string> argv{std::string(PROFKPI_OPENAPI_TOOLS) + "/node_modules/.bin/redocly"};
  argv.insert(argv.end(), args.begin(), args.end());
  return runProcess(argv,
                    {{"REDOCLY_TELEMETRY", "off"}, {"REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"}, {"NO_COLOR", "1"}});
}

Object::Ptr description() {
  static Object::Ptr bundled = [] {
    TempDir dir;
    std::string out = dir.file("openapi.json");
    ProcessResult r = runRedocly({"bundle", descriptionPath(), "--dereferenced", "--ext", "json", "--output", out,
                                  "--config", redoclyConfigPath()});
    if (r.exitCode != 0) throw std::runtime_error("redocly bundle failed: " + r.out + r.err);
    Poco::JSON::Parser parser;
    return parser.parse(readFile(out)).extract<Object::Ptr>();
  }();
  return bundled;
}

std::vector<Operation> operations() {
  static const std::set<std::string> METHODS{"get", "put", "post", "delete", "options", "head", "patch", "trace"};
  Object::Ptr doc = description();
  Array::Ptr globalSecurity = doc->getArray("security");
  std::vector<Operation> list;
  Object::Ptr paths = doc->getObject("paths");
  for (const std::string& path : paths->getNames()) {
    Object::Ptr item = paths->getObject(path);
    for (const std::string& method : item->getNames()) {
      if (METHODS.count(method) == 0) continue;
      Operation op;
      op.method = Poco::toUpper(method);
      op.path = path;
      op.object = item->getObject(method);
      Array::Ptr security = op.object->has("security") ? op.object->getArray("security") : globalSecurity;
      for (std::size_t i = 0; security && i < security->size(); ++i) {
        if (security->getObject(static_cast<unsigned>(i))->size() > 0) op.secured = true;
      }
      for (const std::string& status : op.object->getObject("responses")->getNames()) {
        op.statuses.insert(std::stoi(status));
      }
      list.push_back(op);
    }
  }
  return list;
}

std::string examplePath(const Operation& operation) {
  std::string path = operation.path;
  Array::Ptr parameters = operation.object->getArray("parameters");
  for (std::size_t i = 0; parameters && i < parameters->size(); ++i) {
    Object::Ptr p = parameters->getObject(static_cast<unsigned>(i));
    if (p->getValue<std::string>("in") != "path") continue;
    Poco::replaceInPlace(path, "{" + p->getValue<std::string>("name") + "}", p->getValue<std::string>("example"));
  }
  if (path.find('{') != std::string::npos) throw std::runtime_error("no example for a parameter of " + path);
  return path;
}

std::set<std::string> mediaTypes(const Operation& operation, int status) {
  std::set<std::string> types;
  Object::Ptr r = response(operation, status);
  if (r && r->has("content")) {
    for (const std::string& type : r->getObject("content")->getNames()) types.insert(type);
  }
  return types;
}

Object::Ptr responseSchema(const Operation& operation, int status, const std::string& mediaType) {
  Object::Ptr r = response(operation, status);
  if (!r || !r->has("content")) return nullptr;
  Object::Ptr media = r->getObject("content")->getObject(mediaType);
  return media ? media->getObject("schema") : nullptr;
}

std::set<std::string> responseHeaders(const Operation& operation, int status) {
  std::set<std::string> names;
  Object::Ptr r = response(operation, status);
  if (r && r->has("headers")) {
    for (const std::string& name : r->getObject("headers")->getNames()) names.insert(Poco::toLower(name));
  }
  return names;
}

std::vector<std::string> schemaViolations(const Object::Ptr& schema, const Poco::Dynamic::Var& value,
                                          const std::string& where) {
  std::vector<std::string> found;
  auto fail = [&](const std::string& what) { found.push_back(where + ": " + what); };
  if (schema->has("type")) {
    Poco::Dynamic::Var type = schema->get("type");
    bool ok = false;
    if (isArray(type)) {
      Array::Ptr types = type.extract<Array::Ptr>();
      for (std::size_t i = 0; i < types->size(); ++i) {
        ok = ok || hasType(value, types->getElement<std::string>(static_cast<unsigned>(i)));
      }
    } else {
      ok = hasType(value, type.toString());
    }
    if (!ok) {
      fail("is " + shown(value) + ", not of type " + type.toString());
      return found;
    }
  }
  if (schema->has("const") && shown(schema->get("const")) != shown(value)) {
    fail("is " + shown(value) + ", not " + shown(schema->get("const")));
  }
  if (schema->has("enum")) {
    Array::Ptr values = schema->getArray("enum");
    bool listed = false;
    for (std::size_t i = 0; i < values->size(); ++i) {
      listed = listed || shown(values->get(static_cast<unsigned>(i))) == shown(value);
    }
    if (!listed) fail(shown(value) + " is not one of the enumerated values");
  }
  if (schema->has("pattern") && value.isString() &&
      !std::regex_search(value.toString(), std::regex(schema->getValue<std::string>("pattern")))) {
    fail("\"" + value.toString() + "\" does not match " + schema->getValue<std::string>("pattern"));
  }
  if (value.isNumeric() && !value.isBoolean()) {
    double number = value.convert<double>();
    if (schema->has("minimum") && number < schema->getValue<double>("minimum")) fail("below the minimum");
    if (schema->has("maximum") && number > schema->getValue<double>("maximum")) fail("above the maximum");
  }
  if (isObject(value)) {
    Object::Ptr object = value.extract<Object::Ptr>();
    Array::Ptr required = schema->getArray("required");
    for (std::size_t i = 0; required && i < required->size(); ++i) {
      std::string name = required->getElement<std::string>(static_cast<unsigned>(i));
      if (!object->has(name)) fail("lacks the required member \"" + name + "\"");
    }
    Object::Ptr properties = schema->getObject("properties");
    for (const std::string& name : object->getNames()) {
      if (properties && properties->has(name)) {
        auto more = schemaViolations(properties->getObject(name), object->get(name), where + "." + name);
        found.insert(found.end(), more.begin(), more.end());
      } else if (schema->has("additionalProperties")) {
        Poco::Dynamic::Var extra = schema->get("additionalProperties");
        if (isObject(extra)) {
          auto more = schemaViolations(extra.extract<Object::Ptr>(), object->get(name), where + "." + name);
          found.insert(found.end(), more.begin(), more.end());
        } else if (extra.isBoolean() && !extra.convert<bool>()) {
          fail("has the undocumented member \"" + name + "\"");
        }
      }
    }
  }
  if (isArray(value) && schema->has("items")) {
    Array::Ptr items = value.extract<Array::Ptr>();
    for (std::size_t i = 0; i < items->size(); ++i) {
      auto more = schemaViolations(schema->getObject("items"), items->get(static_cast<unsigned>(i)),
                                   where + "[" + std::to_string(i) + "]");
      found.insert(found.end(), more.begin(), more.end());
    }
  }
  return found;
}

}  // namespace profkpi::tests

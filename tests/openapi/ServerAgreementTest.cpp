// A real `profkpi serve` answers every described operation, for each kind of
// caller, only with statuses, media types, headers and JSON bodies that the
// description documents for it; and what is not described is not served.
#include "tests/openapi/OpenApiDescription.h"
#include "tests/support/Documents.h"
#include "tests/support/ServerProcess.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/MediaType.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

#include <boost/test/unit_test.hpp>

#include <map>

using namespace profkpi::tests;

namespace {

// The document the description's examples name: organisation E06000001, period
// 2025-26-Q2, SubmissionId 3f1c2a9e-... (the path parameters' examples).
std::string exampleDocument(const std::string& submissionId = "3f1c2a9e-7b4d-4e8a-9c61-5d2e8f0a4b17") {
  HeaderFields h;
  h.submissionId = submissionId;
  h.period = "2025-26-Q2";
  h.preparedAt = "2025-10-16T12:55:00+01:00";
  return aggregateDocument(h);
}

// Checks one real answer against what the description documents for the operation.
void checkDocumented(const Operation& op, const HttpResult& answer, const std::string& what) {
  BOOST_TEST_CONTEXT(op.method << " " << op.path << " (" << what << ") answered " << answer.status) {
    BOOST_TEST_REQUIRE(op.statuses.count(answer.status) == 1u, "the status is documented");
    for (const std::string& header : responseHeaders(op, answer.status)) {
      BOOST_TEST(answer.headers.count(header) == 1u, "documented header " << header << " is sent");
    }
    std::set<std::string> types = mediaTypes(op, answer.status);
    if (types.empty()) {
      BOOST_TEST(answer.body.empty());
      return;
    }
    Poco::Net::MediaType sent(answer.headers.at("content-type"));
    std::string type = sent.getType() + "/" + sent.getSubType();
    BOOST_TEST_REQUIRE(types.count(type) == 1u, "the media type " << type << " is documented");
    if (type != "application/json" && type != "application/problem+json") return;
    auto schema = responseSchema(op, answer.status, type);
    BOOST_TEST_REQUIRE(!schema.isNull());
    Poco::JSON::Parser parser;
    for (const std::string& violation : schemaViolations(schema, parser.parse(answer.body))) {
      BOOST_ERROR("the body disagrees with the documented schema: " << violation);
    }
  }
}

const Operation& find(const std::vector<Operation>& ops, const std::string& method, const std::string& path) {
  for (const Operation& op : ops) {
    if (op.method == method && op.path == path) return op;
  }
  throw std::runtime_error(method + " " + path + " is not described");
}

struct Fixture {
  ServerProcess server{"http.maxBodyBytes = 100000\nauth.maxFailures = 1000\nstore.busyTimeoutSeconds = 1\n"};
  std::vector<Operation> ops = operations();
  std::map<std::string, std::string> keys{
      {"no key", ""},
      {"an unknown key", "pk_000000000000_00000000000000000000000000000000"},
      {"the submitter", server.addKey("E06000001", "submitter")},
      {"the reader", server.addKey("E06000001", "reader")},
      {"another organisation's reader", server.addKey("E06000002", "reader")},
      {"an admin", server.addKey("E09000001", "admin")},
  };

  HttpResult call(const Operation& op, const std::string& key, const std::string& body = exampleDocument(),
                  const std::string& contentType = "application/xml") const {
    std::map<std::string, std::string> headers;
    if (!key.empty()) headers["Authorization"] = "Bearer " + key;
    if (op.method != "POST") return server.request(op.method, examplePath(op), {}, headers);
    headers["Content-Type"] = contentType;
    return server.request(op.method, examplePath(op), body, headers);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(ServerAgreementTest, Fixture)

BOOST_AUTO_TEST_CASE(everyOperationAnswersEachCallerAsDocumented) {
  // Callers in this order: the submitter's post is the first acceptance, the
  // admin's the identical resend. Statuses by caller, in the order of `callers`.
  const std::vector<std::string> callers{"no key", "an unknown key", "the submitter", "the reader",
                                         "another organisation's reader", "an admin"};
  const std::map<std::string, std::vector<int>> expected{
      {"POST /api/v1/submissions", {401, 401, 201, 403, 403, 200}},
      {"GET /api/v1/submissions/{submissionId}", {401, 401, 200, 200, 404, 200}},
      {"GET /api/v1/organisations/{code}/periods/{period}/kpis", {401, 401, 403, 200, 403, 200}},
      {"GET /api/v1/organisations/{code}/periods/{period}/report.pdf", {401, 401, 403, 200, 403, 200}},
      {"GET /api/v1/periods/{period}/sector-report.pdf", {401, 401, 403, 403, 403, 200}},
      {"GET /api/v1/periods/{period}/results.csv", {401, 401, 403, 200, 200, 200}},
      {"GET /api/v1/periods/{period}/results.csv-metadata.json", {401, 401, 403, 200, 200, 200}},
      {"GET /api/v1/periods/{period}/peers.csv", {401, 401, 403, 200, 200, 200}},
      {"GET /api/v1/periods/{period}/peers.csv-metadata.json", {401, 401, 403, 200, 200, 200}},
      {"GET /api/v1/periods/{period}/coverage.csv", {401, 401, 403, 200, 200, 200}},
      {"GET /api/v1/periods/{period}/coverage.csv-metadata.json", {401, 401, 403, 200, 200, 200}},
      {"GET /healthz", {200, 200, 200, 200, 200, 200}},
      {"GET /metrics", {200, 200, 200, 200, 200, 200}},
  };
  std::vector<Operation> ordered{find(ops, "POST", "/api/v1/submissions")};
  for (const Operation& op : ops) {
    if (op.method != "POST") ordered.push_back(op);
  }
  BOOST_TEST(ordered.size() == expected.size(), "every described operation has its expected statuses here");
  for (const Operation& op : ordered) {
    auto statuses = expected.find(op.method + " " + op.path);
    BOOST_TEST_REQUIRE((statuses != expected.end()), op.method << " " << op.path << " has expected statuses here");
    for (std::size_t i = 0; i < callers.size(); ++i) {
      HttpResult answer = call(op, keys.at(callers[i]));
      BOOST_TEST(answer.status == statuses->second[i], op.method << " " << op.path << " for " << callers[i]);
      checkDocumented(op, answer, callers[i]);
    }
  }
}

BOOST_AUTO_TEST_CASE(everyRefusalOfASubmissionIsDocumented) {
  const Operation& post = find(ops, "POST", "/api/v1/submissions");
  const std::string& submitter = keys.at("the submitter");
  struct Case {
    std::string what;
    std::string body;
    std::string contentType;
    int status;
  };
  HeaderFields otherOrganisation;
  otherOrganisation.organisationCode = "E06000002";
  otherOrganisation.submissionId = "3f1c2a9e-7b4d-4e8a-9c61-5d2e8f0a4b19";
  AggregateFields tooManyAssessed;
  tooManyAssessed.staffAssessed = "400";
  HeaderFields reused;
  reused.submissionId = "3f1c2a9e-7b4d-4e8a-9c61-5d2e8f0a4b17";
  reused.period = "2025-26-Q2";
  reused.preparedAt = "2025-10-16T12:55:00+01:00";
  AggregateFields otherFigures;
  otherFigures.staffRecognised = "12";
  const std::vector<Case> cases{
      {"the first acceptance, as text/xml", exampleDocument(), "text/xml; charset=utf-8", 201},
      {"the identical resend", exampleDocument(), "application/xml", 200},
      {"a JSON body", "{}", "application/json", 415},
      {"a truncated document", exampleDocument().substr(0, 200), "application/xml", 400},
      {"a business-rule error", aggregateDocument({}, tooManyAssessed), "application/xml", 422},
      {"another organisation's document", aggregateDocument(otherOrganisation), "application/xml", 403},
      {"the SubmissionId reused with other figures", aggregateDocument(reused, otherFigures), "application/xml", 409},
      {"a body over http.maxBodyBytes", std::string(150000, ' '), "application/xml", 413},
  };
  for (const Case& c : cases) {
    HttpResult answer = call(post, submitter, c.body, c.contentType);
    BOOST_TEST(answer.status == c.status, c.what);
    checkDocumented(post, answer, c.what);
  }
}

// Issue 25: the report routes in Welsh, and a language they do not write.
BOOST_AUTO_TEST_CASE(reportLanguagesAreAnsweredAsDocumented) {
  BOOST_TEST(call(find(ops, "POST", "/api/v1/submissions"), keys.at("the submitter")).status == 201);
  for (const Operation* op : {&find(ops, "GET", "/api/v1/organisations/{code}/periods/{period}/report.pdf"),
                              &find(ops, "GET", "/api/v1/periods/{period}/sector-report.pdf")}) {
    std::map<std::string, std::string> headers{{"Authorization", "Bearer " + keys.at("an admin")}};
    HttpResult welsh = server.request("GET", examplePath(*op) + "?lang=cy", {}, headers);
    BOOST_TEST(welsh.status == 200);
    checkDocumented(*op, welsh, "?lang=cy");
    HttpResult french = server.request("GET", examplePath(*op) + "?lang=fr", {}, headers);
    BOOST_TEST(french.status == 400);
    checkDocumented(*op, french, "?lang=fr");
    headers["Accept-Language"] = "cy-GB, en;q=0.5";
    HttpResult accepted = server.request("GET", examplePath(*op), {}, headers);
    BOOST_TEST(accepted.headers["content-language"] == "cy");
    checkDocumented(*op, accepted, "Accept-Language: cy-GB");
  }
}

BOOST_AUTO_TEST_CASE(aStoreThatCannotBeWrittenIsAnsweredAsDocumented) {
  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::Session lock("SQLite", server.storePath());
  lock << "BEGIN EXCLUSIVE", Poco::Data::Keywords::now;
  HttpResult answer = call(find(ops, "POST", "/api/v1/submissions"), keys.at("the submitter"));
  lock << "ROLLBACK", Poco::Data::Keywords::now;
  BOOST_TEST(answer.status == 503);
  checkDocumented(find(ops, "POST", "/api/v1/submissions"), answer, "the store locked by another program");
}

BOOST_AUTO_TEST_CASE(whatIsNotDescribedIsNotServed) {
  for (std::string path : {"/", "/api", "/api/v1", "/api/v1/nothing", "/api/v2/submissions",
                                  "/api/v1/organisations/E06000001/periods/2025-26-Q2/report.html",
                                  "/api/v1/organisations/E06000001/kpis", "/healthz/more"}) {
    HttpResult answer = server.request("GET", path);
    BOOST_TEST(answer.status == 404, path);
    BOOST_TEST(answer.headers["content-type"] == "application/problem+json", path);
  }
  // Each described path answers the methods it does not describe with 405 and
  // an Allow header naming exactly those it describes, and HEAD beside GET
  // (INTERFACE.md: HEAD is answered on every GET route).
  std::map<std::string, std::set<std::string>> methodsByPath;
  std::map<std::string, std::string> examples;
  for (const Operation& op : ops) {
    methodsByPath[op.path].insert(op.method);
    if (op.method == "GET") methodsByPath[op.path].insert("HEAD");
    examples[op.path] = examplePath(op);
  }
  for (const auto& [path, methods] : methodsByPath) {
    for (std::string method : {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"}) {
      if (methods.count(method) != 0) continue;
      HttpResult answer = server.request(method, examples[path]);
      BOOST_TEST(answer.status == 405, method << " " << path);
      std::set<std::string> allowed;
      for (std::string m : Poco::StringTokenizer(answer.headers["allow"], ",", Poco::StringTokenizer::TOK_TRIM)) {
        allowed.insert(m);
      }
      BOOST_TEST((allowed == methods), method << " " << path << ": Allow: " << answer.headers["allow"]);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(FailedAuthenticationTest)

BOOST_AUTO_TEST_CASE(repeatedFailuresAreAnsweredAsDocumented) {
  ServerProcess server("auth.maxFailures = 2\n");
  for (const Operation& op : operations()) {
    if (!op.secured) continue;
    std::map<std::string, std::string> headers{
        {"Authorization", "Bearer pk_000000000000_00000000000000000000000000000000"}};
    if (op.method == "POST") headers["Content-Type"] = "application/xml";
    HttpResult answer;
    for (int i = 0; i < 3; ++i) answer = server.request(op.method, examplePath(op), {}, headers);
    BOOST_TEST(answer.status == 429, op.method << " " << op.path);
    checkDocumented(op, answer, "after repeated failures");
  }
}

BOOST_AUTO_TEST_SUITE_END()

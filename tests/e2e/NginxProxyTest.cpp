// The shipped nginx site (etc/nginx/profkpi.conf, TLS taken out) in front of a
// real `profkpi serve` (or, with PROFKPI_TEST_INSTANCES, of every instance of a
// deployment on one PostgreSQL, in nginx's round robin): what a council's web
// server passes on, refuses and forwards.
#include "adapters/store/SqlStore.h"
#include "tests/support/Documents.h"
#include "tests/support/NginxProcess.h"
#include "tests/support/RawClient.h"
#include "tests/support/ServerProcess.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <boost/test/unit_test.hpp>

using namespace profkpi::tests;

namespace {

constexpr std::int64_t MAX_BODY = 33554432;  // http.maxBodyBytes and client_max_body_size 32m

Poco::JSON::Object::Ptr parse(const std::string& text) {
  Poco::JSON::Parser parser;
  return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

// Declares a body of `length` bytes and sends none: a proxy that checks the
// declared length answers at once.
HttpResult postDeclaringOnly(int port, std::int64_t length, const std::string& key) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  session.setTimeout(Poco::Timespan(10, 0));
  Poco::Net::HTTPRequest request("POST", "/api/v1/submissions", Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentType("application/xml");
  request.set("Authorization", "Bearer " + key);
  request.setContentLength64(length);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  HttpResult result;
  result.status = response.getStatus();
  result.headers["content-type"] = response.getContentType();
  Poco::StreamCopier::copyToString(in, result.body);
  return result;
}

struct Fixture {
  ServerProcess server{"http.trustedProxies = 127.0.0.1\nauth.maxFailures = 3\n"};
  NginxProcess nginx{server.ports()};
  std::string submitter = server.addKey("E06000001", "submitter");
  std::string reader = server.addKey("E06000001", "reader");

  HttpResult viaNginx(const std::string& method, const std::string& path, const std::string& body = {},
                      const std::map<std::string, std::string>& headers = {}) const {
    return httpRequest(nginx.port(), method, path, body, headers);
  }

  // Each instance counts what it served: every instance's /metrics, one after the other.
  std::string everyInstancesMetrics() const {
    std::string all;
    for (std::size_t instance = 0; instance < server.instances(); ++instance) {
      all += server.requestTo(instance, "GET", "/metrics").body;
    }
    return all;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(NginxProxyTest)

BOOST_AUTO_TEST_CASE(siteLosesOnlyItsTlsWhenMadePlain) {
  std::string shipped = readFile(std::string(PROFKPI_SOURCE_DIR) + "/etc/nginx/profkpi.conf");
  std::string plain = plainHttpSite(shipped, 18001, {18002});
  BOOST_TEST(plain.find("listen 127.0.0.1:18001;") != std::string::npos);
  BOOST_TEST(plain.find("server 127.0.0.1:18002;") != std::string::npos);
  BOOST_TEST(plain.find("ssl_certificate") == std::string::npos);
  BOOST_TEST(plain.find("Strict-Transport-Security") == std::string::npos);
  BOOST_TEST(plain.find("return 301") == std::string::npos);
  BOOST_TEST(plain.find("client_max_body_size 32m;") != std::string::npos);
  BOOST_TEST(plain.find("proxy_request_buffering on;") != std::string::npos);
  BOOST_CHECK_THROW(plainHttpSite("server { listen 80; }", 1, {2}), std::runtime_error);
  std::string two = plainHttpSite(shipped, 18001, {18002, 18003});  // one upstream, a server line per instance
  BOOST_TEST(two.find("server 127.0.0.1:18002;\n    server 127.0.0.1:18003;") != std::string::npos, two);
}

BOOST_FIXTURE_TEST_SUITE(ThroughNginx, Fixture)

BOOST_AUTO_TEST_CASE(submissionThroughNginxGetsItsReceiptAndKeysPassThrough) {
  BOOST_TEST(viaNginx("GET", "/healthz").status == 200);

  std::string xml = aggregateDocument();
  HttpResult created = viaNginx("POST", "/api/v1/submissions", xml,
                                {{"Authorization", "Bearer " + submitter}, {"Content-Type", "application/xml"}});
  BOOST_TEST(created.status == 201, created.body);
  BOOST_TEST(created.headers["location"] == "/api/v1/submissions/3f2c8a1e-5b7d-4c9e-8f10-2a3b4c5d6e7f");
  BOOST_TEST(parse(created.body)->getValue<std::string>("status") == "accepted");

  HttpResult fetched = viaNginx("GET", created.headers["location"], "", {{"Authorization", "Bearer " + reader}});
  BOOST_TEST(fetched.status == 200);
  BOOST_TEST(fetched.body == created.body);
  HttpResult anonymous = viaNginx("GET", created.headers["location"]);
  BOOST_TEST(anonymous.status == 401);
  BOOST_TEST(anonymous.headers["www-authenticate"] == "Bearer realm=\"profkpi\"");

  BOOST_TEST(viaNginx("GET", "/metrics").body.find("profkpi_") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bodyOverTheLimitIsRefusedByNginxAndOneAtTheLimitReachesProfkpi) {
  HttpResult tooLarge = postDeclaringOnly(nginx.port(), MAX_BODY + 1, submitter);
  BOOST_TEST(tooLarge.status == 413);
  BOOST_TEST(tooLarge.headers["content-type"] == "application/problem+json");
  BOOST_TEST(parse(tooLarge.body)->getValue<int>("status") == 413);
  // nginx answered: profkpi never saw the request (it would answer 413 too).
  BOOST_TEST(everyInstancesMetrics().find("status=\"413\"") == std::string::npos);

  // Exactly the limit passes nginx; profkpi reads it and finds no XML.
  HttpResult atLimit = viaNginx("POST", "/api/v1/submissions", std::string(static_cast<std::size_t>(MAX_BODY), 'x'),
                                {{"Authorization", "Bearer " + submitter}, {"Content-Type", "application/xml"}});
  BOOST_TEST(atLimit.status == 400, atLimit.body);
  BOOST_TEST(parse(atLimit.body)->getArray("errors")->getObject(0)->getValue<std::string>("code") == "XML");
  BOOST_TEST(everyInstancesMetrics().find("route=\"POST /api/v1/submissions\",status=\"400\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(failedAuthenticationIsLimitedPerForwardedClient) {
  std::map<std::string, std::string> attacker{{"Authorization", "Bearer pk_000000000000_00000000000000000000000000000000"},
                                              {"X-Forwarded-For", "203.0.113.9"}};
  // Each instance counts on its own (OPERATIONS.md): through nginx's round
  // robin over N instances a guesser has from 3 (one instance) up to N x 3
  // failures before the first 429, and no more.
  int failures = 0;
  int answer = 401;
  for (int i = 0; i < 3 * static_cast<int>(server.instances()) + 1 && answer == 401; ++i) {
    answer = viaNginx("GET", "/api/v1/submissions/x", "", attacker).status;
    if (answer == 401) ++failures;
  }
  BOOST_TEST(answer == 429);
  BOOST_TEST_MESSAGE(failures << " failed authentications before 429 over " << server.instances() << " instance(s)");
  if (server.instances() == 1) BOOST_TEST(failures == 3);
  BOOST_TEST(failures >= 3);
  BOOST_TEST(failures <= 3 * static_cast<int>(server.instances()));

  // Another client behind the same proxy is not locked out, and its address
  // (not nginx's) is what the audit log records.
  HttpResult created = viaNginx("POST", "/api/v1/submissions", aggregateDocument(),
                                {{"Authorization", "Bearer " + submitter},
                                 {"Content-Type", "application/xml"},
                                 {"X-Forwarded-For", "198.51.100.7"}});
  BOOST_TEST(created.status == 201, created.body);
  server.stop();
  profkpi::adapters::store::SqlStore store(server.store().connector, server.store().connection);
  bool recorded = false;
  for (const auto& entry : store.recentAudit(20)) recorded = recorded || (entry.action == "accepted" && entry.origin == "198.51.100.7");
  BOOST_TEST(recorded);
  server.start();
}

BOOST_AUTO_TEST_CASE(noRequestCanSmuggleAnotherIntoTheNextClientsConnection) {
  // nginx reuses its upstream connections: a body profkpi answered without
  // reading would be parsed as the next client's request. Client one sends a
  // request whose body is itself a request (or framing two parsers could read
  // two ways); client two's valid POST must be stored and answered with its
  // own receipt, every time.
  const std::string smuggled = "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Swallow: ";
  const std::string length = "Content-Length: " + std::to_string(smuggled.size()) + "\r\n";
  const std::string xml = "Content-Type: application/xml\r\n";
  std::vector<std::string> attacks{
      "POST /api/v1/submissions HTTP/1.1\r\nHost: t\r\n" + xml + length + "\r\n" + smuggled,
      "POST /api/v1/submissions HTTP/1.1\r\nHost: t\r\n" + xml + "Authorization: Bearer " + reader + "\r\n" +
          length + "\r\n" + smuggled,
      "POST /api/v1/submissions HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nAuthorization: Bearer " +
          submitter + "\r\n" + length + "\r\n" + smuggled,
      "POST /nothing HTTP/1.1\r\nHost: t\r\n" + length + "\r\n" + smuggled,
      "PUT /healthz HTTP/1.1\r\nHost: t\r\n" + length + "\r\n" + smuggled,
      "GET /healthz HTTP/1.1\r\nHost: t\r\n" + length + "\r\n" + smuggled,
      "POST /api/v1/submissions HTTP/1.1\r\nHost: t\r\n" + xml + length +
          "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled,
      "POST /api/v1/submissions HTTP/1.1\r\nHost: t\r\n" + xml + length + length + "\r\n" + smuggled,
      "POST /api/v1/submissions HTTP/1.1\r\nHost: t\r\n" + xml + "Transfer-Encoding: chunked\r\n\r\n" +
          "5;x\r\nabcde\r\nzz\r\n" + smuggled,
  };
  for (int round = 0; round < 27; ++round) {
    const std::string& attack = attacks[static_cast<std::size_t>(round) % attacks.size()];
    RawConnection attacker(nginx.port());
    attacker.send(attack);
    auto refused = attacker.readResponse();
    BOOST_TEST_REQUIRE(refused.has_value(), attack);
    BOOST_TEST(refused->status >= 400, attack);

    char id[40];
    std::snprintf(id, sizeof id, "5b5b0000-0000-4000-8000-%012x", round);
    HeaderFields h;
    h.submissionId = id;
    std::string document = aggregateDocument(h);
    RawConnection victim(nginx.port(), "127.0.0.2");  // another client: not limited with the attacker
    victim.send("POST /api/v1/submissions HTTP/1.1\r\nHost: t\r\n" + xml + "Authorization: Bearer " + submitter +
                "\r\nContent-Length: " + std::to_string(document.size()) + "\r\n\r\n" + document);
    auto answer = victim.readResponse();
    BOOST_TEST_REQUIRE(answer.has_value());
    BOOST_TEST(answer->status == 201, "round " << round << " after " << attack << ": " << answer->body);
    BOOST_TEST(answer->body.find(id) != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()

// profkpi serve against clients that do not play by the rules, over raw
// sockets (tests/support/RawClient: the bytes as written, nothing normalised):
// one request per message, strict framing, deadlines instead of per-call
// timeouts, connection caps, a body budget and a bounded shutdown
// (INTERFACE.md; issue 17's findings, each a case here).
#include "tests/support/Documents.h"
#include "tests/support/RawClient.h"
#include "tests/support/ServerProcess.h"

#include <boost/test/unit_test.hpp>

#include <sys/wait.h>

#include <csignal>
#include <memory>
#include <thread>
#include <vector>

using namespace profkpi::tests;

namespace {

std::string documentWithId(const std::string& id, const std::string& organisation = "E06000001",
                           const std::string& name = "Hartlepool Borough Council") {
  HeaderFields h;
  h.submissionId = id;
  h.organisationCode = organisation;
  h.organisationName = name;
  return aggregateDocument(h);
}

std::string idFor(int n) {
  char id[40];
  std::snprintf(id, sizeof id, "5a5a0000-0000-4000-8000-%012x", n);
  return id;
}

std::string post(const std::string& key, const std::string& body, const std::string& extraHeaders = {}) {
  std::string head = "POST /api/v1/submissions HTTP/1.1\r\nHost: t\r\nContent-Type: application/xml\r\n";
  if (!key.empty()) head += "Authorization: Bearer " + key + "\r\n";
  return head + "Content-Length: " + std::to_string(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

std::string get(const std::string& path, const std::string& extraHeaders = {}) {
  return "GET " + path + " HTTP/1.1\r\nHost: t\r\n" + extraHeaders + "\r\n";
}

// What one request on a fresh connection gets, and whether the server then
// closes the connection (within 3 s).
struct Answer {
  std::optional<RawResponse> response;
  bool closed = false;
  std::string after;  // bytes that arrived after the response
};

Answer ask(int port, const std::string& bytes, double seconds = 10) {
  RawConnection c(port);
  c.send(bytes);
  Answer a;
  a.response = c.readResponse(seconds);
  a.closed = c.closedWithin(3);
  a.after = c.received();
  return a;
}

// Every error the server writes is a problem document, closing the connection.
void checkRefusal(const Answer& a, int status, const std::string& what) {
  BOOST_TEST_REQUIRE(a.response.has_value(), what);
  BOOST_TEST(a.response->status == status, what << ": " << a.response->statusLine);
  BOOST_TEST(a.response->statusLine.rfind("HTTP/1.1 ", 0) == 0u, what);
  BOOST_TEST(a.response->headers.at("content-type") == "application/problem+json", what);
  BOOST_TEST(a.response->closes(), what << ": says Connection: close");
  BOOST_TEST(a.closed, what << ": and closes");
  BOOST_TEST(a.after.find("HTTP/1.1") == std::string::npos, what << ": one response only");
}

const std::string SETTINGS =
    "http.headerSeconds = 2\nhttp.bodySeconds = 2\nhttp.responseSeconds = 3\nhttp.shutdownSeconds = 3\n"
    "http.maxBodyBytes = 300000\nauth.maxFailures = 5\nhttp.maxConnectionsPerClient = 300\n";

struct Fixture {
  ServerProcess server{SETTINGS};
  std::string submitter = server.addKey("E06000001", "submitter");
  std::string reader = server.addKey("E06000001", "reader");
  std::string admin = server.addKey("E09000001", "admin");

  bool stored(const std::string& id) const {
    return server.request("GET", "/api/v1/submissions/" + id, "", {{"Authorization", "Bearer " + admin}}).status ==
           200;
  }
};

// A request smuggled in the body of one that is answered without reading it.
const std::string SMUGGLED = "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Swallow: ";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(HttpHostileClientTest, Fixture)

BOOST_AUTO_TEST_CASE(aBodyAnsweredUnreadIsNeverParsedAsTheNextRequest) {
  int port = server.port();
  std::string xml = "<x/>" + SMUGGLED;
  struct Case {
    std::string what;
    std::string bytes;
    int status;
  };
  std::vector<Case> cases{
      {"401 without a key", post("", SMUGGLED), 401},
      {"401 with a bad key", post("pk_000000000000_00000000000000000000000000000000", SMUGGLED), 401},
      {"403 for a reader key", post(reader, SMUGGLED), 403},
      {"415 for text/plain",
       "POST /api/v1/submissions HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nAuthorization: Bearer " +
           submitter + "\r\nContent-Length: " + std::to_string(SMUGGLED.size()) + "\r\n\r\n" + SMUGGLED,
       415},
      {"404 with a body", "POST /nothing HTTP/1.1\r\nHost: t\r\nContent-Length: " + std::to_string(SMUGGLED.size()) +
                              "\r\n\r\n" + SMUGGLED,
       404},
      {"405 with a body", "PUT /healthz HTTP/1.1\r\nHost: t\r\nContent-Length: " + std::to_string(SMUGGLED.size()) +
                              "\r\n\r\n" + SMUGGLED,
       405},
      {"a GET with a body", "GET /healthz HTTP/1.1\r\nHost: t\r\nContent-Length: " +
                                std::to_string(SMUGGLED.size()) + "\r\n\r\n" + SMUGGLED,
       400},
  };
  for (const Case& c : cases) {
    RawConnection connection(port);
    connection.send(c.bytes);
    // The honest client's next request would follow on the same connection.
    connection.send("\r\n\r\n" + get("/metrics"));
    auto response = connection.readResponse();
    BOOST_TEST_REQUIRE(response.has_value(), c.what);
    BOOST_TEST(response->status == c.status, c.what);
    BOOST_TEST(response->closes(), c.what);
    BOOST_TEST(connection.closedWithin(3), c.what);
    BOOST_TEST(connection.received().find("HTTP/1.1") == std::string::npos, c.what << ": " << connection.received());
  }
  // 429 once the address has failed too often: refused unread as well.
  for (int i = 0; i < 6; ++i) ask(port, post("", SMUGGLED));
  Answer limited = ask(port, post(submitter, SMUGGLED));
  checkRefusal(limited, 429, "429 after repeated failures");
  BOOST_TEST(limited.response->headers.count("retry-after") == 1u);
}

BOOST_AUTO_TEST_CASE(successesDoNotResetTheFailureCount) {
  // 45 failures between successes used never to reach 429.
  int port = server.port();
  int refused = 0;
  for (int i = 0; i < 12 && refused == 0; ++i) {
    auto bad = ask(port, get("/api/v1/submissions/" + idFor(1), "Authorization: Bearer nope\r\n"));
    auto good = ask(port, get("/api/v1/submissions/" + idFor(1), "Authorization: Bearer " + admin + "\r\n"));
    if (bad.response && bad.response->status == 429) ++refused;
    if (good.response && good.response->status == 429) ++refused;
  }
  BOOST_TEST(refused > 0);
}

BOOST_AUTO_TEST_CASE(framingThatTwoParsersCouldReadTwoWaysIsRefused) {
  int port = server.port();
  std::string body = documentWithId(idFor(10));
  std::string head = "POST /api/v1/submissions HTTP/1.1\r\nHost: t\r\nContent-Type: application/xml\r\n"
                     "Authorization: Bearer " + submitter + "\r\n";
  std::string length = std::to_string(body.size());
  struct Case {
    std::string what;
    std::string headers;
    int status;
  };
  std::vector<Case> cases{
      {"two Content-Lengths", "Content-Length: " + length + "\r\nContent-Length: " + length + "\r\n", 400},
      {"a Content-Length list", "Content-Length: " + length + ", " + length + "\r\n", 400},
      {"a negative Content-Length", "Content-Length: -1\r\n", 400},
      {"a hexadecimal Content-Length", "Content-Length: 0x10\r\n", 400},
      {"a Content-Length out of range", "Content-Length: 100000000000000000000000\r\n", 400},
      {"a Content-Length that is no number", "Content-Length: abc\r\n", 400},
      {"a signed Content-Length", "Content-Length: +" + length + "\r\n", 400},
      {"Content-Length with chunked", "Content-Length: " + length + "\r\nTransfer-Encoding: chunked\r\n", 400},
      {"another transfer coding", "Transfer-Encoding: gzip, chunked\r\n", 400},
      {"chunked twice", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", 400},
      {"a content coding", "Content-Length: " + length + "\r\nContent-Encoding: gzip\r\n", 415},
      {"no length at all", "", 411},
      {"a folded header", "Content-Length: " + length + "\r\nX-Folded: a\r\n b\r\n", 400},
      {"a space before the colon", "Content-Length : " + length + "\r\n", 400},
  };
  for (const Case& c : cases) checkRefusal(ask(port, head + c.headers + "\r\n" + body), c.status, c.what);
  BOOST_TEST(!stored(idFor(10)));
}

BOOST_AUTO_TEST_CASE(chunkedBodiesAreReadStrictlyAndStoredOnlyWhole) {
  int port = server.port();
  std::string head = "POST /api/v1/submissions HTTP/1.1\r\nHost: t\r\nContent-Type: application/xml\r\n"
                     "Authorization: Bearer " + submitter + "\r\nTransfer-Encoding: chunked\r\n\r\n";
  auto chunk = [](const std::string& data) {
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", data.size());
    return size + data + "\r\n";
  };
  // Whole: stored.
  std::string whole = documentWithId(idFor(20));
  Answer ok = ask(port, head + chunk(whole.substr(0, 100)) + chunk(whole.substr(100)) + "0\r\n\r\n");
  BOOST_TEST_REQUIRE(ok.response.has_value());
  BOOST_TEST(ok.response->status == 201);

  std::string doc = documentWithId(idFor(21));
  checkRefusal(ask(port, head + chunk(doc.substr(0, 100)) + "zz\r\n" + doc.substr(100) + "\r\n0\r\n\r\n" + SMUGGLED),
               400, "an invalid chunk-size line");
  checkRefusal(ask(port, head + "64\r\n" + doc.substr(0, 100) + "XX" + "0\r\n\r\n"), 400,
               "chunk data not followed by CRLF");
  checkRefusal(ask(port, head + chunk(doc) + "0\n\n"), 400, "a last chunk without CRLF");
  BOOST_TEST(!stored(idFor(21)));

  // The client goes away mid-chunk (a chunk declares more than arrives): nothing stored.
  {
    RawConnection c(port);
    c.send(head + "ffff\r\n" + doc);
    c.shutdownWrite();
    BOOST_TEST(c.closedWithin(5));
  }
  // The body ends before its last chunk.
  {
    RawConnection c(port);
    c.send(head + chunk(doc));
    c.shutdownWrite();
    BOOST_TEST(c.closedWithin(5));
  }
  BOOST_TEST(!stored(idFor(21)));
}

BOOST_AUTO_TEST_CASE(headsAreReadStrictly) {
  int port = server.port();
  auto r = ask(port, "GET /healthz HTTP/2.0\r\nHost: t\r\n\r\n");
  checkRefusal(r, 505, "HTTP/2.0");
  checkRefusal(ask(port, "GET /healthz HTTP/0.9\r\n\r\n"), 505, "HTTP/0.9");
  checkRefusal(ask(port, "GET /healthz\r\n\r\n"), 400, "no version");
  checkRefusal(ask(port, "GET healthz HTTP/1.1\r\nHost: t\r\n\r\n"), 400, "a target that is not a path");
  checkRefusal(ask(port, "GET /healthz HTTP/1.1\r\n\r\n"), 400, "HTTP/1.1 without Host");
  checkRefusal(ask(port, "GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), 400, "two Hosts");
  checkRefusal(ask(port, "GET /healthz HTTP/1.1\r\nHost: t\r\nX-A: a\rb\r\n\r\n"), 400, "a bare CR");
  std::string many;
  for (int i = 0; i < 120; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
  checkRefusal(ask(port, "GET /healthz HTTP/1.1\r\nHost: t\r\n" + many + "\r\n"), 431, "120 header fields");
  checkRefusal(ask(port, "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(40000, 'a') + "\r\n\r\n"), 431,
               "a 40 KB header");

  auto doubled = ask(port, get("//healthz"));
  BOOST_TEST_REQUIRE(doubled.response.has_value());
  BOOST_TEST(doubled.response->status == 404);

  // HEAD on a GET route: the GET's head, no body.
  RawConnection head(port);
  head.send("HEAD /healthz HTTP/1.1\r\nHost: t\r\n\r\n" + get("/healthz"));
  auto h = head.readResponse(10, true);
  BOOST_TEST_REQUIRE(h.has_value());
  BOOST_TEST(h->status == 200);
  BOOST_TEST(std::stoi(h->headers["content-length"]) > 0);
  auto next = head.readResponse();  // the body was not sent: the next response follows at once
  BOOST_TEST_REQUIRE(next.has_value());
  BOOST_TEST(next->status == 200);
  BOOST_TEST(next->body.find("\"status\"") != std::string::npos);

  // An HTTP/1.0 request is answered in HTTP/1.1, and the connection closes.
  auto old = ask(port, "GET /healthz HTTP/1.0\r\n\r\n");
  BOOST_TEST_REQUIRE(old.response.has_value());
  BOOST_TEST(old.response->statusLine.rfind("HTTP/1.1 200", 0) == 0u);
  BOOST_TEST(old.closed);
}

BOOST_AUTO_TEST_CASE(keepAliveIsKeptWhenPromised) {
  RawConnection c(server.port());
  // Refusals of requests without a body keep the connection: each answer is followed by the next.
  std::vector<std::pair<std::string, int>> requests{
      {get("/api/v1/submissions/" + idFor(1)), 401},
      {get("/nothing"), 404},
      {"DELETE /healthz HTTP/1.1\r\nHost: t\r\n\r\n", 405},
      {get("/api/v1/periods/0000-01-Q1/sector-report.pdf", "Authorization: Bearer " + admin + "\r\n"), 404},
      {get("/healthz"), 200},
  };
  for (const auto& [bytes, status] : requests) {
    BOOST_TEST_REQUIRE(c.send(bytes));
    auto r = c.readResponse();
    BOOST_TEST_REQUIRE(r.has_value(), bytes);
    BOOST_TEST(r->status == status, bytes);
    BOOST_TEST(!r->closes(), bytes);
  }
}

BOOST_AUTO_TEST_CASE(pipelinedRequestsAreEachAnsweredUpToTheKeepAliveLimit) {
  RawConnection c(server.port());
  std::string burst;
  for (int i = 0; i < 150; ++i) burst += get("/healthz");
  c.send(burst);
  int answered = 0;
  bool lastCloses = false;
  while (auto r = c.readResponse(10)) {
    ++answered;
    lastCloses = r->closes();
    BOOST_TEST(r->status == 200);
  }
  BOOST_TEST(answered == 100);  // http.keepAliveRequests, every one of them whole
  BOOST_TEST(lastCloses);
}

BOOST_AUTO_TEST_CASE(aDeclaredBodyOverTheLimitIsRefusedAtOnce) {
  RawConnection c(server.port());
  double started = now();
  c.send("POST /api/v1/submissions HTTP/1.1\r\nHost: t\r\nContent-Type: application/xml\r\nAuthorization: Bearer " +
         submitter + "\r\nContent-Length: 400000\r\n\r\n");
  auto r = c.readResponse(5);
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(r->status == 413);
  BOOST_TEST(now() - started < 1.0);
  BOOST_TEST(r->closes());
}

BOOST_AUTO_TEST_CASE(continueIsSentOnlyAfterTheKeyIsAccepted) {
  std::string xml = documentWithId(idFor(30));
  {
    RawConnection c(server.port());
    c.send("POST /api/v1/submissions HTTP/1.1\r\nHost: t\r\nContent-Type: application/xml\r\nExpect: 100-continue\r\n"
           "Content-Length: " + std::to_string(xml.size()) + "\r\n\r\n");
    auto r = c.readResponse();
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->status == 401);  // not 100
  }
  RawConnection c(server.port());
  c.send("POST /api/v1/submissions HTTP/1.1\r\nHost: t\r\nContent-Type: application/xml\r\nExpect: 100-continue\r\n"
         "Authorization: Bearer " + submitter + "\r\nContent-Length: " + std::to_string(xml.size()) + "\r\n\r\n");
  auto interim = c.readResponse();
  BOOST_TEST_REQUIRE(interim.has_value());
  BOOST_TEST(interim->status == 100);
  c.send(xml);
  auto r = c.readResponse();
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(r->status == 201);
}

BOOST_AUTO_TEST_CASE(aStalledBodyGets408AtTheBodyDeadlineAndIsNotStored) {
  std::string xml = documentWithId(idFor(40));
  RawConnection c(server.port());
  double started = now();
  c.send(post(submitter, xml).substr(0, post(submitter, xml).size() - 50));
  auto r = c.readResponse(10);
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(r->status == 408);
  BOOST_TEST(now() - started < 4.0);  // http.bodySeconds = 2
  BOOST_TEST(!stored(idFor(40)));
}

BOOST_AUTO_TEST_CASE(aHeadDribbledByteByByteGets408AtTheHeadDeadline) {
  RawConnection c(server.port());
  double started = now();
  std::string head = get("/healthz");
  std::size_t i = 0;
  std::optional<RawResponse> r;
  while (now() - started < 8 && i < head.size() - 2) {
    if (!c.send(head.substr(i++, 1))) break;
    if ((r = c.readResponse(0.5))) break;
  }
  if (!r) r = c.readResponse(3);
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(r->status == 408);
  BOOST_TEST(now() - started < 4.0);  // http.headerSeconds = 2
  BOOST_TEST(c.closedWithin(3));
}

BOOST_AUTO_TEST_CASE(aSubmissionIdOfAnotherOrganisationIsAConflictThatNamesNoOne) {
  BOOST_TEST(server.post(submitter, documentWithId(idFor(50))).status == 201);
  std::string welsh = server.addKey("W06000001", "submitter");
  HttpResult clash = server.post(welsh, documentWithId(idFor(50), "W06000001", "Isle of Anglesey County Council"));
  BOOST_TEST(clash.status == 409);
  BOOST_TEST(clash.body.find("E06000001") == std::string::npos);
  BOOST_TEST(clash.body.find("Hartlepool") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(periodsOutsideTheCalendarAreNotFound) {
  auto r = server.request("GET", "/api/v1/periods/0000-01-Q1/sector-report.pdf", "",
                          {{"Authorization", "Bearer " + admin}});
  BOOST_TEST(r.status == 404);
  BOOST_TEST(r.headers["content-type"] == "application/problem+json");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(HttpStarvationTest)

BOOST_AUTO_TEST_CASE(dribblersNonReadersAndHoldersDoNotStarveAnHonestClient) {
  ServerProcess server{SETTINGS + "http.maxConnectionsPerClient = 64\n"};
  std::string submitter = server.addKey("E06000001", "submitter");
  int port = server.port();
  // Attackers from other loopback addresses, within the per-address cap.
  std::vector<std::unique_ptr<RawConnection>> dribblers, nonReaders, holders;
  for (int i = 0; i < 120; ++i) {
    dribblers.push_back(std::make_unique<RawConnection>(port, "127.0.0." + std::to_string(2 + i / 60)));
    dribblers.back()->send("G");
  }
  std::string many;
  for (int i = 0; i < 400; ++i) many += get("/metrics");
  for (int i = 0; i < 40; ++i) {
    nonReaders.push_back(std::make_unique<RawConnection>(port, "127.0.0.4"));
    nonReaders.back()->send(many);
  }
  for (int i = 0; i < 40; ++i) holders.push_back(std::make_unique<RawConnection>(port, "127.0.0.5"));

  double worst = 0;
  for (int round = 0; round < 5; ++round) {
    for (auto& d : dribblers) d->send("E");
    for (auto& h : holders) h->send(get("/healthz"));
    double started = now();
    HttpResult r = server.post(submitter, documentWithId(idFor(100 + round)));
    worst = std::max(worst, now() - started);
    BOOST_TEST(r.status == 201);
    for (auto& h : holders) h->readResponse(2);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  BOOST_TEST(worst < 2.0);  // bench/http-hostile.py holds it to a p99 under 1 s; here a loaded CI machine may run it

  // A further connection from an address at its cap is refused at once.
  std::vector<std::unique_ptr<RawConnection>> more;
  for (int i = 0; i < 70; ++i) more.push_back(std::make_unique<RawConnection>(port, "127.0.0.9"));
  more.back()->send(get("/healthz"));
  auto refused = more.back()->readResponse(3);
  BOOST_TEST_REQUIRE(refused.has_value());
  BOOST_TEST(refused->status == 429);

  // SIGTERM: the slow and the silent are closed; serve exits within http.shutdownSeconds.
  double stopping = now();
  server.terminate();
  int status = server.waitForExit();
  BOOST_TEST(status == 0);
  BOOST_TEST(now() - stopping < 4.5);
}

BOOST_AUTO_TEST_CASE(pastTheBodyBudgetARequestWaitsThenGets503) {
  ServerProcess server{SETTINGS + "http.maxBufferedBodyBytes = 400000\nhttp.bodySeconds = 12\n"};
  std::string submitter = server.addKey("E06000001", "submitter");
  std::string xml = documentWithId(idFor(200));
  std::string padded = xml + std::string(90000 - xml.size(), ' ');
  // The first upload takes most of the budget (4 x 90,000 bytes) and pauses.
  RawConnection first(server.port());
  std::string request = post(submitter, padded);
  first.send(request.substr(0, request.size() - 10));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // The second waits for room (its socket unread), then gives up with 503.
  RawConnection second(server.port());
  double started = now();
  second.send(post(submitter, documentWithId(idFor(201)) + std::string(80000, ' ')));
  auto r = second.readResponse(10);
  BOOST_TEST_REQUIRE(r.has_value());
  BOOST_TEST(r->status == 503);
  BOOST_TEST(r->headers.count("retry-after") == 1u);
  BOOST_TEST(now() - started > 4.0);
  // The first still completes, and then the budget is free again.
  first.send(request.substr(request.size() - 10));
  auto done = first.readResponse(6);
  BOOST_TEST_REQUIRE(done.has_value());
  BOOST_TEST(done->status == 201);
  std::string third = documentWithId(idFor(202));
  BOOST_TEST(server.post(submitter, third + std::string(80000, ' ')).status == 201);
}

BOOST_AUTO_TEST_CASE(behindATrustedProxyTheCapCountsRequestsPerForwardedClient) {
  ServerProcess server{SETTINGS + "http.trustedProxies = 127.0.0.1\nhttp.maxConnectionsPerClient = 2\n"
                                  "http.bodySeconds = 10\n"};
  std::string submitter = server.addKey("E06000001", "submitter");
  std::string xml = documentWithId(idFor(300));
  auto halfUpload = [&](const std::string& client) {
    std::string request = post(submitter, xml, "X-Forwarded-For: " + client + "\r\n");
    return request.substr(0, request.size() - 20);
  };
  // Every connection comes from the proxy's address; two requests in progress
  // from one forwarded client are its share.
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 2; ++i) {
    slow.push_back(std::make_unique<RawConnection>(server.port()));
    slow.back()->send(halfUpload("203.0.113.9"));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  RawConnection third(server.port());
  third.send(halfUpload("203.0.113.9"));
  auto refused = third.readResponse(5);
  BOOST_TEST_REQUIRE(refused.has_value());
  BOOST_TEST(refused->status == 429);
  // Another client behind the same proxy is not affected.
  RawConnection other(server.port());
  other.send(post(submitter, xml, "X-Forwarded-For: 198.51.100.7\r\n"));
  auto accepted = other.readResponse(5);
  BOOST_TEST_REQUIRE(accepted.has_value());
  BOOST_TEST(accepted->status == 201);
}

BOOST_AUTO_TEST_SUITE_END()

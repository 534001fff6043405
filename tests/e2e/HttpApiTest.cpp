// `profkpi serve` on 127.0.0.1 with real clients (Poco's HTTPClientSession, curl,
// raw sockets): every status code of INTERFACE.md and the hostile cases. With
// PROFKPI_TEST_INSTANCES=2 the same tests run against two instances on one
// PostgreSQL database, requests taking turns (tests/support/ServerProcess.h).
#include "adapters/store/SqlStore.h"
#include "tests/support/Documents.h"
#include "tests/support/ServerProcess.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <thread>

using namespace profkpi::tests;

namespace {

Poco::JSON::Object::Ptr parse(const std::string& text) {
  Poco::JSON::Parser parser;
  return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

// The sum over every instance of a Prometheus counter line's value (0 where absent).
long countersOverInstances(const ServerProcess& server, const std::string& series) {
  long total = 0;
  for (std::size_t instance = 0; instance < server.instances(); ++instance) {
    HttpResult metrics = server.requestTo(instance, "GET", "/metrics");
    BOOST_TEST(metrics.status == 200);
    auto at = metrics.body.find("\n" + series + " ");
    if (at != std::string::npos) total += std::stol(metrics.body.substr(at + series.size() + 2));
  }
  return total;
}

std::string uniqueId(int thread, int n) {
  char id[40];
  std::snprintf(id, sizeof id, "%08x-%04x-4000-8000-%012x", 0xdead0000u + thread, thread & 0xffff, n);
  return id;
}

std::string hartlepoolDocument(const std::string& id, int recognised = 11) {
  HeaderFields h;
  h.submissionId = id;
  AggregateFields f;
  f.staffRecognised = std::to_string(recognised % 42);
  return aggregateDocument(h, f);
}

struct Fixture {
  ServerProcess server{"http.maxBodyBytes = 200000\nauth.maxFailures = 5\nhttp.bodySeconds = 3\n"};
  std::string submitter = server.addKey("E06000001", "submitter");
  std::string reader = server.addKey("E06000001", "reader");
  std::string admin = server.addKey("E09000001", "admin");
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(HttpApiTest, Fixture)

BOOST_AUTO_TEST_CASE(submissionRouteAnswersEveryStatusOfTheInterface) {
  std::string xml = hartlepoolDocument(uniqueId(1, 1));

  HttpResult none = server.post("", xml);
  BOOST_TEST(none.status == 401);
  BOOST_TEST(none.headers["content-type"] == "application/problem+json");
  BOOST_TEST(none.headers.count("www-authenticate") == 1u);
  BOOST_TEST(server.post("pk_000000000000_00000000000000000000000000000000", xml).status == 401);
  BOOST_TEST(server.post(submitter, xml, "text/plain").status == 415);
  BOOST_TEST(server.post(reader, xml).status == 403);

  HttpResult notXml = server.post(submitter, "<Submission xmlns=\"urn:profkpi:submission:1\" schemaVersion=\"1.0\"><Header>");
  BOOST_TEST(notXml.status == 400);
  BOOST_TEST(parse(notXml.body)->getArray("errors")->getObject(0)->getValue<std::string>("code") == "XML");
  BOOST_TEST(server.post(submitter, "<Submission><Header>").status == 400);  // unknown root and truncated

  HeaderFields h;
  h.period = "2009-11-Q2";
  h.submissionId = "not-a-uuid";
  HttpResult invalid = server.post(submitter, aggregateDocument(h));
  BOOST_TEST(invalid.status == 422);
  auto problem = parse(invalid.body);
  BOOST_TEST(problem->getValue<int>("status") == 422);
  auto errors = problem->getArray("errors");
  BOOST_REQUIRE(errors->size() == 2u);
  BOOST_TEST(errors->getObject(0)->getValue<std::string>("code") == "XSD");
  BOOST_TEST(errors->getObject(1)->getValue<std::string>("code") == "PK001");
  BOOST_TEST(errors->getObject(1)->getValue<int>("line") == 6);
  BOOST_TEST(errors->getObject(1)->getValue<int>("column") > 0);
  BOOST_TEST(!errors->getObject(1)->getValue<std::string>("message").empty());
  BOOST_TEST(problem->getValue<std::string>("detail") == "2 schema or business-rule errors");
  HeaderFields oneError;
  oneError.period = "2009-11-Q2";
  HttpResult single = server.post(submitter, aggregateDocument(oneError));
  BOOST_TEST(single.status == 422);
  BOOST_TEST(parse(single.body)->getValue<std::string>("detail") == "1 schema or business-rule error");

  HttpResult created = server.post(submitter, xml);
  BOOST_TEST(created.status == 201, created.body);
  BOOST_TEST(created.headers["location"] == "/api/v1/submissions/" + uniqueId(1, 1));
  auto receipt = parse(created.body);
  BOOST_TEST(receipt->getValue<std::string>("status") == "accepted");
  BOOST_TEST(receipt->getObject("kpis")->getObject("K2")->getValue<double>("value") == 73.2);

  HttpResult again = server.post(submitter, xml);
  BOOST_TEST(again.status == 200);
  BOOST_TEST(again.body == created.body);
  for (std::size_t instance = 0; instance < server.instances(); ++instance) {  // whichever stored it
    HttpResult fetched =
        server.requestTo(instance, "GET", created.headers["location"], "", {{"Authorization", "Bearer " + reader}});
    BOOST_TEST(fetched.status == 200);
    BOOST_TEST(fetched.body == created.body);
  }

  HttpResult reused = server.post(submitter, hartlepoolDocument(uniqueId(1, 1), 5));
  BOOST_TEST(reused.status == 409);

  HeaderFields other;
  other.submissionId = uniqueId(1, 2);
  other.organisationCode = "E06000002";
  HttpResult forbidden = server.post(submitter, aggregateDocument(other));
  BOOST_TEST(forbidden.status == 403);
  BOOST_TEST(parse(forbidden.body)->getArray("errors")->getObject(0)->getValue<std::string>("code") == "PK007");
  // Not well-formed or invalid is answered so before the organisation is compared with the key's.
  std::string otherXml = aggregateDocument(other);
  BOOST_TEST(server.post(submitter, otherXml.substr(0, otherXml.find("<RolesTotal>"))).status == 400);
  AggregateFields overMapped;
  overMapped.rolesMapped = "31";
  BOOST_TEST(server.post(submitter, aggregateDocument(other, overMapped)).status == 422);
  BOOST_TEST(server.post(admin, aggregateDocument(other)).status == 201);  // an admin may submit for anyone

  HttpResult tooBig = server.post(submitter, std::string(300000, ' ') + xml);
  BOOST_TEST(tooBig.status == 413);
  BOOST_TEST(server.request("GET", "/healthz").status == 200);

  server.stop();
  profkpi::adapters::store::SqlStore store(server.store().connector, server.store().connection);
  BOOST_TEST(store.revisions("E06000001", "2009-10-Q2").size() == 1u);
  bool audited = false;
  for (const auto& entry : store.recentAudit(50)) audited = audited || (entry.action == "forbidden" && entry.detail.find("PK007") != std::string::npos);
  BOOST_TEST(audited);
  server.start();
}

// SUBMISSION.md section 1: UTF-8, or UTF-16 with a byte order mark; Xerces alone reads Latin-1.
// http.publicUrl is how clients reach the service; written with or without a
// trailing slash, the Location is the same.
BOOST_AUTO_TEST_CASE(locationStartsWithThePublicUrl) {
  ServerProcess behindProxy{"http.publicUrl = https://kpi.example.org/\n"};
  std::string key = behindProxy.addKey("E06000001", "submitter");
  HttpResult created = behindProxy.post(key, hartlepoolDocument(uniqueId(9, 1)));
  BOOST_TEST(created.status == 201, created.body);
  BOOST_TEST(created.headers["location"] == "https://kpi.example.org/api/v1/submissions/" + uniqueId(9, 1));
}

BOOST_AUTO_TEST_CASE(documentInAnotherEncodingIsRefusedAsNotWellFormed) {
  std::string latin1 = readFile(samplesDir() + "/refused/xml-latin1-encoding.xml");
  HttpResult refused = server.post(submitter, latin1);
  BOOST_TEST(refused.status == 400, refused.body);
  auto error = parse(refused.body)->getArray("errors")->getObject(0);
  BOOST_TEST(error->getValue<std::string>("code") == "XML");
  BOOST_TEST(error->getValue<std::string>("message").find("ISO-8859-1") != std::string::npos);
  HttpResult missing = server.request("GET", "/api/v1/submissions/b3d1f0a2-7c4e-4f59-9a1d-5e8c2f6a0b71", "",
                                      {{"Authorization", "Bearer " + reader}});
  BOOST_TEST(missing.status == 404);
  std::string utf16 = readFile(samplesDir() + "/hostile/utf16-bom-valid.xml");
  BOOST_TEST(server.post(server.addKey("E07000008", "submitter"), utf16).status == 201);
}

BOOST_AUTO_TEST_CASE(chunkedBodyOverTheLimitIsCutOff) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(server.port()));
  Poco::Net::HTTPRequest request("POST", "/api/v1/submissions", Poco::Net::HTTPMessage::HTTP_1_1);
  request.setChunkedTransferEncoding(true);
  request.setContentType("application/xml");
  request.set("Authorization", "Bearer " + submitter);
  std::ostream& out = session.sendRequest(request);
  HttpResult result;
  try {
    std::string chunk(65536, ' ');
    for (int i = 0; i < 64 && out.good(); ++i) out << chunk;  // 4 MiB, far over 200,000 bytes
    Poco::Net::HTTPResponse response;
    session.receiveResponse(response);
    result.status = response.getStatus();
  } catch (const Poco::Exception&) {
    result.status = -1;  // the server may close before we finish writing
  }
  BOOST_TEST((result.status == 413 || result.status == -1));
  BOOST_TEST(server.request("GET", "/healthz").status == 200);
}

BOOST_AUTO_TEST_CASE(curlWithAHugeBodyGets413AndTheServerCarriesOn) {
  std::string big = server.dir().file("big.xml");
  writeFile(big, std::string(50 * 1024 * 1024, ' '));
  ProcessResult curl = runProcess({"/usr/bin/curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H",
                                   "Authorization: Bearer " + submitter, "-H", "Content-Type: application/xml",
                                   "--data-binary", "@" + big,
                                   "http://127.0.0.1:" + std::to_string(server.port()) + "/api/v1/submissions"});
  BOOST_TEST(curl.out == "413");
  ProcessResult ok = runProcess({"/usr/bin/curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                                 "http://127.0.0.1:" + std::to_string(server.port()) + "/healthz"});
  BOOST_TEST(ok.out == "200");
}

// Format 1.1 over HTTP: its notes in the receipt and the KPI results, the
// resend identical, a 1.0 document with BoardNotes and version 1.2 refused (422).
BOOST_AUTO_TEST_CASE(version11NotesTravelThroughTheApi) {
  std::string v11 = readFile(samplesDir() + "/valid/v1.1-board-notes-hartlepool.xml");
  HttpResult posted = server.post(submitter, v11);
  BOOST_TEST(posted.status == 201, posted.body);
  auto notes = parse(posted.body)->getObject("boardNotes");
  BOOST_REQUIRE(!notes.isNull());
  BOOST_TEST(notes->getArray("actions")->size() == 3u);
  BOOST_TEST(notes->getArray("actions")->getObject(0)->getValue<std::string>("due") == "2009-12-31");
  BOOST_TEST(!notes->getArray("actions")->getObject(2)->has("kpi"));
  BOOST_TEST(server.post(submitter, v11).body == posted.body);
  HttpResult results = server.request("GET", "/api/v1/organisations/E06000001/periods/2009-10-Q2/kpis", "",
                                       {{"Authorization", "Bearer " + reader}});
  BOOST_TEST(results.status == 200);
  BOOST_TEST(parse(results.body)->getObject("boardNotes")->getValue<std::string>("summary").find("two team leaders") !=
             std::string::npos);
  for (const char* refused : {"xsd-board-notes-in-1.0", "version-1.2", "pk008-unknown-kpi"}) {
    HttpResult r = server.post(submitter, readFile(samplesDir() + "/refused/" + refused + ".xml"));
    BOOST_TEST(r.status == 422, refused << ": " << r.body);
  }
  // A 1.0 submission replacing it: the notes are gone from the results.
  HeaderFields h;
  h.submissionId = uniqueId(7, 1);
  BOOST_TEST(server.post(submitter, aggregateDocument(h)).status == 201);
  results = server.request("GET", "/api/v1/organisations/E06000001/periods/2009-10-Q2/kpis", "",
                           {{"Authorization", "Bearer " + reader}});
  BOOST_TEST(!parse(results.body)->has("boardNotes"));
}

BOOST_AUTO_TEST_CASE(readRoutesCheckRoleAndOrganisation) {
  for (int i = 0; i < 2; ++i) {
    HeaderFields h;
    h.submissionId = uniqueId(2, i);
    h.organisationCode = i == 0 ? "E06000001" : "E06000002";
    BOOST_TEST(server.post(admin, aggregateDocument(h)).status == 201);
  }
  auto get = [&](const std::string& path, const std::string& key) {
    return server.request("GET", path, "", {{"Authorization", "Bearer " + key}});
  };
  const std::string kpis = "/api/v1/organisations/E06000001/periods/2009-10-Q2/kpis";
  HttpResult results = get(kpis, reader);
  BOOST_TEST(results.status == 200, results.body);
  auto json = parse(results.body);
  BOOST_TEST(json->getValue<std::string>("periodInWords") == "July to September 2009 (Q2 2009/10)");
  auto k2 = json->getArray("kpis")->getObject(1);
  BOOST_TEST(k2->getValue<std::string>("id") == "K2");
  BOOST_TEST(k2->getValue<double>("value") == 73.2);
  BOOST_TEST(k2->getObject("sector")->getValue<int>("organisations") == 2);
  BOOST_TEST(!k2->getObject("sector")->getValue<bool>("disclosed"));  // two organisations: nothing shown
  BOOST_TEST(!k2->getObject("sector")->has("median"));

  BOOST_TEST(get(kpis, submitter).status == 403);
  BOOST_TEST(get("/api/v1/organisations/E06000002/periods/2009-10-Q2/kpis", reader).status == 403);
  BOOST_TEST(get("/api/v1/organisations/E06000002/periods/2009-10-Q2/kpis", admin).status == 200);
  BOOST_TEST(get("/api/v1/organisations/E06000001/periods/2009-10-Q3/kpis", reader).status == 404);
  BOOST_TEST(get("/api/v1/organisations/E06000001/periods/garbage/kpis", reader).status == 404);
  BOOST_TEST(get("/api/v1/submissions/" + uniqueId(2, 1), reader).status == 404);  // another organisation's
  BOOST_TEST(get("/api/v1/submissions/" + uniqueId(2, 0), reader).status == 200);
  BOOST_TEST(get("/api/v1/submissions/" + uniqueId(9, 9), admin).status == 404);
  BOOST_TEST(server.request("GET", "/api/v1/nothing").status == 404);
  HttpResult wrongMethod = server.request("DELETE", "/api/v1/submissions");
  BOOST_TEST(wrongMethod.status == 405);
  BOOST_TEST(wrongMethod.headers["allow"] == "POST");

  HttpResult report = get("/api/v1/organisations/E06000001/periods/2009-10-Q2/report.pdf", reader);
  BOOST_TEST(report.status == 200);
  BOOST_TEST(report.headers["content-type"] == "application/pdf");
  BOOST_TEST(report.body.compare(0, 5, "%PDF-") == 0);
  BOOST_TEST(get("/api/v1/organisations/E06000001/periods/2009-10-Q2/report.pdf", reader).body == report.body);
  BOOST_TEST(get("/api/v1/organisations/E06000001/periods/2009-10-Q2/report.pdf", submitter).status == 403);
  BOOST_TEST(get("/api/v1/organisations/E06000001/periods/2009-10-Q3/report.pdf", reader).status == 404);
  HttpResult sector = get("/api/v1/periods/2009-10-Q2/sector-report.pdf", admin);
  BOOST_TEST(sector.status == 200);
  BOOST_TEST(sector.body.compare(0, 5, "%PDF-") == 0);
  BOOST_TEST(get("/api/v1/periods/2009-10-Q2/sector-report.pdf", reader).status == 403);

  // Each instance counts what it served: the deployment's figure is the sum over its instances.
  BOOST_TEST(countersOverInstances(server, "profkpi_http_requests_total{route=\"POST /api/v1/submissions\",status=\"201\"}") ==
             2);
  BOOST_TEST(countersOverInstances(server, "profkpi_submissions_total{outcome=\"accepted\"}") == 2);
  BOOST_TEST(server.request("GET", "/metrics").body.find("profkpi_http_request_duration_seconds_bucket") !=
             std::string::npos);
}

// Issue 25: ?lang, else Accept-Language, else English; the answer says which.
BOOST_AUTO_TEST_CASE(reportRoutesAnswerInTheLanguageAskedFor) {
  HeaderFields h;
  h.submissionId = uniqueId(3, 0);
  BOOST_TEST(server.post(admin, aggregateDocument(h)).status == 201);
  const std::string board = "/api/v1/organisations/E06000001/periods/2009-10-Q2/report.pdf";
  const std::string sector = "/api/v1/periods/2009-10-Q2/sector-report.pdf";
  auto get = [&](const std::string& path, const std::string& key, const std::string& acceptLanguage = {}) {
    std::map<std::string, std::string> headers{{"Authorization", "Bearer " + key}};
    if (!acceptLanguage.empty()) headers["Accept-Language"] = acceptLanguage;
    return server.request("GET", path, "", headers);
  };
  struct Case {
    std::string query;
    std::string acceptLanguage;
    std::string language;
  };
  for (const Case& c : std::vector<Case>{{"", "", "en"},
                                         {"?lang=cy", "", "cy"},
                                         {"?lang=CY", "en", "cy"},
                                         {"?lang=en", "cy", "en"},
                                         {"", "cy-GB, en;q=0.5", "cy"},
                                         {"", "en-GB, cy;q=0.9", "en"},
                                         {"", "fr, de;q=0.8", "en"},
                                         {"", "fr, cy;q=0.2, en;q=0.1", "cy"},
                                         {"", "cy;q=0, *", "en"}}) {
    BOOST_TEST_CONTEXT("?" << c.query << " Accept-Language: " << c.acceptLanguage) {
      HttpResult answer = get(board + c.query, reader, c.acceptLanguage);
      BOOST_TEST(answer.status == 200, answer.body);
      BOOST_TEST(answer.body.compare(0, 5, "%PDF-") == 0);
      BOOST_TEST(answer.headers["content-language"] == c.language);
      BOOST_TEST(answer.headers["vary"] == "Accept-Language");
      const std::string tag = c.language == "en" ? "" : "." + c.language;
      BOOST_TEST(answer.headers["content-disposition"] == "inline; filename=\"E06000001-2009-10-Q2" + tag + ".pdf\"");
      HttpResult sectorAnswer = get(sector + c.query, admin, c.acceptLanguage);
      BOOST_TEST(sectorAnswer.status == 200, sectorAnswer.body);
      BOOST_TEST(sectorAnswer.headers["content-language"] == c.language);
      BOOST_TEST(sectorAnswer.headers["vary"] == "Accept-Language");
      BOOST_TEST(sectorAnswer.headers["content-disposition"] == "inline; filename=\"sector-2009-10-Q2" + tag + ".pdf\"");
    }
  }
  // HEAD says the same without the body.
  HttpResult head = server.request("HEAD", board + "?lang=cy", "", {{"Authorization", "Bearer " + reader}});
  BOOST_TEST(head.status == 200);
  BOOST_TEST(head.headers["content-language"] == "cy");
  BOOST_TEST(head.body.empty());
}

BOOST_AUTO_TEST_CASE(anUnsupportedLangIsRefusedPreciselyAfterTheKeyIsChecked) {
  HeaderFields h;
  h.submissionId = uniqueId(3, 1);
  BOOST_TEST(server.post(admin, aggregateDocument(h)).status == 201);
  const std::string board = "/api/v1/organisations/E06000001/periods/2009-10-Q2/report.pdf";
  for (const auto& [query, detail] : std::vector<std::pair<std::string, std::string>>{
           {"?lang=fr", "lang \"fr\" is not a report language: use en or cy"},
           {"?lang=cy-GB", "lang \"cy-GB\" is not a report language: use en or cy"},
           {"?lang=", "lang \"\" is not a report language: use en or cy"},
           {"?lang=cy&lang=en", "lang is given more than once"},
           {"?lang=%zz", "the query has a malformed percent-escape"}}) {
    for (const std::string& path : {board + query, "/api/v1/periods/2009-10-Q2/sector-report.pdf" + query}) {
      HttpResult answer = server.request("GET", path, "", {{"Authorization", "Bearer " + admin}});
      BOOST_TEST(answer.status == 400, path);
      BOOST_TEST(answer.headers["content-type"] == "application/problem+json", path);
      BOOST_TEST(parse(answer.body)->getValue<std::string>("detail") == detail, path << ": " << answer.body);
      BOOST_TEST(answer.headers.count("content-language") == 0u, path);
    }
  }
  // Who may not read the report learns nothing from its language.
  BOOST_TEST(server.request("GET", board + "?lang=fr").status == 401);
  BOOST_TEST(server.request("GET", board + "?lang=fr", "", {{"Authorization", "Bearer " + submitter}}).status == 403);
  // An unsupported Accept-Language is no error: English.
  HttpResult english = server.request("GET", board, "", {{"Authorization", "Bearer " + reader}, {"Accept-Language", "fr"}});
  BOOST_TEST(english.status == 200);
  BOOST_TEST(english.headers["content-language"] == "en");
}

// The limiter counts per instance, in memory (OPERATIONS.md, "Several
// instances": a client gets N x auth.maxFailures tries over N instances). So
// each instance answers its own five failures 401 whatever the others counted,
// then 429; an instance that has counted none still stores the submission.
BOOST_AUTO_TEST_CASE(repeatedFailedAuthenticationIsRefusedForAWhile) {
  const std::string xml = hartlepoolDocument(uniqueId(3, 1));
  for (std::size_t instance = 0; instance < server.instances(); ++instance) {
    BOOST_TEST_CONTEXT("instance " << instance + 1 << " of " << server.instances()) {
      for (int i = 0; i < 5; ++i) BOOST_TEST(server.postTo(instance, "pk_bad", "x").status == 401);
      HttpResult refused = server.postTo(instance, submitter, xml);
      BOOST_TEST(refused.status == 429);
      BOOST_TEST(std::stoi(refused.headers["retry-after"]) > 0);
      if (instance + 1 < server.instances()) {
        const int expected = instance == 0 ? 201 : 200;  // the next instance has counted no failure
        BOOST_TEST(server.postTo(instance + 1, submitter, xml).status == expected);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(slowSenderIsCutOffWhileOthersAreServed) {
  Poco::Net::StreamSocket slow(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(server.port())));
  std::string head = "POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n"
                     "Authorization: Bearer " + submitter + "\r\nContent-Length: 1000\r\n\r\n";
  slow.sendBytes(head.data(), static_cast<int>(head.size()));
  auto started = std::chrono::steady_clock::now();
  std::atomic<bool> closed{false};
  std::thread trickle([&] {
    for (int i = 0; i < 20 && !closed; ++i) {
      try {
        slow.sendBytes("<", 1);
      } catch (const Poco::Exception&) {
        closed = true;
      }
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  });
  for (int i = 0; i < 5; ++i) {
    auto before = std::chrono::steady_clock::now();
    BOOST_TEST(server.request("GET", "/healthz").status == 200);
    BOOST_TEST((std::chrono::steady_clock::now() - before < std::chrono::milliseconds(500)));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  char buffer[4096];
  slow.setReceiveTimeout(Poco::Timespan(15, 0));
  int n = 0;
  try {
    n = slow.receiveBytes(buffer, sizeof buffer);
  } catch (const Poco::Exception&) {
  }
  closed = true;
  trickle.join();
  std::string answer(buffer, static_cast<std::size_t>(std::max(n, 0)));
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  BOOST_TEST(answer.find("408") != std::string::npos, answer);
  BOOST_TEST(seconds < 10.0);
}

BOOST_AUTO_TEST_CASE(thirtyTwoPostersForTenSecondsStoreEveryAcceptanceOnce) {
  std::mutex mutex;
  std::vector<std::string> created;
  std::atomic<int> failures{0};
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::vector<std::thread> posters;
  for (int t = 0; t < 32; ++t) {
    posters.emplace_back([&, t] {
      for (int n = 0; std::chrono::steady_clock::now() < until; ++n) {
        std::string id = uniqueId(100 + t, n);
        try {
          HttpResult r = server.post(submitter, hartlepoolDocument(id, n));
          if (r.status == 201) {
            std::lock_guard<std::mutex> lock(mutex);
            created.push_back(id);
          } else {
            ++failures;
          }
        } catch (const Poco::Exception&) {
          ++failures;
        }
      }
    });
  }
  for (auto& p : posters) p.join();
  BOOST_TEST(failures == 0);
  BOOST_TEST_MESSAGE(created.size() << " submissions accepted by 32 posters in 10 s");
  BOOST_TEST(server.stop() == 0);
  profkpi::adapters::store::SqlStore store(server.store().connector, server.store().connection);
  auto revisions = store.revisions("E06000001", "2009-10-Q2");
  BOOST_TEST(revisions.size() == created.size());
  std::set<std::string> stored;
  for (const auto& r : revisions) stored.insert(r.submissionId);
  BOOST_TEST(stored.size() == created.size());
  for (const std::string& id : created) BOOST_TEST(stored.count(id) == 1u, id);
  BOOST_TEST(store.integrityProblems().empty());
  server.start();
}

BOOST_AUTO_TEST_CASE(sigtermDuringLoadLosesNoAcknowledgedSubmission) {
  std::mutex mutex;
  std::vector<std::string> created;
  std::atomic<bool> stopping{false};
  std::vector<std::thread> posters;
  for (int t = 0; t < 16; ++t) {
    posters.emplace_back([&, t] {
      for (int n = 0; !stopping; ++n) {
        std::string id = uniqueId(200 + t, n);
        try {
          if (server.post(submitter, hartlepoolDocument(id, n)).status == 201) {
            std::lock_guard<std::mutex> lock(mutex);
            created.push_back(id);
          }
        } catch (const Poco::Exception&) {
          // refused connections once the server stops accepting
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  int status = server.stop();
  stopping = true;
  for (auto& p : posters) p.join();
  BOOST_TEST(status == 0);
  BOOST_TEST(created.size() > 0u);
  profkpi::adapters::store::SqlStore store(server.store().connector, server.store().connection);
  for (const std::string& id : created) BOOST_TEST(store.findBySubmissionId(id).has_value(), id);
  BOOST_TEST(store.integrityProblems().empty());
  server.start();
}

// INTERFACE.md: http.port is where serve listens, and an I/O error exits 2. A
// port another process holds is such an error: the second serve must not share
// it (SO_REUSEPORT would have the kernel split the clients between the two).
BOOST_AUTO_TEST_CASE(aSecondServeOnAPortInUseExitsTwo) {
  TempDir other;
  writeFile(other.file("profkpi.properties"),
            "store.connection = " + other.file("store.db") + "\nhttp.port = " + std::to_string(server.port()) +
                "\ninbox.dir = " + other.file("inbox") + "\nnightly.enabled = false\n");
  // timeout(1) ends a serve that wrongly started (exit 124).
  ProcessResult second =
      runProcess({"/usr/bin/timeout", "20", profkpiBinary(), "serve", "--config", other.file("profkpi.properties")});
  BOOST_TEST(second.exitCode == 2, second.err);
  BOOST_TEST(second.err.find("listening on") == std::string::npos, second.err);
  BOOST_TEST(second.err.find("in use") != std::string::npos, second.err);
  BOOST_TEST(server.request("GET", "/healthz").status == 200);
}

BOOST_AUTO_TEST_CASE(sixtyFourKeepAliveClientsAreAllServed) {
  std::atomic<int> served{0};
  std::atomic<int> slow{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 64; ++c) {
    clients.emplace_back([&] {
      Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(server.port()));
      session.setKeepAlive(true);
      session.setTimeout(Poco::Timespan(10, 0));
      for (int i = 0; i < 5; ++i) {
        auto before = std::chrono::steady_clock::now();
        Poco::Net::HTTPRequest request("GET", "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        try {
          session.sendRequest(request);
          Poco::Net::HTTPResponse response;
          std::string body;
          Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
          if (response.getStatus() == 200) ++served;
        } catch (const Poco::Exception&) {
        }
        if (std::chrono::steady_clock::now() - before > std::chrono::seconds(2)) ++slow;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });
  }
  for (auto& c : clients) c.join();
  BOOST_TEST(served == 64 * 5);
  BOOST_TEST(slow == 0);
}

BOOST_AUTO_TEST_SUITE_END()

#include "adapters/http/server/RequestHead.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::adapters::http;

namespace {

std::optional<HeadError> parse(const std::string& head, HttpRequest& request, std::int64_t maxBody = 1000) {
  return parseHead(head, maxBody, HeadLimits{}, request);
}

int statusOf(const std::string& head) {
  HttpRequest request;
  auto error = parse(head, request);
  return error ? error->status : 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(RequestHeadTest)

BOOST_AUTO_TEST_CASE(headEndsAtTheFirstEmptyLine) {
  BOOST_TEST(headLength("GET / HTTP/1.1\r\nHost: a\r\n\r\nrest") == 27u);
  BOOST_TEST(headLength("GET / HTTP/1.1\nHost: a\n\nrest") == 24u);
  BOOST_TEST(headLength("GET / HTTP/1.1\r\nHost: a\r\n") == 0u);
  BOOST_TEST(leadingEmptyLines("\r\n\nGET") == 3u);
  // Resumed where an earlier search stopped, also between the CR and LF of the blank line.
  const std::string head = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
  for (std::size_t scanned = 0; scanned <= head.size(); ++scanned) {
    BOOST_TEST(headLength(head, scanned) == head.size(), scanned);
  }
}

BOOST_AUTO_TEST_CASE(aPlainPostIsReadWithItsFraming) {
  HttpRequest r;
  BOOST_TEST(!parse("POST /api/v1/submissions?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length:  12 \r\n"
                    "Expect: 100-continue\r\n\r\n", r));
  BOOST_TEST(r.method == "POST");
  BOOST_TEST(r.path == "/api/v1/submissions");
  BOOST_TEST(r.query == "x=1");
  BOOST_TEST(r.minorVersion == 1);
  BOOST_TEST(*r.contentLength == 12);
  BOOST_TEST(r.expectContinue);
  BOOST_TEST(r.header("host") == "a");
}

BOOST_AUTO_TEST_CASE(ambiguousFramingIsRefused) {
  const std::string line = "POST / HTTP/1.1\r\nHost: a\r\n";
  BOOST_TEST(statusOf(line + "Content-Length: 1\r\nContent-Length: 1\r\n\r\n") == 400);
  BOOST_TEST(statusOf(line + "Content-Length: 1, 1\r\n\r\n") == 400);
  BOOST_TEST(statusOf(line + "Content-Length: -1\r\n\r\n") == 400);
  BOOST_TEST(statusOf(line + "Content-Length: 1234567890123456789\r\n\r\n") == 400);
  BOOST_TEST(statusOf(line + "Content-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n") == 400);
  BOOST_TEST(statusOf(line + "Transfer-Encoding: chunked, identity\r\n\r\n") == 400);
  BOOST_TEST(statusOf(line + "Transfer-Encoding: chunked\r\n\r\n") == 0);
  BOOST_TEST(statusOf("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n") == 400);
  BOOST_TEST(statusOf(line + "\r\n") == 411);
  BOOST_TEST(statusOf(line + "Content-Length: 1001\r\n\r\n") == 413);
  BOOST_TEST(statusOf(line + "Content-Length: 5\r\nContent-Encoding: gzip\r\n\r\n") == 415);
  BOOST_TEST(statusOf(line + "Content-Length: 5\r\nContent-Encoding: identity\r\n\r\n") == 0);
  BOOST_TEST(statusOf("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n") == 400);
  BOOST_TEST(statusOf("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n") == 0);
}

BOOST_AUTO_TEST_CASE(malformedHeadsAndOtherVersionsAreRefused) {
  BOOST_TEST(statusOf("GET / HTTP/2.0\r\n\r\n") == 505);
  BOOST_TEST(statusOf("GET / HTTP/1.2\r\n\r\n") == 505);
  BOOST_TEST(statusOf("GET / HTTX/1.1\r\n\r\n") == 400);
  BOOST_TEST(statusOf("GET /\r\n\r\n") == 400);
  BOOST_TEST(statusOf("GET  / HTTP/1.1\r\nHost: a\r\n\r\n") == 400);
  BOOST_TEST(statusOf("GET healthz HTTP/1.1\r\nHost: a\r\n\r\n") == 400);
  BOOST_TEST(statusOf("GET / HTTP/1.1\r\n\r\n") == 400);
  BOOST_TEST(statusOf("GET / HTTP/1.1\r\nHost: a\r\n b\r\n\r\n") == 400);
  BOOST_TEST(statusOf("GET / HTTP/1.1\r\nHost : a\r\n\r\n") == 400);
  BOOST_TEST(statusOf("GET / HTTP/1.1\r\nHost: a\x01\r\n\r\n") == 400);
  BOOST_TEST(statusOf("GET / HTTP/1.0\r\n\r\n") == 0);
  std::string many = "GET / HTTP/1.1\r\nHost: a\r\n";
  for (int i = 0; i < 100; ++i) many += "X: 1\r\n";
  BOOST_TEST(statusOf(many + "\r\n") == 431);
}

BOOST_AUTO_TEST_CASE(anAbsoluteTargetIsReadAsItsPath) {
  HttpRequest r;
  BOOST_TEST(!parse("GET http://example.org/healthz?a HTTP/1.1\r\nHost: example.org\r\n\r\n", r));
  BOOST_TEST(r.path == "/healthz");
  BOOST_TEST(r.query == "a");
  // The authority ends at '?': a path in the query is not the path.
  HttpRequest q;
  BOOST_TEST(!parse("GET http://x?/healthz HTTP/1.1\r\nHost: y\r\n\r\n", q));
  BOOST_TEST(q.path == "/");
  BOOST_TEST(q.query == "/healthz");
  BOOST_TEST(statusOf("GET http:///healthz HTTP/1.1\r\nHost: y\r\n\r\n") == 400);
}

BOOST_AUTO_TEST_CASE(anHttp10ExpectationIsIgnored) {
  HttpRequest r;
  BOOST_TEST(!parse("POST / HTTP/1.0\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n", r));
  BOOST_TEST(!r.expectContinue);
}

BOOST_AUTO_TEST_CASE(pathSegmentsAreDecodedOneByOne) {
  BOOST_TEST((*pathSegments("/a/b%20c") == std::vector<std::string>{"a", "b c"}));
  BOOST_TEST((*pathSegments("/a%2Fb") == std::vector<std::string>{"a/b"}));
  BOOST_TEST((*pathSegments("//healthz") == std::vector<std::string>{"", "healthz"}));
  BOOST_TEST(!pathSegments("/a%2"));
  BOOST_TEST(!pathSegments("/a%zz"));
  BOOST_TEST(!pathSegments("healthz"));
}

BOOST_AUTO_TEST_SUITE_END()

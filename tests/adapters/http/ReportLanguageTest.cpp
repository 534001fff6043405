#include "adapters/http/ReportLanguage.h"

#include "adapters/http/HttpError.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::adapters::http;

namespace {

HttpRequest requestWith(const std::string& query, const std::string& acceptLanguage = {}) {
  HttpRequest request;
  request.method = "GET";
  request.query = query;
  if (!acceptLanguage.empty()) request.headers.push_back({"Accept-Language", acceptLanguage});
  return request;
}

// The detail of the 400 the request is refused with; "" when it is not refused.
std::string refusal(const std::string& query) {
  try {
    requestedReportLanguage(requestWith(query));
  } catch (const HttpError& e) {
    BOOST_TEST(e.status() == 400);
    return e.detail();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ReportLanguageTest)

BOOST_AUTO_TEST_CASE(acceptLanguageGivesTheSupportedLanguageWithTheHighestQuality) {
  BOOST_TEST(preferredLanguage("") == "en");
  BOOST_TEST(preferredLanguage("cy") == "cy");
  BOOST_TEST(preferredLanguage("CY-gb, en;q=0.8") == "cy");
  BOOST_TEST(preferredLanguage("en-GB,en;q=0.9,cy;q=0.8") == "en");
  BOOST_TEST(preferredLanguage("en;q=0.5, cy;q=0.9") == "cy");
  BOOST_TEST(preferredLanguage("fr, de;q=0.9") == "en");            // nothing supported: English
  BOOST_TEST(preferredLanguage("fr, cy;q=0.1") == "cy");             // the only supported one
  BOOST_TEST(preferredLanguage("cy;q=0, *") == "en");                // q=0: not acceptable
  BOOST_TEST(preferredLanguage("en;q=0, *;q=0.5") == "cy");          // "*" covers what is not named
  BOOST_TEST(preferredLanguage("en;q=0, cy;q=0") == "en");           // nothing acceptable: English
  BOOST_TEST(preferredLanguage("cy;q=0.7, en;q=0.7") == "cy");       // a tie: the earlier
  BOOST_TEST(preferredLanguage("en;q=0.7, cy;q=0.700") == "en");
  BOOST_TEST(preferredLanguage("cy-GB, cy;q=0") == "cy");            // the first range naming it decides
  BOOST_TEST(preferredLanguage("cy;q=2, en;q=0.5") == "en");         // a malformed q: that member ignored
  BOOST_TEST(preferredLanguage("cy;q=abc") == "en");
  BOOST_TEST(preferredLanguage("cy;level") == "en");
  BOOST_TEST(preferredLanguage(",,, ;q=1, cy ; q=0.4") == "cy");
  BOOST_TEST(preferredLanguage("cym") == "en");                      // ISO 639-2 is not cy's tag
}

BOOST_AUTO_TEST_CASE(langInTheQueryWinsOverAcceptLanguage) {
  BOOST_TEST(requestedReportLanguage(requestWith("lang=cy", "en")) == "cy");
  BOOST_TEST(requestedReportLanguage(requestWith("lang=en", "cy")) == "en");
  BOOST_TEST(requestedReportLanguage(requestWith("lang=CY")) == "cy");
  BOOST_TEST(requestedReportLanguage(requestWith("x=1&lang=%63y")) == "cy");
  BOOST_TEST(requestedReportLanguage(requestWith("", "cy")) == "cy");
  BOOST_TEST(requestedReportLanguage(requestWith("other=fr", "cy")) == "cy");
  BOOST_TEST(requestedReportLanguage(requestWith("")) == "en");
}

BOOST_AUTO_TEST_CASE(anUnsupportedOrRepeatedLangIsRefused) {
  BOOST_TEST(refusal("lang=fr") == "lang \"fr\" is not a report language: use en or cy");
  BOOST_TEST(refusal("lang=") == "lang \"\" is not a report language: use en or cy");
  BOOST_TEST(refusal("lang") == "lang \"\" is not a report language: use en or cy");
  BOOST_TEST(refusal("lang=cy-GB") == "lang \"cy-GB\" is not a report language: use en or cy");
  BOOST_TEST(refusal("lang=cy&lang=en") == "lang is given more than once");
  BOOST_TEST(refusal("lang=%zz") == "the query has a malformed percent-escape");
}

BOOST_AUTO_TEST_CASE(theAnswerSaysItsLanguageAndThatItVaries) {
  HttpResponse response;
  markLanguage(response, "cy");
  BOOST_REQUIRE(response.get("Content-Language") != nullptr);
  BOOST_TEST(*response.get("Content-Language") == "cy");
  BOOST_TEST(*response.get("Vary") == "Accept-Language");
}

BOOST_AUTO_TEST_SUITE_END()

// The router's route table and the description name the same routes: every
// route the server answers is described, and every described operation is routed.
#include "adapters/http/Router.h"
#include "tests/openapi/OpenApiDescription.h"

#include <boost/test/unit_test.hpp>

#include <set>

using namespace profkpi::tests;

BOOST_AUTO_TEST_SUITE(RouteTableTest)

BOOST_AUTO_TEST_CASE(routerAndDescriptionNameTheSameRoutes) {
  std::set<std::string> routed;
  for (const auto& route : profkpi::adapters::http::Router::routes()) routed.insert(route.method + " " + route.path);
  std::set<std::string> described;
  for (const Operation& op : operations()) described.insert(op.method + " " + op.path);

  BOOST_TEST(routed.size() == profkpi::adapters::http::Router::routes().size(), "a route is listed twice");
  for (const std::string& route : routed) BOOST_TEST(described.count(route) == 1u, route << " is not described");
  for (const std::string& op : described) BOOST_TEST(routed.count(op) == 1u, op << " is described but not routed");
}

BOOST_AUTO_TEST_CASE(onlyHealthAndMetricsGoWithoutCredentials) {
  for (const Operation& op : operations()) {
    bool open = op.path == "/healthz" || op.path == "/metrics";
    BOOST_TEST(op.secured == !open, op.method << " " << op.path);
    if (op.secured) {
      BOOST_TEST(op.statuses.count(401) == 1u, op.path << " documents 401");
      BOOST_TEST(op.statuses.count(429) == 1u, op.path << " documents 429");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

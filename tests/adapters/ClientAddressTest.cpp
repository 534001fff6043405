#include "adapters/http/ClientAddress.h"

#include <Poco/Exception.h>

#include <boost/test/unit_test.hpp>

using profkpi::adapters::http::clientAddress;
using profkpi::adapters::http::parseTrustedProxies;

BOOST_AUTO_TEST_SUITE(ClientAddressTest)

BOOST_AUTO_TEST_CASE(untrustedPeerIsTheClientWhateverItForwards) {
  BOOST_TEST(clientAddress("192.0.2.1", {"203.0.113.9"}, {}) == "192.0.2.1");
  BOOST_TEST(clientAddress("192.0.2.1", {"203.0.113.9"}, {"127.0.0.1"}) == "192.0.2.1");
}

BOOST_AUTO_TEST_CASE(trustedProxyNamesTheRightMostUntrustedHop) {
  const std::vector<std::string> proxies{"127.0.0.1", "10.0.0.5"};
  BOOST_TEST(clientAddress("127.0.0.1", {"203.0.113.9"}, proxies) == "203.0.113.9");
  // The client wrote the left-most entry itself; nginx appended the real one.
  BOOST_TEST(clientAddress("127.0.0.1", {"198.51.100.1, 203.0.113.9"}, proxies) == "203.0.113.9");
  BOOST_TEST(clientAddress("127.0.0.1", {"198.51.100.1", "203.0.113.9, 10.0.0.5"}, proxies) == "203.0.113.9");
}

BOOST_AUTO_TEST_CASE(portsAndBracketsAsIisWritesThemAreRemoved) {
  BOOST_TEST(clientAddress("127.0.0.1", {"203.0.113.9:51234"}, {"127.0.0.1"}) == "203.0.113.9");
  BOOST_TEST(clientAddress("127.0.0.1", {"[2001:db8::1]:443"}, {"127.0.0.1"}) == "2001:db8::1");
  BOOST_TEST(clientAddress("127.0.0.1", {"2001:db8::1"}, {"127.0.0.1"}) == "2001:db8::1");
}

BOOST_AUTO_TEST_CASE(missingOrGarbledHeaderLeavesTheLastTrustedHop) {
  BOOST_TEST(clientAddress("127.0.0.1", {}, {"127.0.0.1"}) == "127.0.0.1");
  BOOST_TEST(clientAddress("127.0.0.1", {"unknown"}, {"127.0.0.1"}) == "127.0.0.1");
  BOOST_TEST(clientAddress("127.0.0.1", {"203.0.113.9, <script>, 10.0.0.5"}, {"127.0.0.1", "10.0.0.5"}) == "10.0.0.5");
}

BOOST_AUTO_TEST_CASE(trustedProxiesMustBeAddresses) {
  BOOST_TEST(parseTrustedProxies("").empty());
  BOOST_TEST(parseTrustedProxies(" 127.0.0.1 , ::1").size() == 2u);
  BOOST_CHECK_THROW(parseTrustedProxies("127.0.0.1, proxy.example"), Poco::InvalidArgumentException);
}

BOOST_AUTO_TEST_SUITE_END()

#include "engine/IdSet.h"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace profkpi::engine;

BOOST_AUTO_TEST_SUITE(IdSetTest)

BOOST_AUTO_TEST_CASE(secondInsertOfAnIdFails) {
  IdSet ids;
  BOOST_TEST(ids.insert("m1"));
  BOOST_TEST(ids.insert("M1"));  // case matters
  BOOST_TEST(!ids.insert("m1"));
  BOOST_TEST(ids.contains("M1"));
  BOOST_TEST(!ids.contains("m2"));
  BOOST_TEST(ids.size() == 2u);
}

BOOST_AUTO_TEST_CASE(holdsAMillionIdsThroughGrowth) {
  IdSet ids;
  for (int i = 0; i < 1000000; ++i) BOOST_REQUIRE(ids.insert("member-" + std::to_string(i)));
  for (int i = 0; i < 1000000; i += 997) BOOST_REQUIRE(!ids.insert("member-" + std::to_string(i)));
  BOOST_TEST(ids.contains("member-999999"));
  BOOST_TEST(!ids.contains("member-1000000"));
  BOOST_TEST(ids.size() == 1000000u);
}

BOOST_AUTO_TEST_CASE(emptyAndPrefixIdsAreDistinct) {
  IdSet ids;
  BOOST_TEST(ids.insert("a"));
  BOOST_TEST(ids.insert("ab"));
  BOOST_TEST(ids.insert(""));
  BOOST_TEST(!ids.insert("ab"));
  ids.clear();
  BOOST_TEST(!ids.contains("a"));
}

BOOST_AUTO_TEST_SUITE_END()

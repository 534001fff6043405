#include "engine/IdSet.h"

#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <unordered_set>

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

// Random short ids from a small alphabet, so many repeat and many share
// prefixes: every answer must match std::unordered_set's, through growth.
BOOST_AUTO_TEST_CASE(agreesWithAStandardSetOnRandomIds) {
  std::mt19937 random(20261127);
  std::uniform_int_distribution<int> length(0, 6), letter(0, 3);
  IdSet ids;
  std::unordered_set<std::string> expected;
  for (int i = 0; i < 200000; ++i) {
    std::string id;
    for (int n = length(random); n > 0; --n) id += static_cast<char>('a' + letter(random));
    if (i % 3 == 0) {
      BOOST_REQUIRE(ids.contains(id) == (expected.count(id) == 1));
    } else {
      BOOST_REQUIRE(ids.insert(id) == expected.insert(id).second);
    }
  }
  BOOST_TEST(ids.size() == expected.size());
}

BOOST_AUTO_TEST_SUITE_END()

#include "engine/intake/IdSet.h"

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

// Ids in ascending order take a different path from the others: sorted,
// reversed and nearly sorted sequences (local swaps, repeats of earlier ids,
// ids between earlier ones) must all give std::unordered_set's answers.
BOOST_AUTO_TEST_CASE(agreesWithAStandardSetWhateverTheOrder) {
  auto idOf = [](int n) {
    std::string digits = std::to_string(n);
    return "m" + std::string(7 - digits.size(), '0') + digits;
  };
  std::mt19937 random(27112026);
  std::uniform_int_distribution<int> percent(0, 99);
  for (std::string order : {"ascending", "descending", "nearly ascending", "nearly ascending, indexed halfway"}) {
    BOOST_TEST_CONTEXT(order) {
      IdSet ids;
      std::unordered_set<std::string> expected;
      const int count = 50000;
      for (int i = 0; i < count; ++i) {
        int n = order == "descending" ? count - i : i;
        std::string id = idOf(n * 2);  // even numbers: the odd ones fall between them
        if (order == "nearly ascending, indexed halfway" && i == count / 2) ids.indexForLookups();
        if (order.rfind("nearly ascending", 0) == 0) {
          int roll = percent(random);
          if (roll < 5) id = idOf(std::max(0, n * 2 - 2 * (1 + percent(random))));  // a repeat of a recent id
          else if (roll < 8) id = idOf(2 * percent(random) * percent(random) + 1);  // between earlier ids
          else if (roll < 12) id = idOf(n * 2 + 4);                                  // a little early
        }
        BOOST_REQUIRE(ids.contains(id) == (expected.count(id) == 1));
        BOOST_REQUIRE(ids.insert(id) == expected.insert(id).second);
        BOOST_REQUIRE(ids.contains(id));
      }
      for (int n = 0; n <= count * 2 + 10; n += 7) BOOST_REQUIRE(ids.contains(idOf(n)) == (expected.count(idOf(n)) == 1));
      BOOST_TEST(ids.size() == expected.size());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

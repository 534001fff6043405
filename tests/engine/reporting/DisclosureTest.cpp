// The disclosure rule on its own: a group is shown only when it is large
// enough, and never so that the whole minus the parts shown is a small group.
#include "engine/reporting/Disclosure.h"

#include <boost/test/unit_test.hpp>

#include <numeric>
#include <stdexcept>

using namespace profkpi::engine;

namespace {
using Shown = std::vector<bool>;

// What an attacker gets by differencing: the members of the whole not in a shown part.
std::size_t remainder(std::size_t whole, const std::vector<std::size_t>& parts, const Shown& shown) {
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (shown[i]) whole -= parts[i];
  }
  return whole;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(DisclosureTest)

BOOST_AUTO_TEST_CASE(aGroupIsShownFromTheMinimumUp) {
  BOOST_TEST(!disclosable(4, 5));
  BOOST_TEST(disclosable(5, 5));
  BOOST_TEST(!disclosable(0, 0));  // an empty group has nothing to show
  BOOST_TEST(disclosable(1, 0));
}

BOOST_AUTO_TEST_CASE(aWholeTooSmallShowsNoPart) {
  BOOST_TEST(disclosableParts(4, {4}, 5) == Shown({false}));
  BOOST_TEST(disclosableParts(1, {1, 0}, 5) == Shown({false, false}));
}

BOOST_AUTO_TEST_CASE(partsThatCoverTheWholeAreShown) {
  BOOST_TEST(disclosableParts(12, {6, 6}, 5) == Shown({true, true}));
  BOOST_TEST(disclosableParts(20, {5, 5, 5, 3, 2}, 5) == Shown({true, true, true, false, false}));  // 5 left over
}

// Sector 7 = 6 unitary + 1 county: showing the unitary figures beside the
// sector's would give away the county's.
BOOST_AUTO_TEST_CASE(aSmallRemainderWithdrawsTheSmallestShownPart) {
  BOOST_TEST(disclosableParts(7, {6, 1}, 5) == Shown({false, false}));
  BOOST_TEST(disclosableParts(13, {6, 6}, 5) == Shown({true, false}));  // the later of two equals
  BOOST_TEST(disclosableParts(18, {5, 5, 5, 2, 1}, 5) == Shown({true, true, false, false, false}));
  BOOST_TEST(disclosableParts(10, {6}, 5) == Shown({false}));  // 4 without a type
  BOOST_TEST(disclosableParts(11, {6}, 5) == Shown({true}));   // 5 without a type
}

BOOST_AUTO_TEST_CASE(partsLargerThanTheWholeAreRefused) {
  BOOST_CHECK_THROW(disclosableParts(5, {3, 3}, 2), std::invalid_argument);
}

// Every partition of up to 14 members into up to 3 parts, for minimums 1 to 6:
// no shown part and no remainder is a small group, and a partition with no
// small part and no small remainder is shown whole.
BOOST_AUTO_TEST_CASE(noPartitionRevealsASmallGroup) {
  for (std::size_t minimum = 1; minimum <= 6; ++minimum) {
    for (std::size_t whole = 0; whole <= 14; ++whole) {
      for (std::size_t a = 0; a <= whole; ++a) {
        for (std::size_t b = 0; a + b <= whole; ++b) {
          for (std::size_t c = 0; a + b + c <= whole; ++c) {
            std::vector<std::size_t> parts{a, b, c};
            Shown shown = disclosableParts(whole, parts, minimum);
            std::size_t left = remainder(whole, parts, shown);
            BOOST_TEST_CONTEXT("whole " << whole << " parts " << a << "," << b << "," << c << " minimum " << minimum) {
              for (std::size_t i = 0; i < parts.size(); ++i) {
                if (shown[i]) BOOST_TEST(parts[i] >= minimum);
              }
              if (disclosable(whole, minimum)) BOOST_TEST((left == 0 || left >= minimum));
              bool safe = true;
              for (std::size_t p : parts) safe = safe && (p == 0 || p >= minimum);
              std::size_t rest = whole - a - b - c;
              if (disclosable(whole, minimum) && safe && (rest == 0 || rest >= minimum)) {
                for (std::size_t i = 0; i < parts.size(); ++i) BOOST_TEST(shown[i] == (parts[i] > 0));
              }
            }
          }
        }
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

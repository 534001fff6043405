#include "engine/kpi/PeerBenchmark.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;

namespace {

struct Fixture {
  Catalogue catalogue{"1.0", {[] {
                                KpiDefinition k;
                                k.id = "K1";
                                k.numerator = Measure::RolesMapped;
                                k.denominator = Measure::RolesTotal;
                                k.target = Ratio(90, 1);
                                return k;
                              }()}};
  KpiCalculator calculator{catalogue};
  Registry registry{{{"E1", "One", "", "district", ""}, {"E2", "Two", "", "district", ""},
                     {"E3", "Three", "", "district", ""}, {"E4", "Four", "", "district", ""},
                     {"E5", "Five", "", "county", ""}, {"E6", "Six", "", "county", ""}}};
  Period period = *Period::parse("2009-10-Q2");

  // RolesMapped of 10 roles: values 10, 20, ... percent.
  SubmissionRecord record(const std::string& code, int mapped, int total = 10) {
    SubmissionRecord r;
    r.organisation = code;
    r.period = period.code();
    r.measures.rolesTotal = total;
    r.measures.rolesMapped = mapped;
    return r;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(PeerBenchmarkTest, Fixture)

BOOST_AUTO_TEST_CASE(sectorDistributionRankAndQuartile) {
  PeerBenchmark b(calculator, registry, period,
                  {record("E1", 1), record("E2", 2), record("E3", 3), record("E4", 4), record("E5", 5), record("E6", 6)});
  PeerComparison c = b.compare("K1", "sector", Ratio(50, 1));
  BOOST_TEST(c.disclosed);
  BOOST_TEST(c.organisations == 6u);
  BOOST_TEST(c.distribution->min == 10.0);
  BOOST_TEST(c.distribution->lowerQuartile == 22.5);  // h = 1.25 between 20 and 30
  BOOST_TEST(c.distribution->median == 35.0);
  BOOST_TEST(c.distribution->upperQuartile == 47.5);
  BOOST_TEST(c.distribution->max == 60.0);
  BOOST_TEST(*c.rank == 2);
  BOOST_TEST(*c.quartile == 1);
  BOOST_TEST(*b.compare("K1", "sector", Ratio(10, 1)).quartile == 4);
  BOOST_TEST(*b.compare("K1", "sector", Ratio(60, 1)).rank == 1);
}

// Quartiles are interpolated exactly and rounded to a double once: halfway
// between 2/30 and 17/24 is 38.75, which binary interpolation made
// 38.7499999... and the reports then showed as 38.7 instead of 38.8.
BOOST_AUTO_TEST_CASE(interpolationIsExactBeforeItIsShown) {
  PeerBenchmark b(calculator, registry, period,
                  {record("E1", 0), record("E2", 1, 30), record("E3", 2, 30), record("E4", 17, 24), record("E5", 9),
                   record("E6", 10)});
  PeerComparison c = b.compare("K1", "sector", std::nullopt);
  BOOST_REQUIRE(c.distribution);
  BOOST_TEST(c.distribution->median == 38.75);
  BOOST_TEST(c.distribution->lowerQuartile == 25.0 / 6);  // h = 1.25: 10/3 + (20/3 - 10/3) / 4
}

BOOST_AUTO_TEST_CASE(sectorRateIsSumOverSumNotMeanOfRates) {
  std::vector<SubmissionRecord> records{record("E1", 1), record("E2", 30, 30), record("E3", 5), record("E4", 5),
                                        record("E5", 5)};
  PeerBenchmark b(calculator, registry, period, records);
  PeerComparison c = b.compare("K1", "sector", std::nullopt);
  // (1 + 30 + 5 + 5 + 5) / (10 + 30 + 10 + 10 + 10) = 46/70 = 65.7%, where the mean of rates is 52%.
  BOOST_TEST(c.groupRate->toOneDecimal() == "65.7");
  BOOST_TEST((*c.groupRate == Ratio(4600, 70)));
  BOOST_TEST(!c.rank);
}

BOOST_AUTO_TEST_CASE(smallGroupsDiscloseNothing) {
  PeerBenchmark b(calculator, registry, period,
                  {record("E1", 1), record("E2", 2), record("E3", 3), record("E4", 4), record("E5", 5)});
  PeerComparison districts = b.compare("K1", "district", Ratio(10, 1));
  BOOST_TEST(districts.organisations == 4u);
  BOOST_TEST(!districts.disclosed);
  BOOST_TEST(!districts.distribution);
  BOOST_TEST(!districts.groupRate);
  BOOST_TEST(!districts.rank);
  BOOST_TEST(!districts.quartile);
  BOOST_TEST(b.compare("K1", "sector", Ratio(10, 1)).disclosed);
  PeerBenchmark lenient(calculator, registry, period,
                        {record("E1", 1), record("E2", 2), record("E3", 3), record("E4", 4)}, BenchmarkOptions{3});
  BOOST_TEST(lenient.compare("K1", "district", Ratio(10, 1)).disclosed);
}

BOOST_AUTO_TEST_CASE(organisationsWithoutAValueAreLeftOut) {
  PeerBenchmark b(calculator, registry, period,
                  {record("E1", 0, 0), record("E2", 2), record("E3", 3), record("E4", 4), record("E5", 5),
                   record("E6", 6)});
  BOOST_TEST(b.compare("K1", "sector", std::nullopt).organisations == 5u);
  BOOST_TEST(b.submissions() == 6u);
}

BOOST_AUTO_TEST_SUITE_END()

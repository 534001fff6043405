#include "engine/kpi/KpiCalculator.h"
#include "tests/support/Printers.h"
#include "tests/support/Records.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;
using profkpi::tests::hartlepoolMeasures;

namespace {

KpiDefinition percentKpi(const std::string& id, Measure numerator, Measure denominator, int target) {
  KpiDefinition k;
  k.id = id;
  k.numerator = numerator;
  k.denominator = denominator;
  k.target = Ratio(target, 1);
  return k;
}

// The default catalogue of SUBMISSION.md section 4.
Catalogue specCatalogue() {
  KpiDefinition k5 = percentKpi("K5", Measure::CpdDays, Measure::ItFte, 5);
  k5.scaling = Scaling::Annualised;
  k5.jumpThreshold = Ratio(5, 1);
  return Catalogue("1.0", {percentKpi("K1", Measure::RolesMapped, Measure::RolesTotal, 90),
                           percentKpi("K2", Measure::StaffAssessed, Measure::ItHeadcount, 80),
                           percentKpi("K3", Measure::StaffWithPdp, Measure::ItHeadcount, 90),
                           percentKpi("K4", Measure::StaffRecognised, Measure::ItHeadcount, 25), k5});
}

struct Fixture {
  Catalogue catalogue = specCatalogue();
  KpiCalculator calculator{catalogue};
  Period quarter = *Period::parse("2009-10-Q2");
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(KpiCalculatorTest, Fixture)

BOOST_AUTO_TEST_CASE(specExampleRoundsHalfAwayFromZero) {
  Scorecard card = calculator.compute(hartlepoolMeasures(), quarter);
  BOOST_TEST(card.find("K2")->shown() == "73.2");  // 30/41 x 100 = 73.17
  BOOST_TEST(card.find("K1")->shown() == "80.0");
  BOOST_TEST(card.find("K3")->shown() == "85.4");
  BOOST_TEST(card.find("K4")->shown() == "26.8");
  BOOST_TEST(card.find("K5")->shown() == "5.0");  // 48.5 / 38.5 x 12 / 3 = 5.039
  Measures m;
  m.rolesTotal = 400;
  m.rolesMapped = 53;
  BOOST_TEST(calculator.compute(m, quarter).find("K1")->shown() == "13.3");
}

BOOST_AUTO_TEST_CASE(statusBoundariesUseTheUnroundedValue) {
  const KpiDefinition& k1 = *catalogue.find("K1");
  BOOST_TEST(calculator.status(k1, Ratio(90, 1)) == Status::Green);
  BOOST_TEST(calculator.status(k1, Ratio(8999, 100)) == Status::Amber);   // shows as 90.0, still amber
  BOOST_TEST(calculator.status(k1, Ratio(72, 1)) == Status::Amber);      // 90 x 0.8 exactly
  BOOST_TEST(calculator.status(k1, Ratio(7199, 100)) == Status::Red);
}

BOOST_AUTO_TEST_CASE(zeroDenominatorHasNoValueAndNoStatus) {
  Measures m = hartlepoolMeasures();
  m.itHeadcount = 0;
  m.itFte = Amount();
  m.staffAssessed = m.staffWithPdp = m.staffRecognised = 0;
  m.cpdDays = Amount();
  Scorecard card = calculator.compute(m, quarter);
  for (const char* id : {"K2", "K3", "K4", "K5"}) {
    BOOST_TEST(!card.find(id)->value, id);
    BOOST_TEST(card.find(id)->shown() == "n/a");
    BOOST_TEST(card.find(id)->status == Status::None);
  }
  // Only K1 counts: min(80/90, 1) x 100 = 88.9 -> 89.
  BOOST_TEST(*card.index == 89);
}

BOOST_AUTO_TEST_CASE(indexIsTheMeanOfCappedAttainment) {
  // (80/90 + 73.17/80 + 85.37/90 + 1 + 1) / 5 x 100 = 95.0 -> 95
  BOOST_TEST(*calculator.compute(hartlepoolMeasures(), quarter).index == 95);
  // The Anglesey sample: (66.67/90 + 50/80 + 58.33/90 + 1 + 1) / 5 = 80.28 -> 80
  Measures m;
  m.itHeadcount = 12;
  m.itFte = Amount::fromHundredths(930);
  m.rolesTotal = 6;
  m.rolesMapped = 4;
  m.staffAssessed = 6;
  m.staffWithPdp = 7;
  m.staffRecognised = 7;
  m.cpdDays = Amount::fromWhole(26);
  BOOST_TEST(*calculator.compute(m, quarter).index == 80);
  BOOST_TEST(!calculator.compute(Measures{}, quarter).index);
}

BOOST_AUTO_TEST_CASE(cpdIsAnnualisedByPeriodLength) {
  Measures m;
  m.itFte = Amount::fromWhole(10);
  m.cpdDays = Amount::fromWhole(50);
  BOOST_TEST(calculator.compute(m, quarter).find("K5")->shown() == "20.0");
  BOOST_TEST(calculator.compute(m, *Period::parse("2009-10")).find("K5")->shown() == "5.0");
}

BOOST_AUTO_TEST_CASE(lowerIsBetterInvertsStatusAndAttainment) {
  KpiDefinition k = percentKpi("K6", Measure::StaffAssessed, Measure::ItHeadcount, 10);
  k.direction = Direction::LowerIsBetter;
  BOOST_TEST(calculator.status(k, Ratio(10, 1)) == Status::Green);
  BOOST_TEST(calculator.status(k, Ratio(125, 10)) == Status::Amber);  // 12.5 x 0.8 = 10
  BOOST_TEST(calculator.status(k, Ratio(126, 10)) == Status::Red);
  BOOST_TEST((calculator.attainment(k, Ratio(20, 1)) == Ratio(1, 2)));
  BOOST_TEST((calculator.attainment(k, Ratio(0, 1)) == Ratio(1, 1)));
}

BOOST_AUTO_TEST_SUITE_END()

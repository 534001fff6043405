// Results as boards read them, from a real store.
#include "engine/intake/xml/CatalogueLoader.h"
#include "engine/kpi/ResultsService.h"
#include "tests/support/IntakeFixture.h"
#include "tests/support/StoreFixture.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

struct Fixture : StoreFixture {
  Catalogue catalogue = xml::loadCatalogue(sharedSchemas());
  KpiCalculator calculator{catalogue};
  ResultsService results{*store, calculator, shippedRegistry()};
  int next = 0;

  // Stores figures for an organisation and period: `mapped` of 10 roles (K1 = mapped x 10%).
  void put(const std::string& org, const std::string& period, int mapped) {
    SubmissionRecord r;
    char id[40];
    std::snprintf(id, sizeof id, "bbbbbbbb-0000-4000-8000-%012d", ++next);
    r.submissionId = id;
    r.organisation = org;
    r.period = period;
    r.sha256 = std::string(64, 'f');
    r.measures.rolesTotal = 10;
    r.measures.rolesMapped = mapped;
    r.measures.itHeadcount = 10;
    r.measures.itFte = Amount::fromWhole(10);
    r.measures.staffAssessed = 5;
    store->accept(r, "x", AuditEntry{});
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(ResultsServiceTest, Fixture)

BOOST_AUTO_TEST_CASE(trendChangeAndPeersForOneOrganisation) {
  // Hartlepool over ten quarters; the trend keeps the last eight.
  const char* quarters[] = {"2007-08-Q3", "2007-08-Q4", "2008-09-Q1", "2008-09-Q2", "2008-09-Q3",
                            "2008-09-Q4", "2009-10-Q1", "2009-10-Q2", "2009-10-Q3", "2009-10-Q4"};
  for (int i = 0; i < 10; ++i) put("E06000001", quarters[i], i);
  put("E06000001", "2009-10", 9);  // a whole year does not join a quarterly trend
  for (const char* org : {"E06000002", "E06000003", "E06000004", "E06000005"}) put(org, "2009-10-Q3", 5);

  auto r = results.results("E06000001", *Period::parse("2009-10-Q3"));
  BOOST_REQUIRE(r);
  BOOST_TEST(r->organisation->name.find("Hartlepool") != std::string::npos);
  const KpiResult& k1 = r->kpis.at(0);
  BOOST_TEST(k1.current.shown() == "80.0");
  BOOST_TEST(k1.previous->toOneDecimal() == "70.0");
  BOOST_TEST(*k1.changeTenths == 100);
  BOOST_REQUIRE(k1.trend.size() == 8u);
  BOOST_TEST(k1.trend.front().period == "2007-08-Q4");
  BOOST_TEST(k1.trend.back().period == "2009-10-Q3");
  BOOST_TEST(k1.sector.organisations == 5u);
  BOOST_TEST(k1.sector.disclosed);
  BOOST_TEST(*k1.sector.rank == 1);
  BOOST_TEST(k1.type.group == "unitary");
  BOOST_TEST(k1.type.organisations == 5u);
  BOOST_TEST(r->previousIndex.has_value());
  BOOST_TEST(!results.results("E06000002", *Period::parse("2009-10-Q4")));
}

// The trend is the eight periods ending with this one (the report's method
// says so, and a gap is drawn as a gap), not the last eight submissions: a
// missing year must not pull in a ninth year back.
BOOST_AUTO_TEST_CASE(trendCoversEightPeriodsEvenWithAGap) {
  for (int year = 2000; year <= 2009; ++year) {
    if (year == 2007) continue;
    char period[8];
    std::snprintf(period, sizeof period, "%04d-%02d", year, (year + 1) % 100);
    put("E06000001", period, year - 2000);
  }
  auto r = results.results("E06000001", *Period::parse("2009-10"));
  BOOST_REQUIRE(r);
  std::vector<std::string> periods;
  for (const TrendPoint& p : r->kpis.at(0).trend) periods.push_back(p.period);
  std::vector<std::string> expected = {"2002-03", "2003-04", "2004-05", "2005-06", "2006-07", "2008-09", "2009-10"};
  BOOST_TEST(periods == expected, boost::test_tools::per_element());
  BOOST_TEST(r->kpis.at(0).previous->toOneDecimal() == "80.0");  // 2008-09, 8 of 10 roles mapped
}

BOOST_AUTO_TEST_CASE(coverageListsWhoHasNotSubmitted) {
  put("E06000001", "2009-10-Q2", 5);
  put("W06000001", "2009-10-Q2", 5);
  Coverage c = results.coverage(*Period::parse("2009-10-Q2"));
  BOOST_TEST(c.submitted.size() == 2u);
  BOOST_TEST(c.missing.size() == shippedRegistry().all().size() - 2);
  for (const Organisation* o : c.missing) BOOST_TEST((o->code != "E06000001" && o->code != "W06000001"));
}

BOOST_AUTO_TEST_SUITE_END()

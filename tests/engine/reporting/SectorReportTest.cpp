// The sector report as data (Reports::sector) on an in-memory store: partial
// indexes kept out of the ranking and the medians, warnings carried beside the
// figures they touch, Welsh names, and an attacker who differences everything
// published to recover a group smaller than the minimum.
#include "engine/reporting/Reports.h"
#include "tests/fakes/InMemoryStore.h"
#include "tests/support/NightlyFixture.h"

#include <boost/test/unit_test.hpp>

#include <cstdio>

using namespace profkpi;
using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

const char* const Q2 = "2025-26-Q2";
const char* const Q1 = "2025-26-Q1";

std::vector<Organisation> organisations() {
  std::vector<Organisation> all;
  for (int i = 1; i <= 7; ++i) {
    char code[16];
    std::snprintf(code, sizeof code, "E0600%04d", i);
    all.push_back({code, "Unitary " + std::to_string(i), "", "unitary", "kpi@u" + std::to_string(i) + ".example.org"});
  }
  all.push_back({"E10000001", "Shire County Council", "", "county", "kpi@shire.example.org"});
  all.push_back({"W06000002", "Gwynedd Council", "Cyngor Gwynedd", "welsh-unitary", "kpi@gwynedd.example.org"});
  all.push_back({"W06000005", "Flintshire County Council", "", "welsh-unitary", "kpi@flintshire.example.org"});
  return all;
}

struct Fixture {
  Catalogue catalogue{"1.0",
                      {percentKpi("K1", "Roles mapped", Measure::RolesMapped, Measure::RolesTotal, 90),
                       percentKpi("K2", "Staff assessed", Measure::StaffAssessed, Measure::ItHeadcount, 80),
                       percentKpi("K4", "Staff recognised", Measure::StaffRecognised, Measure::ItHeadcount, 25)}};
  KpiCalculator calculator{catalogue};
  Registry registry{organisations()};
  InMemoryStore store;
  ResultsService results{store, calculator, registry};
  Reports reports{store, results};
  int next = 0;

  // `mapped` of 10 roles, `assessed` and `recognised` of `headcount` staff.
  void submit(const std::string& org, const std::string& period, int mapped, int headcount = 20,
                           int assessed = 10, int recognised = 4, const std::string& sentName = "As sent",
                           std::vector<Diagnostic> warnings = {}) {
    SubmissionRecord r;
    char id[40];
    std::snprintf(id, sizeof id, "bbbbbbbb-0000-4000-8000-%012d", ++next);
    r.submissionId = id;
    r.organisation = org;
    r.organisationName = sentName;
    r.period = period;
    r.receivedAt = Instant{std::chrono::milliseconds{1750000000000LL + next * 60000LL}};
    r.sha256 = std::string(64, 'b');
    r.measures.rolesTotal = 10;
    r.measures.rolesMapped = mapped;
    r.measures.itHeadcount = headcount;
    r.measures.itFte = Amount::fromWhole(headcount);
    r.measures.staffAssessed = headcount == 0 ? 0 : assessed;
    r.measures.staffRecognised = headcount == 0 ? 0 : recognised;
    r.warnings = std::move(warnings);
    store.accept(r, "<Submission/>", AuditEntry{});
  }

  SectorReport sector(const char* period = Q2) { return reports.sector(*Period::parse(period)); }
};

Diagnostic warning(const std::string& code, const std::string& kpi, const std::string& explanation) {
  Diagnostic d;
  d.severity = Severity::Warning;
  d.code = code;
  d.kpi = kpi;
  d.message = code + " found";
  d.explained = !explanation.empty();
  d.explanation = explanation;
  return d;
}

// The organisations behind an aggregate the report shows, for every KPI: each
// group shown alone, and the sector minus every type shown beside it.
void attackerFindsNoSmallGroup(const SectorReport& r) {
  const std::size_t minimum = r.minimumGroupSize;
  if (!r.statusesDisclosed) {
    BOOST_TEST(r.submitted.size() < minimum);
    BOOST_TEST(!r.leagueDisclosed);
  }
  BOOST_TEST(r.statusesDisclosed == (r.submitted.size() >= minimum));
  for (const SectorKpi& k : r.kpis) {
    BOOST_TEST_CONTEXT(k.kpi->id) {
      const GroupDistribution& sector = k.groups.front();
      std::size_t valuesLeft = sector.current.organisations, submittersLeft = sector.submitted;
      for (const GroupDistribution& g : k.groups) {
        if (g.current.disclosed) {
          BOOST_TEST(g.current.organisations >= minimum, g.current.group);
          BOOST_TEST(g.current.distribution.has_value());
        } else {
          BOOST_TEST(!g.current.distribution.has_value(), g.current.group);
          BOOST_TEST(!g.current.groupRate.has_value(), g.current.group);
          BOOST_TEST(!g.rateChangeTenths.has_value(), g.current.group);
        }
        if (g.countDisclosed) BOOST_TEST(g.submitted >= minimum, g.current.group);
        if (&g == &sector) continue;
        if (g.current.disclosed) valuesLeft -= g.current.organisations;
        if (g.countDisclosed) submittersLeft -= g.submitted;
      }
      if (sector.current.disclosed) BOOST_TEST((valuesLeft == 0 || valuesLeft >= minimum), valuesLeft);
      if (sector.countDisclosed) BOOST_TEST((submittersLeft == 0 || submittersLeft >= minimum), submittersLeft);
    }
  }
  std::size_t completeLeft = r.completeIndexes;
  for (const TypeSummary& t : r.types) {
    if (!t.medianIndex) continue;
    BOOST_TEST(t.completeIndexes >= minimum, t.type);
    completeLeft -= t.completeIndexes;
  }
  if (r.medianIndex) BOOST_TEST((completeLeft == 0 || completeLeft >= minimum));
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(SectorReportTest, Fixture)

// Six unitary councils measured on all three KPIs; a seventh has no IT staff
// (K2 and K4 n/a), so its index of 100 rests on K1 alone.
BOOST_AUTO_TEST_CASE(anIndexOnFewerKpisIsListedApartAndLeftOutOfTheMedian) {
  for (int i = 1; i <= 6; ++i) submit("E0600000" + std::to_string(i), Q2, 3 + i);
  submit("E06000007", Q2, 10, 0);
  SectorReport r = sector();
  BOOST_TEST_REQUIRE(r.leagueDisclosed);
  BOOST_TEST(r.league.size() == 6u);
  BOOST_TEST(r.league.front().code == "E06000006");
  BOOST_TEST(r.league.front().rank == 1);
  for (const LeagueEntry& e : r.league) BOOST_TEST(e.kpisWithValue == 3u);
  BOOST_TEST_REQUIRE(r.unranked.size() == 1u);
  BOOST_TEST(r.unranked.front().code == "E06000007");
  BOOST_TEST(r.unranked.front().rank == 0);
  BOOST_TEST(r.unranked.front().kpisWithValue == 1u);
  BOOST_TEST(*r.unranked.front().index == 100);
  BOOST_TEST(r.completeIndexes == 6u);
  BOOST_TEST(r.partialIndexes == 1u);
  // The median of the six complete indexes, not of seven with the 100 among them.
  std::vector<double> complete;
  for (const LeagueEntry& e : r.league) complete.push_back(*e.index);
  std::sort(complete.begin(), complete.end());
  BOOST_TEST(*r.medianIndex == (complete[2] + complete[3]) / 2);
}

BOOST_AUTO_TEST_CASE(aSingleSubmitterRevealsNoStatusNorCount) {
  submit("E06000001", Q2, 7, 20, 10, 4, "As sent", {warning("PQ102", "K4", "A one-off")});
  SectorReport r = sector();
  BOOST_TEST(r.warnings.empty());
  for (const SectorKpi& k : r.kpis) BOOST_TEST(k.warnings.empty());
  BOOST_TEST(!r.statusesDisclosed);
  BOOST_TEST(!r.leagueDisclosed);
  BOOST_TEST(!r.medianIndex.has_value());
  for (const SectorKpi& k : r.kpis) {
    for (const GroupDistribution& g : k.groups) {
      BOOST_TEST(!g.countDisclosed);
      BOOST_TEST(!g.current.disclosed);
    }
  }
  attackerFindsNoSmallGroup(r);
}

// Six unitary councils and one county: the unitary figures are large enough on
// their own, but beside the sector's they would give the county's away.
BOOST_AUTO_TEST_CASE(theSectorMinusTheTypesShownIsNeverASmallGroup) {
  for (int i = 1; i <= 6; ++i) submit("E0600000" + std::to_string(i), Q2, 3 + i);
  submit("E10000001", Q2, 2);
  SectorReport r = sector();
  attackerFindsNoSmallGroup(r);
  for (const SectorKpi& k : r.kpis) {
    BOOST_TEST(k.groups.at(0).current.disclosed);  // the sector: seven
    for (std::size_t g = 1; g < k.groups.size(); ++g) BOOST_TEST(!k.groups[g].current.disclosed);
  }
  for (const TypeSummary& t : r.types) BOOST_TEST(!t.medianIndex.has_value(), t.type);

  // A seventh unitary council and two Welsh ones: 7 unitary, 1 county, 2 Welsh.
  for (int i = 7; i <= 7; ++i) submit("E0600000" + std::to_string(i), Q2, 5);
  submit("W06000002", Q2, 6);
  submit("W06000005", Q2, 6);
  r = sector();
  attackerFindsNoSmallGroup(r);
}

BOOST_AUTO_TEST_CASE(largeEnoughGroupsAreShown) {
  for (int i = 1; i <= 5; ++i) submit("E0600000" + std::to_string(i), Q2, 3 + i);
  SectorReport r = sector();
  attackerFindsNoSmallGroup(r);
  BOOST_TEST(r.statusesDisclosed);
  for (const SectorKpi& k : r.kpis) {
    BOOST_TEST(k.groups.size() == 2u);
    for (const GroupDistribution& g : k.groups) BOOST_TEST(g.current.disclosed);
  }
  BOOST_TEST(r.types.size() == 3u);
}

// A value with a warning this period, and last period's spike behind the index change.
BOOST_AUTO_TEST_CASE(warningsTravelWithTheFiguresTheyTouch) {
  for (int i = 1; i <= 5; ++i) submit("E0600000" + std::to_string(i), Q1, 5);
  submit("E06000001", Q1, 5, 20, 10, 4, "As sent", {warning("PQ101", "K2", "One-off assessment round")});
  for (int i = 1; i <= 5; ++i) submit("E0600000" + std::to_string(i), Q2, 3 + i);
  submit("E06000002", Q2, 6, 20, 10, 4, "As sent",
         {warning("PQ102", "K4", ""), warning("PQ104", "", "Corrected return")});
  SectorReport r = sector();
  auto entry = [&](const std::string& code) {
    for (const LeagueEntry& e : r.league) {
      if (e.code == code) return e;
    }
    BOOST_FAIL("no league entry for " + code);
    return LeagueEntry{};
  };
  LeagueEntry one = entry("E06000001");
  BOOST_TEST_REQUIRE(one.warnings.size() == 1u);
  BOOST_TEST(one.warnings[0].period == Q1);
  BOOST_TEST(one.warnings[0].code == "PQ101");
  BOOST_TEST(one.warnings[0].explanation == "One-off assessment round");
  LeagueEntry two = entry("E06000002");
  BOOST_TEST_REQUIRE(two.warnings.size() == 2u);
  BOOST_TEST(two.warnings[0].code == "PQ102");
  BOOST_TEST(!two.warnings[0].explained);
  BOOST_TEST(two.warnings[1].code == "PQ104");
  BOOST_TEST(r.warnings.size() == 3u);
  BOOST_TEST(r.kpis.at(2).warnings.size() == 1u);  // K4's unexplained PQ102
  BOOST_TEST(r.kpis.at(0).warnings.empty());
}

BOOST_AUTO_TEST_CASE(welshCouncilsKeepTheirWelshName) {
  for (int i = 1; i <= 3; ++i) submit("E0600000" + std::to_string(i), Q2, 5);
  submit("W06000002", Q2, 6, 20, 10, 4, "Gwynedd Council");          // the registry's Welsh name
  submit("W06000005", Q2, 6, 20, 10, 4, "Cyngor Sir y Fflint");      // the name it sent
  submit("E06000004", Q2, 6, 20, 10, 4, "Unitary Four (sent)");      // English: no Welsh name
  SectorReport r = sector();
  for (const SubmittedEntry& s : r.submitted) {
    if (s.code == "W06000002") BOOST_TEST(s.welshName == "Cyngor Gwynedd");
    else if (s.code == "W06000005") BOOST_TEST(s.welshName == "Cyngor Sir y Fflint");
    else BOOST_TEST(s.welshName.empty(), s.code);
  }
  for (const LeagueEntry& e : r.league) {
    if (e.code == "W06000002") BOOST_TEST(e.welshName == "Cyngor Gwynedd");
  }
}

BOOST_AUTO_TEST_SUITE_END()

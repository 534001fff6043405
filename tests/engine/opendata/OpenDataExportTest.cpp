#include "engine/opendata/OpenDataExport.h"

#include "engine/intake/Lexical.h"

#include "tests/fakes/InMemoryStore.h"

#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

using namespace profkpi::engine;

namespace {

using Tables = std::map<OpenDataTableId, std::vector<std::vector<std::string>>>;

struct RecordingSink final : OpenDataSink {
  Tables rows;
  void row(OpenDataTableId table, const std::vector<std::string>& cells) override { rows[table].push_back(cells); }
};

// A table's rows as column name -> cell, for reading like a person would.
using Row = std::map<std::string, std::string>;

std::vector<Row> named(const Tables& tables, OpenDataTableId id) {
  std::vector<Row> out;
  auto found = tables.find(id);
  if (found == tables.end()) return out;
  const auto& columns = openDataTable(id).columns;
  for (const auto& cells : found->second) {
    Row row;
    for (std::size_t i = 0; i < columns.size() && i < cells.size(); ++i) row[columns[i].name] = cells[i];
    out.push_back(row);
  }
  return out;
}

bool withheld(const std::string& cell) { return cell == CELL_CONFIDENTIAL; }
bool valued(const std::string& cell) { return !withheld(cell) && cell != CELL_NOT_APPLICABLE; }

// An attacker with the three files: every way found to learn statistics of
// fewer than `minimum` organisations, one line each.
std::vector<std::string> recoveries(const Tables& sink, std::size_t minimum) {
  std::vector<std::string> found;
  std::vector<Row> results = named(sink, OpenDataTableId::Results);
  for (const Row& peers : named(sink, OpenDataTableId::Peers)) {
    std::string where = peers.at("period") + " " + peers.at("kpi") + " " + peers.at("group");
    std::size_t members = 0, hidden = 0, visibleValued = 0;
    for (const Row& r : results) {
      if (r.at("period") != peers.at("period") || r.at("kpi") != peers.at("kpi")) continue;
      if (peers.at("group") != "sector" && r.at("organisation_type") != peers.at("group")) continue;
      ++members;
      if (withheld(r.at("value"))) ++hidden;
      if (valued(r.at("value"))) ++visibleValued;
    }
    if (withheld(peers.at("organisations"))) {
      // Withheld statistics, recomputed from their members' shown figures.
      if (members > 0 && hidden == 0) found.push_back(where + ": withheld group recomputed from its rows");
      continue;
    }
    std::size_t n = std::stoul(peers.at("organisations"));
    if (n < minimum) found.push_back(where + ": statistics of " + std::to_string(n) + " published");
    // The group's statistics less the shown figures describe the hidden ones.
    std::size_t hiddenValued = n - visibleValued;
    if (hidden > 0 && hiddenValued < minimum) {
      found.push_back(where + ": " + std::to_string(hiddenValued) + " withheld values recoverable by difference");
    }
  }
  std::set<std::string> partlyHidden;
  for (const Row& r : results) {
    if (withheld(r.at("value"))) partlyHidden.insert(r.at("period") + r.at("organisation"));
  }
  for (const Row& r : results) {
    if (partlyHidden.count(r.at("period") + r.at("organisation")) && !withheld(r.at("professionalisation_index"))) {
      found.push_back(r.at("organisation") + ": index shown beside withheld KPIs");
    }
  }
  return found;
}

KpiDefinition kpi(const std::string& id, Measure numerator, Measure denominator) {
  KpiDefinition k;
  k.id = id;
  k.title = id + " title";
  k.unit = "%";
  k.numerator = numerator;
  k.denominator = denominator;
  k.target = Ratio(90, 1);
  return k;
}

struct Fixture {
  Catalogue catalogue{"1.0", {kpi("K1", Measure::RolesMapped, Measure::RolesTotal),
                              kpi("K2", Measure::StaffAssessed, Measure::ItHeadcount)}};
  KpiCalculator calculator{catalogue};
  std::vector<Organisation> organisations;
  std::optional<Registry> registry;
  profkpi::tests::InMemoryStore store;
  Period period = *Period::parse("2009-10-Q2");
  int sequence = 0;

  // `count` organisations of `type`, codes PREFIX1.., values 10, 20, ... percent.
  void addType(const std::string& type, const std::string& prefix, int count) {
    for (int i = 1; i <= count; ++i) organisations.push_back({prefix + std::to_string(i), prefix, "", type, ""});
  }

  void submit(const std::string& code, int mapped, std::int64_t headcount = 10,
              const std::string& at = "2009-10-05T09:00:00Z") {
    SubmissionRecord r;
    r.submissionId = "00000000-0000-0000-0000-" + std::to_string(100000000000 + ++sequence);
    r.organisation = code;
    r.organisationName = "Sent as " + code;
    r.period = period.code();
    r.receivedAt = lexical::zonedDateTime(at)->instant;
    r.measures.rolesTotal = 10;
    r.measures.rolesMapped = mapped;
    r.measures.itHeadcount = headcount;
    r.measures.staffAssessed = headcount / 2;
    store.accept(r, "<bytes/>", AuditEntry{});
  }

  void submitAll() {
    int i = 0;
    for (const Organisation& o : organisations) submit(o.code, 1 + (i++ % 10));
  }

  Tables exportWith(std::size_t minimumGroupSize) {
    if (!registry) registry.emplace(organisations);
    ResultsService results(store, calculator, *registry, BenchmarkOptions{minimumGroupSize});
    OpenDataExport exporter(store, results);
    RecordingSink sink;
    exporter.write(period, sink);
    return std::move(sink.rows);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(OpenDataExportTest, Fixture)

BOOST_AUTO_TEST_CASE(truncatedValueRoundsAsTheExactOneDoes) {
  BOOST_TEST(truncatedDecimal(Ratio(3000, 41)) == "73.170731");
  BOOST_TEST(truncatedDecimal(Ratio(1325, 100)) == "13.250000");
  BOOST_TEST(truncatedDecimal(Ratio(2, 3)) == "0.666666");
  BOOST_TEST(truncatedDecimal(Ratio(0, 1)) == "0.000000");
  BOOST_TEST(truncatedDecimal(Ratio(1, 1000000)) == "0.000001");
  // Just under a rounding boundary: rounding to 6 places first would give 73.250000 and then 73.3.
  Ratio below(7325LL * 100000000 - 1, 10000000000LL);
  BOOST_TEST(truncatedDecimal(below) == "73.249999");
  BOOST_TEST(below.toOneDecimal() == "73.2");
  // Every fraction n/d x 100 for small n, d: the truncated text, rounded half
  // away from zero to one place as SUBMISSION.md says, is the shown value.
  for (int d = 1; d <= 120; ++d) {
    for (int n = 0; n <= d; ++n) {
      Ratio value(n * 100, d);
      std::string text = truncatedDecimal(value);
      std::size_t dot = text.find('.');
      long long tenths = std::stoll(text.substr(0, dot)) * 10 + (text[dot + 1] - '0');
      if (text[dot + 2] >= '5') ++tenths;
      BOOST_TEST(formatTenths(tenths) == value.toOneDecimal(), n << "/" << d);
    }
  }
}

BOOST_AUTO_TEST_CASE(everyCellHoldsAFigureOrAMarker) {
  addType("big", "B", 6);
  addType("other", "O", 5);
  submitAll();
  submit("B1", 3, 0);  // no staff: K2 has no value (big keeps 5 values: shown)
  Tables sink = exportWith(5);
  for (OpenDataTableId id : openDataTableIds()) {
    BOOST_TEST_REQUIRE(!sink[id].empty());
    for (const auto& cells : sink[id]) {
      BOOST_TEST(cells.size() == openDataTable(id).columns.size());
      for (const std::string& cell : cells) BOOST_TEST(!cell.empty());
    }
  }
  std::vector<Row> results = named(sink, OpenDataTableId::Results);
  BOOST_TEST(results.size() == 22u);  // 11 organisations x 2 KPIs
  const Row& noStaff = results[1];
  BOOST_TEST(noStaff.at("organisation") == "B1");
  BOOST_TEST(noStaff.at("kpi") == "K2");
  BOOST_TEST(noStaff.at("value") == CELL_NOT_APPLICABLE);
  BOOST_TEST(noStaff.at("status") == CELL_NOT_APPLICABLE);
  BOOST_TEST(noStaff.at("denominator") == "0");
  BOOST_TEST(noStaff.at("revision") == "2");
  BOOST_TEST(noStaff.at("warnings") == CELL_NOT_APPLICABLE);
}

BOOST_AUTO_TEST_CASE(aGroupOfOneToFourCannotBeRecovered) {
  for (int small = 1; small <= 4; ++small) {
    organisations.clear();
    store.clear();
    registry.reset();
    addType("big", "B", 7);
    addType("mid", "M", 5);
    addType("tiny", "T", small);
    submitAll();
    Tables sink = exportWith(5);
    std::vector<std::string> found = recoveries(sink, 5);
    BOOST_TEST(found.empty(), "group of " << small << ": " << (found.empty() ? "" : found.front()));
    for (const Row& r : named(sink, OpenDataTableId::Results)) {
      if (r.at("organisation_type") == "tiny") BOOST_TEST(r.at("value") == CELL_CONFIDENTIAL);
      if (r.at("organisation_type") == "big") BOOST_TEST(r.at("value") != CELL_CONFIDENTIAL);
      // The sector less the shown figures would give tiny's: mid, the smallest shown type, is withheld with it.
      if (r.at("organisation_type") == "mid") BOOST_TEST(r.at("value") == CELL_CONFIDENTIAL);
    }
    for (const Row& p : named(sink, OpenDataTableId::Peers)) {
      bool expectShown = p.at("group") == "sector" || p.at("group") == "big";
      BOOST_TEST(withheld(p.at("median")) == !expectShown, p.at("group"));
    }
  }
}

// The attack above finds what an export without disclosure control gives away,
// so its silence on the real export means something.
BOOST_AUTO_TEST_CASE(theAttackFindsAnUnprotectedSmallGroup) {
  addType("big", "B", 7);
  addType("tiny", "T", 2);
  submitAll();
  std::vector<std::string> found = recoveries(exportWith(1), 5);
  BOOST_TEST(!found.empty());
}

BOOST_AUTO_TEST_CASE(kpiWithTooFewValuesIsWithheldForItsTypeOnly) {
  addType("big", "B", 6);
  addType("other", "O", 6);
  for (const Organisation& o : organisations) submit(o.code, 5, o.code[0] == 'O' && o.code != "O1" ? 0 : 10);
  Tables sink = exportWith(5);
  BOOST_TEST(recoveries(sink, 5).empty());
  for (const Row& r : named(sink, OpenDataTableId::Results)) {
    if (r.at("organisation_type") != "other") continue;
    // Only O1 has a K2 value: other's K2 is withheld, whole, and so is big's to
    // keep O1's from the sector's by difference; K1 is shown.
    BOOST_TEST(withheld(r.at("value")) == (r.at("kpi") == "K2"), r.at("organisation") << " " << r.at("kpi"));
    BOOST_TEST(withheld(r.at("professionalisation_index")));
  }
}

BOOST_AUTO_TEST_CASE(coverageSaysWhoIsLateAndWhoReplaced) {
  addType("big", "B", 3);
  // 2009-10-Q2 ends 30 September; due 42 days later, 11 November (GMT).
  submit("B1", 5, 10, "2009-11-11T23:59:59Z");
  submit("B2", 5, 10, "2009-11-12T00:00:00Z");
  submit("B1", 6, 10, "2009-12-01T00:00:00Z");  // a replacement does not make B1 late
  Tables sink = exportWith(5);
  std::vector<Row> coverage = named(sink, OpenDataTableId::Coverage);
  BOOST_TEST_REQUIRE(coverage.size() == 3u);
  BOOST_TEST(coverage[0].at("late") == "false");
  BOOST_TEST(coverage[0].at("replacements") == "1");
  BOOST_TEST(coverage[0].at("first_received_at") == "2009-11-11T23:59:59Z");
  BOOST_TEST(coverage[1].at("late") == "true");
  BOOST_TEST(coverage[1].at("replacements") == "0");
  BOOST_TEST(coverage[2].at("organisation") == "B3");
  BOOST_TEST(coverage[2].at("submitted") == "false");
  BOOST_TEST(coverage[2].at("late") == CELL_NOT_APPLICABLE);
  BOOST_TEST(coverage[2].at("submission_id") == CELL_NOT_APPLICABLE);
}

BOOST_AUTO_TEST_CASE(tablesDescribeKeysThatExist) {
  for (OpenDataTableId id : openDataTableIds()) {
    const OpenDataTable& table = openDataTable(id);
    std::set<std::string> names;
    for (const OpenDataColumn& c : table.columns) BOOST_TEST(names.insert(c.name).second, c.name);
    for (const std::string& key : table.primaryKey) BOOST_TEST(names.count(key) == 1u, key);
    for (const ForeignKey& fk : table.foreignKeys) {
      for (const std::string& c : fk.columns) BOOST_TEST(names.count(c) == 1u, c);
      const OpenDataTable& other = openDataTable(fk.references);
      BOOST_TEST(other.primaryKey == fk.referencedColumns);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// Xerces 3.2 builds each pattern's RangeToken table lazily without a lock: two
// threads matching a fresh grammar's patterns at once abort the process. Schemas
// warms every pattern up in its constructor; this test would abort without that.
#include "tests/support/IntakeFixture.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>

using namespace profkpi::engine;
using namespace profkpi::tests;

BOOST_AUTO_TEST_SUITE(ThreadSafetyTest)

BOOST_AUTO_TEST_CASE(freshSchemasServeManyThreadsAtOnce) {
  const std::string workforce = readFile(samplesDir() + "/valid/workforce-anglesey-2009-10-Q2.xml");
  HeaderFields annual;
  annual.period = "2009-10";
  annual.preparedAt = "2010-04-05T10:00:00Z";
  const std::string aggregate = aggregateDocument(annual, {}, "<Explanation code=\"PQ101\" kpi=\"K2\">x</Explanation>");
  const Registry& registry = shippedRegistry();
  for (int round = 0; round < 12; ++round) {
    xml::Schemas schemas;  // new grammars: new, cold regular expressions but for the warm-up
    ManualClock clock{"2011-01-01T00:00:00Z"};
    std::atomic<int> ready{0};
    std::atomic<int> accepted{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        xml::SubmissionReader reader(schemas, registry, shippedCatalogue(), clock);
        const std::string& doc = t % 2 == 0 ? workforce : aggregate;
        ++ready;
        while (ready < 4) std::this_thread::yield();
        for (int i = 0; i < 5; ++i) {
          if (reader.read(doc.data(), doc.size()).accepted()) ++accepted;
        }
      });
    }
    for (auto& thread : threads) thread.join();
    BOOST_TEST(accepted == 20, "round " << round);
  }
}

BOOST_AUTO_TEST_SUITE_END()

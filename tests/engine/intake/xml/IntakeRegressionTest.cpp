// Every input the intake fuzzer found a fault with (fuzz/README.md), replayed
// through the same path as HTTP ingest (fuzz/IntakeHarness): no crash, no
// broken invariant, and the verdict and error codes tests/regressions/intake/
// expected.txt gives for it.
#include "fuzz/IntakeHarness.h"
#include "tests/support/Documents.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace profkpi;

namespace {

const std::string REGRESSIONS = std::string(PROFKPI_SOURCE_DIR) + "/tests/regressions/intake";

struct Expected {
  std::string verdict;          // accepted or refused
  std::set<std::string> codes;  // the error codes of a refusal
};

// expected.txt: "FILE VERDICT [CODE...]" a line; # starts a comment.
std::map<std::string, Expected> expectations() {
  std::map<std::string, Expected> out;
  std::ifstream in(REGRESSIONS + "/expected.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string file;
    Expected e;
    words >> file >> e.verdict;
    for (std::string code; words >> code;) e.codes.insert(code);
    out[file] = e;
  }
  return out;
}

fuzz::IntakeHarness& harness() {
  static fuzz::IntakeHarness h;
  return h;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(IntakeRegressionTest)

BOOST_AUTO_TEST_CASE(everyFoundInputHasItsExpectedVerdict) {
  auto expected = expectations();
  std::size_t replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(REGRESSIONS)) {
    std::string name = entry.path().filename().string();
    if (name == "expected.txt" || name == "README.md") continue;
    BOOST_TEST_CONTEXT(name) {
      auto found = expected.find(name);
      BOOST_TEST_REQUIRE((found != expected.end()), "no line in expected.txt");
      engine::Receipt receipt;
      BOOST_REQUIRE_NO_THROW(receipt = harness().submit(tests::readFile(entry.path().string())));
      BOOST_TEST(engine::outcomeName(receipt.outcome) == found->second.verdict);
      std::set<std::string> codes;
      for (const auto& d : receipt.diagnostics) {
        if (d.isError()) codes.insert(d.code);
      }
      BOOST_TEST(codes == found->second.codes, boost::test_tools::per_element());
      expected.erase(found);
      ++replayed;
    }
  }
  for (const auto& [name, e] : expected) BOOST_ERROR("expected.txt names " << name << ", which is not there");
  BOOST_TEST_MESSAGE(replayed << " regression inputs replayed");
}

// The harness itself can fail: a shipped sample goes through with its documented verdict.
BOOST_AUTO_TEST_CASE(harnessGivesTheSamplesTheirVerdicts) {
  auto valid = harness().submit(tests::readFile(tests::samplesDir() + "/valid/workforce-anglesey-2009-10-Q2.xml"));
  BOOST_TEST(engine::outcomeName(valid.outcome) == std::string("accepted"));
  auto refused = harness().submit(tests::readFile(tests::samplesDir() + "/refused/pk002-unknown-organisation.xml"));
  BOOST_TEST(engine::outcomeName(refused.outcome) == std::string("refused"));
  BOOST_TEST(refused.diagnostics.at(0).code == "PK002");
}

BOOST_AUTO_TEST_SUITE_END()

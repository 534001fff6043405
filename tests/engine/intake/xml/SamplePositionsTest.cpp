// Every sample says in its opening comment where its faults are ("error XSD on
// line 19", "PK003 on line 22"): the reader must report each there, and
// nothing anywhere else.
#include "tests/support/IntakeFixture.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

struct ExpectedFinding {
  std::string code;  // empty when the comment names none
  long line = 0;
};

// The "... on line N" phrases of the document's first comment, with the code
// (PK001, XSD, XML, PQ103, ...) named before it on the same line, if any.
std::vector<ExpectedFinding> expectedFindings(const std::string& document) {
  std::vector<ExpectedFinding> out;
  std::size_t open = document.find("<!--");
  std::size_t close = document.find("-->", open);
  if (open == std::string::npos || close == std::string::npos) return out;
  std::istringstream comment(document.substr(open, close - open));
  static const std::regex ON_LINE(R"(on line (\d+))");
  static const std::regex CODE(R"(\b(PK\d{3}|PQ\d{3}|XSD|XML)\b)");
  for (std::string text; std::getline(comment, text);) {
    std::smatch at;
    if (!std::regex_search(text, at, ON_LINE)) continue;
    ExpectedFinding e;
    e.line = std::stol(at[1]);
    std::string before = at.prefix();
    std::smatch code;
    if (std::regex_search(before, code, CODE)) e.code = code[1];
    out.push_back(e);
  }
  return out;
}

std::vector<std::filesystem::path> samples() {
  std::vector<std::filesystem::path> out;
  for (const char* folder : {"valid", "refused", "hostile"}) {
    for (const auto& entry : std::filesystem::directory_iterator(samplesDir() + "/" + folder)) {
      if (entry.path().extension() == ".xml") out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SamplePositionsTest)

BOOST_AUTO_TEST_CASE(everySampleIsReportedWhereItsCommentSays) {
  ManualClock clock;
  xml::SubmissionReader reader(sharedSchemas(), shippedRegistry(), shippedCatalogue(), clock);
  std::size_t checked = 0;
  for (const auto& path : samples()) {
    std::string document = readFile(path.string());
    std::vector<ExpectedFinding> expected = expectedFindings(document);
    if (expected.empty()) continue;
    BOOST_TEST_CONTEXT(path.filename().string()) {
      IntakeResult result = reader.read(document.data(), document.size());
      std::set<long> lines;
      for (const ExpectedFinding& e : expected) {
        lines.insert(e.line);
        bool found = false;
        for (const Diagnostic& d : result.diagnostics) found |= d.line == e.line && (e.code.empty() || d.code == e.code);
        BOOST_TEST(found, "no " << (e.code.empty() ? "finding" : e.code) << " on line " << e.line << ": "
                                << IntakeFixture::allMessages(result));
      }
      for (const Diagnostic& d : result.diagnostics) {
        BOOST_TEST(lines.count(d.line) == 1u, d.code << " on line " << d.line << " (not where the comment says): "
                                                     << d.message);
      }
      ++checked;
    }
  }
  BOOST_TEST(checked >= 25u, "samples with an expected line: " << checked);
}

// The reading of the comments can fail too.
BOOST_AUTO_TEST_CASE(commentsAreRead) {
  auto e = expectedFindings("<?xml version=\"1.0\"?>\n<!--\n  Expected: refused, error XSD on line 19 (x).\n"
                            "    PK003 on line 22 (y)\n-->\n<a/>");
  BOOST_REQUIRE(e.size() == 2u);
  BOOST_TEST(e[0].code == "XSD");
  BOOST_TEST(e[0].line == 19);
  BOOST_TEST(e[1].code == "PK003");
  BOOST_TEST(e[1].line == 22);
}

BOOST_AUTO_TEST_SUITE_END()

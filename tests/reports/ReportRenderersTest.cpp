// The PDF and HTML renderers on reports assembled from a real store, with names
// no registry would accept: 500 characters, a 300-character word, raw control
// bytes, invalid UTF-8, right-to-left scripts and emoji.
#include "engine/ports/Errors.h"
#include "tests/support/ReportFixture.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <future>

using namespace profkpi;
using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

const char* const QUARTERS[] = {"2007-08-Q3", "2007-08-Q4", "2008-09-Q1", "2008-09-Q2",
                                "2008-09-Q3", "2008-09-Q4", "2009-10-Q1", "2009-10-Q2"};
const char* const ORGANISATIONS[] = {"E06000001", "E06000002", "E06000003", "E06000004", "E06000005", "E07000008"};

std::size_t pages(const std::string& pdf) {
  std::size_t count = 0;
  for (std::size_t at = pdf.find("/Type /Page\n"); at != std::string::npos; at = pdf.find("/Type /Page\n", at + 1)) ++count;
  return count;
}

struct Fixture : ReportFixture {

  Fixture() {
    int next = 0;
    for (int q = 0; q < 8; ++q) {
      for (int o = 0; o < 6; ++o) {
        SubmissionRecord r;
        char id[40];
        std::snprintf(id, sizeof id, "cccccccc-0000-4000-8000-%012d", ++next);
        r.submissionId = id;
        r.organisation = ORGANISATIONS[o];
        r.organisationName = "As sent";
        r.period = QUARTERS[q];
        r.receivedAt = Instant{std::chrono::milliseconds{1254700000000LL + next * 60000LL}};
        r.channel = "http";
        r.sha256 = std::string(64, 'a');
        r.kind = "aggregate";
        r.schemaVersion = "1.0";
        r.measures.rolesTotal = 30;
        r.measures.rolesMapped = 10 + 2 * q + o;
        r.measures.itHeadcount = 40;
        r.measures.itFte = Amount::fromWhole(38);
        r.measures.staffAssessed = 20 + q + o;
        r.measures.staffWithPdp = 25 + o;
        r.measures.staffRecognised = 5 + q;
        r.measures.cpdDays = Amount::fromWhole(40 + 3 * q);
        if (o == 0 && q == 7) {
          Diagnostic w;
          w.severity = Severity::Warning;
          w.code = "PQ101";
          w.kpi = "K1";
          w.message = "K1 moved by more than 25 points since the previous period.";
          w.explained = true;
          w.explanation = std::string(400, 'x') + " <b>&amp;</b> \x01 explanation";
          r.warnings.push_back(w);
        }
        store->accept(r, "x", AuditEntry{});
      }
    }
  }

  BoardReport board() {
    auto report = reports.board("E06000001", *Period::parse("2009-10-Q2"));
    BOOST_REQUIRE(report);
    return *report;
  }
};

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(ReportRenderersTest, Fixture)

BOOST_AUTO_TEST_CASE(hostileNamesKeepEveryPage) {
  const std::vector<std::string> names = {
      repeat("Borough ", 63).substr(0, 500),                                  // 500 characters
      "Council " + std::string(300, 'W'),                                     // a 300-character word
      "Raw\x01\x02\x07\x1B[31m controls\x7F and\tbreaks\r\n",                 // control bytes
      "Invalid \xFF\xFE\xC0\xAF UTF-8 \xED\xA0\x80",                          // not UTF-8
      "\xD9\x85\xD8\xAC\xD9\x84\xD8\xB3 Anglesey \xD7\x9E\xD7\x95\xD7\xA2\xD7\xA6\xD7\xAA",  // Arabic, Latin, Hebrew
      "\xF0\x9F\x8F\xB0\xF0\x9F\x91\x8D\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9",      // emoji only
      "",                                                                     // nothing at all
  };
  BoardReport report = board();
  std::size_t expected = pages(pdf.renderBoard(report));
  BOOST_TEST(expected == 5u);
  for (const std::string& name : names) {
    report.name = name;
    report.welshName = name;
    std::string bytes;
    BOOST_REQUIRE_NO_THROW(bytes = pdf.renderBoard(report));
    BOOST_TEST(bytes.compare(0, 8, "%PDF-1.4") == 0);
    BOOST_TEST(pages(bytes) == expected, "name: " << name);
    BOOST_TEST(bytes.size() < 100u * 1024u);
    std::string page = html.renderBoard(report);
    BOOST_TEST(page.find('\x01') == std::string::npos);
    BOOST_TEST(page.find("\xFF") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(htmlEscapesEverythingItShows) {
  BoardReport report = board();
  report.name = "<script>alert(1)</script> & \"Co\"";
  std::string page = html.renderBoard(report);
  BOOST_TEST(page.find("<script>") == std::string::npos);
  BOOST_TEST(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;") != std::string::npos);
  BOOST_TEST(page.find("<b>&amp;</b>") == std::string::npos);  // the sender's explanation, escaped
  BOOST_TEST(page.find("&lt;b&gt;&amp;amp;&lt;/b&gt;") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(concurrentRendersGiveIdenticalDocuments) {
  BoardReport report = board();
  SectorReport sector = reports.sector(*Period::parse("2009-10-Q2"));
  std::string expected = pdf.renderBoard(report);
  std::string expectedSector = pdf.renderSector(sector);
  std::vector<std::future<std::pair<std::string, std::string>>> runs;
  for (int i = 0; i < 6; ++i) {
    runs.push_back(std::async(std::launch::async, [&] {
      return std::make_pair(pdf.renderBoard(report), pdf.renderSector(sector));
    }));
  }
  for (auto& run : runs) {
    auto [board, sectorBytes] = run.get();
    BOOST_TEST((board == expected));
    BOOST_TEST((sectorBytes == expectedSector));
  }
}

BOOST_AUTO_TEST_CASE(aBoardReportWithSharedPeerStatisticsIsTheSameDocument) {
  // The nightly run builds a period's peer statistics once for every organisation.
  const Period period = *Period::parse("2009-10-Q2");
  PeerBenchmark shared = results.benchmark(period);
  std::vector<BoardReport> fromShared;
  for (const char* organisation : ORGANISATIONS) fromShared.push_back(*reports.board(organisation, shared));
  // The period's latest acceptance is part of every report's cut-off.
  Instant latest{};
  for (const SubmissionRecord& r : store->currentForPeriod(period.code())) latest = std::max(latest, r.receivedAt);
  for (const BoardReport& withShared : fromShared) {
    auto alone = reports.board(withShared.organisationCode, period);
    BOOST_REQUIRE(alone);
    BOOST_TEST(withShared.typeSubmissions == (withShared.type == "unitary" ? 5u : 1u));
    BOOST_TEST(alone->typeSubmissions == withShared.typeSubmissions);
    BOOST_TEST((withShared.dataCutOff == latest));
    BOOST_TEST((pdf.renderBoard(withShared) == pdf.renderBoard(*alone)), withShared.organisationCode);
    BOOST_TEST((html.renderBoard(withShared) == html.renderBoard(*alone)), withShared.organisationCode);
  }
  BOOST_TEST(!reports.board("W06000001", shared));  // no submission for the period
}

BOOST_AUTO_TEST_CASE(theDateAndIdComeFromTheData) {
  BoardReport report = board();
  std::string first = pdf.renderBoard(report);
  report.generatedAt = report.generatedAt + std::chrono::hours(24);
  std::string later = pdf.renderBoard(report);
  BOOST_TEST(first != later);
  auto id = [](const std::string& bytes) { return bytes.substr(bytes.find("/ID [")); };
  BOOST_TEST(id(first) != id(later));  // the ID follows the content
  BOOST_TEST(first.find("/CreationDate (D:20091005") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sizeAndTimeOfABoardReport) {
  BoardReport report = board();
  std::vector<double> milliseconds;
  std::size_t size = 0;
  for (int i = 0; i < 5; ++i) {
    auto start = std::chrono::steady_clock::now();
    size = pdf.renderBoard(report).size();
    milliseconds.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(milliseconds.begin(), milliseconds.end());
  BOOST_TEST_MESSAGE("board report: " << size << " bytes, median render " << milliseconds[2] << " ms");
  BOOST_TEST(size < 100u * 1024u);
}

BOOST_AUTO_TEST_CASE(aMissingFontIsARenderError) {
  BOOST_CHECK_THROW(reports::loadFonts("/nonexistent/font.ttf"), RenderError);
}

BOOST_AUTO_TEST_SUITE_END()

// The sector report's PDF (through pdftotext) and HTML on a real store: what a
// reader sees of partial indexes, warnings, Welsh names and withheld groups,
// and the same things in both versions.
#include "tests/support/DocumentText.h"
#include "tests/support/Records.h"
#include "tests/support/ReportFixture.h"

#include <boost/test/unit_test.hpp>

#include <fstream>

using namespace profkpi;
using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

const char* const UNITARY[] = {"E06000001", "E06000002", "E06000003", "E06000004", "E06000005"};

struct Fixture : ReportFixture {
  int next = 0;

  SubmissionRecord record(const std::string& org, const std::string& period) {
    char id[40];
    std::snprintf(id, sizeof id, "dddddddd-0000-4000-8000-%012d", ++next);
    SubmissionRecord r = aggregateRecord(id, org, period);
    r.receivedAt = Instant{std::chrono::milliseconds{1254700000000LL + next * 60000LL}};
    r.measures.rolesMapped = 18 + next % 7;
    return r;
  }

  static Diagnostic warning(const std::string& code, const std::string& kpi, const std::string& explanation) {
    Diagnostic d;
    d.severity = Severity::Warning;
    d.code = code;
    d.kpi = kpi;
    d.message = kpi + " is far above 30 days per FTE";
    d.explained = true;
    d.explanation = explanation;
    return d;
  }

  // Five unitary councils, a district council with no IT staff (an index on K1
  // alone) and Gwynedd under its Welsh name, with a spike explained in Q2 and
  // another in Q1 behind an index change.
  Fixture() {
    for (const char* period : {"2009-10-Q1", "2009-10-Q2"}) {
      for (const char* org : UNITARY) {
        SubmissionRecord r = record(org, period);
        if (std::string(org) == "E06000003" && std::string(period) == "2009-10-Q1") {
          r.warnings.push_back(warning("PQ102", "K5", "Most of the IT team attended a ten-day accredited programme"));
        }
        store->accept(r, "x", AuditEntry{});
      }
      SubmissionRecord district = record("E07000008", period);
      district.measures.itHeadcount = 0;
      district.measures.itFte = Amount::fromWhole(0);
      district.measures.staffAssessed = district.measures.staffWithPdp = district.measures.staffRecognised = 0;
      district.measures.cpdDays = Amount::fromWhole(0);
      store->accept(district, "x", AuditEntry{});
      SubmissionRecord gwynedd = record("W06000002", period);
      gwynedd.organisationName = "Cyngor Gwynedd";
      if (std::string(period) == "2009-10-Q2") {
        gwynedd.warnings.push_back(warning("PQ102", "K5", "A one-off course for the whole team this quarter only"));
      }
      store->accept(gwynedd, "x", AuditEntry{});
    }
  }

  std::string pdfText(const SectorReport& report) {
    std::string file = dir.file("sector.pdf");
    std::ofstream(file, std::ios::binary) << pdf.renderSector(report);
    ProcessResult r = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", file, "-"});
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, "pdftotext: " << r.err);
    return squeezed(r.out);
  }
};

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(SectorReportRenderingTest, Fixture)

BOOST_AUTO_TEST_CASE(bothVersionsSayWhatAnIndexRestsOnAndWhatWarningsLieBehindIt) {
  SectorReport report = reports.sector(*Period::parse("2009-10-Q2"));
  std::string pdfWords = pdfText(report);
  std::string htmlWords = htmlText(html.renderSector(report));
  for (const std::string& text : {pdfWords, htmlWords}) {
    // The district council's index of 100 on K1 alone is listed apart, unranked.
    BOOST_TEST(has(text, "Index on fewer than 5 KPIs: not ranked"));
    BOOST_TEST(has(text, "based on 1 of 5 KPIs"));
    BOOST_TEST(has(text, "edian of the 6 indexes on all 5 KPIs; 1 index on fewer KPIs left out"));
    // Warnings beside the league entries: this quarter's, and last quarter's behind a change.
    BOOST_TEST(has(text, "Warning PQ102 on K5, explained: \xE2\x80\x9C" "A one-off course for the whole\xE2\x80\xA6\xE2\x80\x9D"));
    BOOST_TEST(has(text, "Warning PQ102 on K5 (Q1 2009/10), explained: \xE2\x80\x9CMost of the IT team attended"));
    BOOST_TEST(has(text, "See Data-quality warnings."));
    BOOST_TEST(has(text, "Data-quality warnings"));
    BOOST_TEST(has(text, "A one-off course for the whole team this quarter only"));  // in full
    // The Welsh name beside the English one.
    BOOST_TEST(has(text, "Gwynedd Council (Cyngor Gwynedd)"));
    // Seven submitted: five unitary, one district, one Welsh. The unitary
    // figures beside the sector's would give away the other two.
    BOOST_TEST(has(text, "Unitary: withheld: would reveal a smaller group"));
    BOOST_TEST(has(text, "District: too few to show"));
    // Sections and columns the PDF always had, now in the HTML too.
    for (const char* words : {"Submissions received", "Method", "Coverage by type of organisation", "Rate change",
                              "Chase list", "Last submitted", "No value"}) {
      BOOST_TEST(has(text, words), words);
    }
  }
  // In the ranked table, only the six complete indexes.
  BOOST_TEST(report.league.size() == 6u);
}

BOOST_AUTO_TEST_CASE(aSingleSubmitterShowsNoCountByStatus) {
  store->accept(record("E06000001", "2009-10-Q3"), "x", AuditEntry{});
  SectorReport report = reports.sector(*Period::parse("2009-10-Q3"));
  std::string pdfWords = pdfText(report);
  std::string page = html.renderSector(report);
  std::string htmlWords = htmlText(page);
  for (const std::string& text : {pdfWords, htmlWords}) {
    BOOST_TEST(has(text, "not shown: fewer than 5 submissions"));
    BOOST_TEST(!has(text, "KPI values green"));
    BOOST_TEST(has(text, "Unitary: too few to show"));
  }
  BOOST_TEST(!has(page, "<span class=\"green\">"));
  BOOST_TEST(!has(page, "<span class=\"red\">"));
  BOOST_TEST(!has(page, "<span class=\"amber\">"));
}

// axe-core's `region` rule: nothing visible outside a landmark. Every child of
// <body> must be a landmark element, in both reports.
BOOST_AUTO_TEST_CASE(everythingVisibleSitsInALandmark) {
  auto board = reports.board("E06000001", *Period::parse("2009-10-Q2"));
  BOOST_REQUIRE(board);
  for (const std::string& page : {html.renderSector(reports.sector(*Period::parse("2009-10-Q2"))),
                                  html.renderBoard(*board)}) {
    std::size_t body = page.find("<body>");
    std::size_t end = page.rfind("</body>");
    BOOST_REQUIRE(body != std::string::npos && end != std::string::npos);
    int depth = 0;
    for (std::size_t at = page.find('<', body + 6); at < end; at = page.find('<', at + 1)) {
      bool closing = page[at + 1] == '/';
      std::size_t nameStart = at + (closing ? 2 : 1);
      std::size_t nameEnd = page.find_first_of(" />", nameStart);
      std::string name = page.substr(nameStart, nameEnd - nameStart);
      bool selfClosing = page[page.find('>', at) - 1] == '/';
      if (closing) {
        --depth;
        continue;
      }
      if (depth == 0) BOOST_TEST((name == "header" || name == "main" || name == "footer" || name == "nav"), name);
      if (!selfClosing) ++depth;
    }
    BOOST_TEST(depth == 0);
  }
}

BOOST_AUTO_TEST_SUITE_END()
